<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>AdminView</name>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Đã khóa</translation>
        </message>
        <message>
            <source>Delegated categories</source>
            <translation>Chuyên mục được ủy quyền</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Profile: %1 · %2 units · %3 accounts</source>
            <translation>Hồ sơ cổng: %1 · %2 đơn vị · %3 tài khoản</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>có</translation>
        </message>
    </context>
    <context>
        <name>BulkApproval</name>
        <message>
            <source>Tick the items to approve first.</source>
            <translation>Hãy đánh dấu các tin, bài cần duyệt trước.</translation>
        </message>
        <message>
            <source>Approve %1 items</source>
            <translation>Duyệt %1 tin, bài</translation>
        </message>
        <message>
            <source>Approved %1 item(s).</source>
            <translation>Đã duyệt %1 tin, bài.</translation>
        </message>
        <message>
            <source>Not approved: %1</source>
            <translation>Chưa duyệt được: %1</translation>
        </message>
    </context>
    <context>
        <name>CommentDialog</name>
        <message>
            <source>Comment</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <source>Please say why in the comment.</source>
            <translation>Vui lòng ghi rõ lý do trong phần ý kiến.</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>The item was changed by someone else</source>
            <translation>Tin, bài đã được người khác sửa</translation>
        </message>
        <message>
            <source>Revision %1 was saved by someone else (%2) after you opened the item. Compare the versions and choose; nothing is thrown away.</source>
            <translation>Phiên bản %1 đã được người khác (%2) lưu sau khi bạn mở tin, bài. Hãy so sánh rồi chọn cách xử lý; không bản nào bị mất.</translation>
        </message>
        <message>
            <source>Theirs (saved on the portal)</source>
            <translation>Bản của họ (đã lưu trên cổng)</translation>
        </message>
        <message>
            <source>Mine (not saved)</source>
            <translation>Bản của tôi (chưa lưu)</translation>
        </message>
        <message>
            <source>Keep mine as a new revision on top of theirs</source>
            <translation>Giữ bản của tôi thành phiên bản mới sau bản của họ</translation>
        </message>
        <message>
            <source>Take theirs (mine is copied aside)</source>
            <translation>Dùng bản của họ (bản của tôi được lưu riêng)</translation>
        </message>
        <message>
            <source>Copy mine aside</source>
            <translation>Lưu riêng bản của tôi</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Items per state</source>
            <translation>Số tin, bài theo trạng thái</translation>
        </message>
        <message>
            <source>Overdue items</source>
            <translation>Tin, bài quá hạn</translation>
        </message>
        <message>
            <source>Units below quota this month</source>
            <translation>Đơn vị chưa đạt định mức tháng này</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>%1 — deadline %2 (%3, %4)</source>
            <translation>%1 — hạn %2 (%3, %4)</translation>
        </message>
        <message>
            <source>%1: %2 of %3</source>
            <translation>%1: %2/%3</translation>
        </message>
    </context>
    <context>
        <name>DiffPane</name>
        <message>
            <source>Older version</source>
            <translation>Bản cũ hơn</translation>
        </message>
        <message>
            <source>Newer version</source>
            <translation>Bản mới hơn</translation>
        </message>
        <message>
            <source>No differences.</source>
            <translation>Không có khác biệt.</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s) changed</source>
            <translation>
                <numerusform>%n trường đã thay đổi</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History of item %1</source>
            <translation>Lịch sử tin, bài số %1</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Người thực hiện</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Nhật ký xử lý</translation>
        </message>
        <message>
            <source>Older revision</source>
            <translation>Phiên bản cũ hơn</translation>
        </message>
        <message>
            <source>Newer revision</source>
            <translation>Phiên bản mới hơn</translation>
        </message>
        <message>
            <source>Compare revision</source>
            <translation>So sánh phiên bản</translation>
        </message>
        <message>
            <source>with</source>
            <translation>với</translation>
        </message>
        <message>
            <source>%1 — %2, %3</source>
            <translation>%1 — %2, %3</translation>
        </message>
    </context>
    <context>
        <name>ItemController</name>
        <message>
            <source>Author's version (revision 1, %1)</source>
            <translation>Bản của tác giả (phiên bản 1, %1)</translation>
        </message>
        <message>
            <source>Current (revision %1)</source>
            <translation>Hiện tại (phiên bản %1)</translation>
        </message>
        <message>
            <source>%1 is working on this item. Take it over only if needed: they will be told.</source>
            <translation>%1 đang xử lý tin, bài này. Chỉ tiếp nhận thay khi cần: người đó sẽ được thông báo.</translation>
        </message>
        <message>
            <source>Returned: %1</source>
            <translation>Bị trả lại: %1</translation>
        </message>
        <message>
            <source>Forward for approval</source>
            <translation>Trình duyệt</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Duyệt</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Không sử dụng</translation>
        </message>
        <message>
            <source>Your version was copied to %1</source>
            <translation>Bản của bạn đã được lưu tại %1</translation>
        </message>
    </context>
    <context>
        <name>ItemView</name>
        <message>
            <source>Claim</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Tiếp nhận thay</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Trả về hàng chờ</translation>
        </message>
        <message>
            <source>Save edits</source>
            <translation>Lưu chỉnh sửa</translation>
        </message>
        <message>
            <source>Forward for approval…</source>
            <translation>Trình duyệt…</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Trả lại…</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Không sử dụng…</translation>
        </message>
        <message>
            <source>Approve…</source>
            <translation>Duyệt…</translation>
        </message>
        <message>
            <source>Record publication…</source>
            <translation>Ghi nhận đăng tải…</translation>
        </message>
        <message>
            <source>Resubmit</source>
            <translation>Gửi lại</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>Lịch sử…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Sa pô</translation>
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
            <source>Comments</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Tin, bài</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Changes since the author's version</source>
            <translation>Thay đổi so với bản của tác giả</translation>
        </message>
        <message>
            <source>Write a comment…</source>
            <translation>Viết ý kiến…</translation>
        </message>
        <message>
            <source>New comment</source>
            <translation>Ý kiến mới</translation>
        </message>
        <message>
            <source>On the passage selected in the text</source>
            <translation>Về đoạn văn đang chọn</translation>
        </message>
        <message>
            <source>Add comment</source>
            <translation>Thêm ý kiến</translation>
        </message>
        <message>
            <source>No item open</source>
            <translation>Chưa mở tin, bài nào</translation>
        </message>
        <message>
            <source>Choose an item in the list.</source>
            <translation>Chọn một tin, bài trong danh sách.</translation>
        </message>
        <message>
            <source>revision %1</source>
            <translation>phiên bản %1</translation>
        </message>
        <message>
            <source>deadline %1</source>
            <translation>hạn %1</translation>
        </message>
        <message>
            <source>held by %1</source>
            <translation>do %1 xử lý</translation>
        </message>
    </context>
    <context>
        <name>LoginPanel</name>
        <message>
            <source>Portal review</source>
            <translation>Biên tập trên cổng</translation>
        </message>
        <message>
            <source>Log in with your portal account. What you see follows your role: collaborators their submissions, secretaries the incoming queue, chiefs and deputies the approvals and the dashboard.</source>
            <translation>Đăng nhập bằng tài khoản trên cổng. Nội dung hiển thị theo vai trò của tài khoản: cộng tác viên thấy tin, bài đã gửi; thư ký thấy tin, bài đến; Trưởng ban và Phó Trưởng ban thấy tin, bài chờ duyệt và bảng tổng quan.</translation>
        </message>
        <message>
            <source>Portal address</source>
            <translation>Địa chỉ cổng</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>Enter the portal address (https://…), your user name and your password.</source>
            <translation>Nhập địa chỉ cổng (https://…), tên đăng nhập và mật khẩu.</translation>
        </message>
        <message>
            <source>The portal refused this user name and password.</source>
            <translation>Cổng không chấp nhận tên đăng nhập và mật khẩu này.</translation>
        </message>
        <message>
            <source>Remember the password in the system keyring</source>
            <translation>Lưu mật khẩu trong kho khóa (keyring) của hệ điều hành</translation>
        </message>
        <message>
            <source>When the login expires (for instance while the portal is down), the app logs in again by itself, so waiting drafts still go out</source>
            <translation>Khi phiên đăng nhập hết hạn (chẳng hạn lúc cổng ngừng hoạt động), chương trình tự đăng nhập lại, nên các bài đang chờ vẫn được gửi đi</translation>
        </message>
        <message>
            <source>No usable keyring on this computer: your login is kept for this session only, and you will be asked to log in again next time.</source>
            <translation>Máy này không có kho khóa (keyring) dùng được: phiên đăng nhập chỉ được giữ đến khi đóng chương trình, lần sau cần đăng nhập lại.</translation>
        </message>
    </context>
    <context>
        <name>NotificationCenter</name>
        <message>
            <source>Notifications (%1)</source>
            <translation>Thông báo (%1)</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Thông báo</translation>
        </message>
        <message>
            <source>Nothing needs you right now.</source>
            <translation>Hiện không có việc cần xử lý.</translation>
        </message>
        <message>
            <source>deadline %1</source>
            <translation>hạn %1</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Record publication</source>
            <translation>Ghi nhận đăng tải</translation>
        </message>
        <message>
            <source>Address on the portal</source>
            <translation>Địa chỉ trên cổng</translation>
        </message>
        <message>
            <source>Publication date</source>
            <translation>Ngày đăng</translation>
        </message>
        <message>
            <source>Enter the full address of the published item (https://…).</source>
            <translation>Nhập đầy đủ địa chỉ của tin, bài đã đăng (https://…).</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>Deadline</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
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
            <source>Held by</source>
            <translation>Người xử lý</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Overdue: the publication deadline has passed</source>
            <translation>Quá hạn: đã qua thời hạn đăng tải</translation>
        </message>
        <message>
            <source>The publication deadline is near</source>
            <translation>Sắp đến thời hạn đăng tải</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>Search titles and summaries…</source>
            <translation>Tìm trong tiêu đề và sa pô…</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Tìm kiếm</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Tin, bài</translation>
        </message>
        <message>
            <source>Approve selected</source>
            <translation>Duyệt các tin, bài đã chọn</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>Tất cả trạng thái</translation>
        </message>
        <message>
            <source>Any deadline</source>
            <translation>Mọi thời hạn</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <source>Due within 3 days</source>
            <translation>Đến hạn trong 3 ngày</translation>
        </message>
        <message>
            <source>No deadline</source>
            <translation>Không có thời hạn</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
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
            <source>Deadline</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>All units</source>
            <translation>Tất cả đơn vị</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Tất cả chuyên mục</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n tin, bài</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message>
            <source>Month</source>
            <translation>Tháng</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>Quý</translation>
        </message>
        <message>
            <source>Half-year</source>
            <translation>6 tháng</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Custom period</source>
            <translation>Khoảng thời gian khác</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Kỳ báo cáo</translation>
        </message>
        <message>
            <source>A day in the period</source>
            <translation>Một ngày trong kỳ</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Xem</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Xuất CSV…</translation>
        </message>
        <message>
            <source>Export DOCX…</source>
            <translation>Xuất DOCX…</translation>
        </message>
        <message>
            <source>By unit</source>
            <translation>Theo đơn vị</translation>
        </message>
        <message>
            <source>Royalties (by author)</source>
            <translation>Nhuận bút (theo tác giả)</translation>
        </message>
        <message>
            <source>Late items</source>
            <translation>Tin, bài trễ hạn</translation>
        </message>
        <message>
            <source>Report tables</source>
            <translation>Bảng báo cáo</translation>
        </message>
        <message>
            <source>Chart: submitted and published items per unit</source>
            <translation>Biểu đồ: số tin, bài đã gửi và đã đăng theo đơn vị</translation>
        </message>
        <message>
            <source>The period must end on or after its start.</source>
            <translation>Ngày kết thúc kỳ phải sau hoặc trùng ngày bắt đầu.</translation>
        </message>
        <message>
            <source>Report for %1</source>
            <translation>Báo cáo %1</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Tin, bài</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Đã đăng</translation>
        </message>
        <message>
            <source>Working days late</source>
            <translation>Số ngày làm việc trễ</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>Định mức</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Văn bản Word (*.docx)</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>Xuất báo cáo</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return the item</source>
            <translation>Trả lại tin, bài</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <source>To the secretary (back into review)</source>
            <translation>Cho thư ký (biên tập lại)</translation>
        </message>
        <message>
            <source>To the author</source>
            <translation>Cho tác giả</translation>
        </message>
        <message>
            <source>Send back</source>
            <translation>Trả về</translation>
        </message>
        <message>
            <source>Please explain the reason in the comment.</source>
            <translation>Vui lòng ghi rõ lý do trong phần ý kiến.</translation>
        </message>
    </context>
    <context>
        <name>ReviewLabels</name>
        <message>
            <source>Submitted</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>Đang biên tập</translation>
        </message>
        <message>
            <source>Awaiting approval</source>
            <translation>Chờ duyệt</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Đã duyệt</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Đã đăng</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Trả lại</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Không sử dụng</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Tạo mới</translation>
        </message>
        <message>
            <source>Edited</source>
            <translation>Chỉnh sửa</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Tiếp nhận thay</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Trả về hàng chờ</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Trình duyệt</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Trả lại</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Duyệt</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Không sử dụng</translation>
        </message>
        <message>
            <source>Record publication</source>
            <translation>Ghi nhận đăng tải</translation>
        </message>
        <message>
            <source>Resubmit</source>
            <translation>Gửi lại</translation>
        </message>
        <message>
            <source>Collaborator</source>
            <translation>Cộng tác viên</translation>
        </message>
        <message>
            <source>Editorial secretary</source>
            <translation>Thư ký Ban biên tập</translation>
        </message>
        <message>
            <source>Deputy chief</source>
            <translation>Phó Trưởng ban</translation>
        </message>
        <message>
            <source>Editorial chief</source>
            <translation>Trưởng Ban biên tập</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Quản trị hệ thống</translation>
        </message>
        <message>
            <source>Forwarded for approval</source>
            <translation>Được trình duyệt</translation>
        </message>
        <message>
            <source>Taken over by another secretary</source>
            <translation>Thư ký khác đã tiếp nhận thay</translation>
        </message>
        <message>
            <source>Approved: record publication</source>
            <translation>Đã duyệt: cần ghi nhận đăng tải</translation>
        </message>
        <message>
            <source>Deadline near</source>
            <translation>Sắp đến hạn</translation>
        </message>
        <message>
            <source>Source missing or unclear</source>
            <translation>Thiếu nguồn tin hoặc nguồn chưa rõ</translation>
        </message>
        <message>
            <source>Facts or figures to check</source>
            <translation>Cần kiểm tra lại thông tin, số liệu</translation>
        </message>
        <message>
            <source>Spelling, grammar or Vietnamese text encoding</source>
            <translation>Lỗi chính tả, ngữ pháp hoặc bảng mã tiếng Việt</translation>
        </message>
        <message>
            <source>Required information missing for the category</source>
            <translation>Thiếu thông tin bắt buộc của chuyên mục</translation>
        </message>
        <message>
            <source>Attachments missing or unsuitable</source>
            <translation>Thiếu tệp đính kèm hoặc tệp không phù hợp</translation>
        </message>
        <message>
            <source>Images missing, poor, or without captions</source>
            <translation>Thiếu ảnh, ảnh kém chất lượng hoặc không có chú thích</translation>
        </message>
        <message>
            <source>Personal data without consent</source>
            <translation>Có thông tin cá nhân chưa được đồng ý công khai</translation>
        </message>
        <message>
            <source>Not suitable for the portal</source>
            <translation>Không phù hợp để đăng trên cổng</translation>
        </message>
        <message>
            <source>Other (see comment)</source>
            <translation>Lý do khác (xem ý kiến)</translation>
        </message>
    </context>
    <context>
        <name>ReviewWorkspace</name>
        <message>
            <source>Log out</source>
            <translation>Đăng xuất</translation>
        </message>
        <message>
            <source>%1 — %2, %3</source>
            <translation>%1 — %2, %3</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Bản nháp</translation>
        </message>
        <message>
            <source>Portal review</source>
            <translation>Biên tập trên cổng</translation>
        </message>
        <message>
            <source>Drafts and portal review</source>
            <translation>Bản nháp và biên tập trên cổng</translation>
        </message>
        <message>
            <source>Incoming</source>
            <translation>Tin, bài đến</translation>
        </message>
        <message>
            <source>Approvals</source>
            <translation>Chờ duyệt</translation>
        </message>
        <message>
            <source>To publish</source>
            <translation>Chờ đăng</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>Lưu trữ</translation>
        </message>
        <message>
            <source>My submissions</source>
            <translation>Tin, bài đã gửi</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Tin, bài</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Trang</translation>
        </message>
        <message>
            <source>Lists</source>
            <translation>Danh sách</translation>
        </message>
        <message>
            <source>Your login has expired; log in again to continue.</source>
            <translation>Phiên đăng nhập đã hết hạn; hãy đăng nhập lại để tiếp tục.</translation>
        </message>
    </context>
</TS>
