<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ArticleEditor</name>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Nội dung</translation>
    </message>
    <message>
        <source>&amp;Metadata</source>
        <translation>&amp;Siêu dữ liệu</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>Tệp đính &amp;kèm</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>Editor sections</source>
        <translation>Các phần của trình soạn thảo</translation>
    </message>
    <message>
        <source>Article body</source>
        <translation>Nội dung bài viết</translation>
    </message>
    <message>
        <source>Article editor</source>
        <translation>Trình soạn thảo bài viết</translation>
    </message>
</context>
<context>
    <name>ArticleFieldsForm</name>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <source>Sa&amp;po</source>
        <translation>Sa&amp;po</translation>
    </message>
    <message>
        <source>Ca&amp;tegory / language</source>
        <translation>&amp;Chuyên mục / ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>Tác &amp;giả</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>N&amp;guồn</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Từ &amp;khoá</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Sapo (summary)</source>
        <translation>Sapo (tóm tắt)</translation>
    </message>
    <message>
        <source>Pen name</source>
        <translation>Bút danh</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Tên thật</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Where the content comes from</source>
        <translation>Nội dung lấy từ đâu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Từ khoá</translation>
    </message>
    <message>
        <source>Comma-separated tags</source>
        <translation>Các từ khoá, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Article language</source>
        <translation>Ngôn ngữ bài viết</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Article address preview</source>
        <translation>Xem trước địa chỉ bài viết</translation>
    </message>
    <message>
        <source>Publication deadline</source>
        <translation>Hạn đăng</translation>
    </message>
    <message>
        <source>Article address: (write a title)</source>
        <translation>Địa chỉ bài viết: (nhập tiêu đề)</translation>
    </message>
    <message>
        <source>Article address: %1</source>
        <translation>Địa chỉ bài viết: %1</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n working day(s) (deadline %1)</source>
        <translation>
            <numerusform>Quá hạn %n ngày làm việc (hạn đăng %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue (deadline %1)</source>
        <translation>Quá hạn (hạn đăng %1)</translation>
    </message>
    <message>
        <source>Deadline: %1, due today</source>
        <translation>Hạn đăng: %1, hết hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>Deadline: %1, %n working day(s) left</source>
        <translation>
            <numerusform>Hạn đăng: %1, còn %n ngày làm việc</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>Insert in &amp;body</source>
        <translation>Chèn vào &amp;nội dung</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Gỡ bỏ</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Kéo thả tệp vào đây để đính kèm</translation>
    </message>
    <message>
        <source>Double-click to edit the caption</source>
        <translation>Nhấp đúp để sửa chú thích</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Đính kèm tệp</translation>
    </message>
</context>
<context>
    <name>BodyToolbar</name>
    <message>
        <source>Formatting</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>H1</source>
        <translation>T1</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Tiêu đề mục 1</translation>
    </message>
    <message>
        <source>H2</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Tiêu đề mục 2</translation>
    </message>
    <message>
        <source>H3</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Tiêu đề mục 3</translation>
    </message>
    <message>
        <source>¶</source>
        <translation>¶</translation>
    </message>
    <message>
        <source>Normal paragraph</source>
        <translation>Đoạn văn thường</translation>
    </message>
    <message>
        <source>B</source>
        <translation>Đ</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Chữ đậm</translation>
    </message>
    <message>
        <source>I</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Chữ nghiêng</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Danh sách</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Danh sách</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>Chèn liên kết</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Insert table</source>
        <translation>Chèn bảng</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Address (URL):</source>
        <translation>Địa chỉ (URL):</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong. Your drafts are saved. Please send the text below to your IT staff.</source>
        <translation>Đã xảy ra lỗi. Các bản nháp của bạn vẫn được lưu. Vui lòng gửi nội dung dưới đây cho cán bộ CNTT.</translation>
    </message>
    <message>
        <source>Error details and log</source>
        <translation>Chi tiết lỗi và nhật ký</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <source>in_review</source>
        <translation>đang biên tập</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>bị trả lại</translation>
    </message>
    <message>
        <source>awaiting_approval</source>
        <translation>chờ duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>published</source>
        <translation>đã đăng</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn đăng</translation>
    </message>
    <message>
        <source>%1 — past its publication deadline</source>
        <translation>%1 — đã quá hạn đăng</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>Search drafts (Ctrl+F) — e.g. quyet dinh</source>
        <translation>Tìm bản nháp (Ctrl+F) — ví dụ: quyet dinh</translation>
    </message>
    <message>
        <source>Search drafts</source>
        <translation>Tìm bản nháp</translation>
    </message>
    <message>
        <source>Local drafts</source>
        <translation>Bản nháp trên máy</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <source>Copying %s…</source>
        <translation>Đang sao chép %s…</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Không phát hiện vấn đề nào.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Tự sửa</translation>
    </message>
    <message>
        <source>Fix the selected problem</source>
        <translation>Sửa vấn đề đang chọn</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Không phát hiện vấn đề nào.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n lỗi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other note(s)</source>
        <translation>
            <numerusform>%n lưu ý khác</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Sapo</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Siêu dữ liệu</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Từ khoá</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <source>Import into a new draft</source>
        <translation>Nhập vào bản nháp mới</translation>
    </message>
    <message>
        <source>Documents and draft packages (*.docx *.odt *.txt *.html *.htm *.zip)</source>
        <translation>Văn bản và gói bản nháp (*.docx *.odt *.txt *.html *.htm *.zip)</translation>
    </message>
    <message>
        <source>Importing %s…</source>
        <translation>Đang nhập %s…</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Draft package (*.zip)</source>
        <translation>Gói bản nháp (*.zip)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Exported to %s</source>
        <translation>Đã xuất ra %s</translation>
    </message>
    <message>
        <source>Exporting %s…</source>
        <translation>Đang xuất %s…</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Các dòng nhật ký</translation>
    </message>
    <message>
        <source>Log files: %s</source>
        <translation>Tệp nhật ký: %s</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Mở &amp;thư mục</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;New article</source>
        <translation>Bài &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Save version now</source>
        <translation>&amp;Lưu phiên bản ngay</translation>
    </message>
    <message>
        <source>Version &amp;history…</source>
        <translation>Lịch sử &amp;phiên bản…</translation>
    </message>
    <message>
        <source>&amp;Find drafts</source>
        <translation>&amp;Tìm bản nháp</translation>
    </message>
    <message>
        <source>&amp;Import document or package…</source>
        <translation>&amp;Nhập văn bản hoặc gói bản nháp…</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Xoá bản nháp…</translation>
    </message>
    <message>
        <source>&amp;Export as Word (DOCX)…</source>
        <translation>&amp;Xuất ra Word (DOCX)…</translation>
    </message>
    <message>
        <source>Export draft &amp;package (.zip)…</source>
        <translation>Xuất &amp;gói bản nháp (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>Xem &amp;nhật ký</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Kiểm tra ngay</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Editorial workstation — Provincial portal</source>
        <translation>Trạm biên tập — Cổng thông tin điện tử tỉnh</translation>
    </message>
    <message>
        <source>Editorial workstation</source>
        <translation>Trạm biên tập</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>No draft open</source>
        <translation>Chưa mở bản nháp nào</translation>
    </message>
    <message>
        <source>Opening the local store…</source>
        <translation>Đang mở kho dữ liệu trên máy…</translation>
    </message>
    <message>
        <source>Choose a draft on the left, or press Ctrl+N to write a new article.</source>
        <translation>Chọn một bản nháp bên trái, hoặc nhấn Ctrl+N để viết bài mới.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xoá bản nháp</translation>
    </message>
    <message>
        <source>Delete this draft, its versions and its attachments from this computer? This cannot be undone.</source>
        <translation>Xoá bản nháp này cùng các phiên bản và tệp đính kèm khỏi máy? Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Ctrl+N&lt;/td&gt;&lt;td&gt;New article&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+S&lt;/td&gt;&lt;td&gt;Save a version now (everything is saved as you type)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+H&lt;/td&gt;&lt;td&gt;Version history&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O&lt;/td&gt;&lt;td&gt;Import a document or draft package&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E / Ctrl+Shift+E&lt;/td&gt;&lt;td&gt;Export as Word / as a draft package&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;Find drafts (accents and case are ignored)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Y&lt;/td&gt;&lt;td&gt;Undo / redo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F7&lt;/td&gt;&lt;td&gt;Check the article now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+L&lt;/td&gt;&lt;td&gt;Show the log&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+1…3, Ctrl+0&lt;/td&gt;&lt;td&gt;Heading 1…3, normal paragraph&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Phím tắt&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Ctrl+N&lt;/td&gt;&lt;td&gt;Bài mới&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+S&lt;/td&gt;&lt;td&gt;Lưu một phiên bản ngay (mọi thay đổi đều được tự lưu khi gõ)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+H&lt;/td&gt;&lt;td&gt;Lịch sử phiên bản&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O&lt;/td&gt;&lt;td&gt;Nhập văn bản hoặc gói bản nháp&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E / Ctrl+Shift+E&lt;/td&gt;&lt;td&gt;Xuất ra Word / ra gói bản nháp&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;Tìm bản nháp (không phân biệt dấu, hoa thường)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Y&lt;/td&gt;&lt;td&gt;Hoàn tác / làm lại&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F7&lt;/td&gt;&lt;td&gt;Kiểm tra bài ngay&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+L&lt;/td&gt;&lt;td&gt;Xem nhật ký&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+1…3, Ctrl+0&lt;/td&gt;&lt;td&gt;Tiêu đề mục 1…3, đoạn văn thường&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nội dung thông báo</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Đóng thông báo</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Category metadata</source>
        <translation>Siêu dữ liệu của chuyên mục</translation>
    </message>
    <message>
        <source>This category needs no extra metadata.</source>
        <translation>Chuyên mục này không cần thêm siêu dữ liệu.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Set by your IT staff (locked)</source>
        <translation>Do cán bộ CNTT thiết lập (đã khoá)</translation>
    </message>
    <message>
        <source>The connected portal enforces its own rules: {0} — {1} ({2}). Checks follow them; the choice above applies when the app knows no portal profile.</source>
        <translation>Cổng đang kết nối áp dụng quy định riêng: {0} — {1} ({2}). Các kiểm tra theo quy định này; lựa chọn ở trên chỉ dùng khi ứng dụng chưa có hồ sơ quy định của Cổng.</translation>
    </message>
</context>
<context>
    <name>VersionHistoryDialog</name>
    <message>
        <source>Version history</source>
        <translation>Lịch sử phiên bản</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Các phiên bản đã lưu</translation>
    </message>
    <message>
        <source>Selected version</source>
        <translation>Phiên bản đang chọn</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>No earlier versions yet. Versions are kept every minute while you write, and when you press Ctrl+S.</source>
        <translation>Chưa có phiên bản cũ. Phiên bản được giữ lại mỗi phút khi bạn viết và khi bạn nhấn Ctrl+S.</translation>
    </message>
</context>
<context>
    <name>_ProgressDialogDriver</name>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
</TS>
