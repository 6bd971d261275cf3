<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>DraftStateBanner</name>
    <message>
        <location filename="../../editor_app/ui/submit/banner.py" line="46" />
        <source>On the portal: %1</source>
        <translation>Trên Cổng: %1</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/banner.py" line="49" />
        <source>Make the changes, then send it again with Ctrl+Enter.</source>
        <translation>Hãy sửa theo góp ý rồi gửi lại bằng Ctrl+Enter.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/banner.py" line="55" />
        <source>Portal state of this draft</source>
        <translation>Trạng thái của bài trên Cổng</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../editor_app/ui/submit/login_dialog.py" line="76" />
        <source>Portal account</source>
        <translation>Tài khoản trên Cổng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/login_dialog.py" line="80" />
        <source>This is the local demo portal running on this computer (%1), with its demo collaborator account filled in. Nothing you send leaves this computer. To use your province's portal, enter its address in Settings.</source>
        <translation>Đây là cổng thử nghiệm chạy ngay trên máy này (%1), đã điền sẵn tài khoản cộng tác viên thử nghiệm. Bài gửi không rời khỏi máy. Để dùng Cổng thông tin của tỉnh, hãy nhập địa chỉ cổng trong phần Cài đặt.</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="113" />
        <source>Draft</source>
        <translation>Bài</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="113" />
        <source>Actions</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="113" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="114" />
        <source>Submissions</source>
        <translation>Bài đã gửi</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="115" />
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="116" />
        <source>Send what waits and fetch the portal's answers</source>
        <translation>Gửi các bài đang chờ và nhận phản hồi từ Cổng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="117" />
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="129" />
        <source>Log in…</source>
        <translation>Đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="129" />
        <source>Change account…</source>
        <translation>Đổi tài khoản…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="138" />
        <source>Syncing with the portal…</source>
        <translation>Đang đồng bộ với Cổng…</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="145" />
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>PortalAccount</name>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="67" />
        <source>Not logged in to the portal.</source>
        <translation>Chưa đăng nhập vào Cổng.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="68" />
        <source>%1 at %2</source>
        <translation>%1 tại %2</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="71" />
        <source>(local demo portal)</source>
        <translation>(cổng thử nghiệm trên máy này)</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="73" />
        <source>the login has expired, log in again</source>
        <translation>phiên đăng nhập đã hết hạn, hãy đăng nhập lại</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="83" />
        <source>Checks use the portal's rules: %1.</source>
        <translation>Bài được kiểm tra theo quy định của Cổng: %1.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="85" />
        <source>Checks use the portal's rules as last fetched: %1.</source>
        <translation>Bài được kiểm tra theo quy định của Cổng (bản lấy về lần trước): %1.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/account.py" line="87" />
        <source>Checks use the local rules chosen in Settings: %1.</source>
        <translation>Bài được kiểm tra theo quy định trên máy, chọn trong Cài đặt: %1.</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="56" />
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="57" />
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/outbox_panel.py" line="58" />
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>SubmitController</name>
    <message>
        <location filename="../../editor_app/ui/submit/controller.py" line="179" />
        <source>Send to the portal</source>
        <translation>Gửi lên Cổng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor_app/ui/submit/controller.py" line="180" />
        <source>The check found %n warning(s). Send the draft anyway?</source>
        <translation>
            <numerusform>Kết quả kiểm tra có %n cảnh báo. Vẫn gửi bài?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/controller.py" line="205" />
        <source>The draft is in the outbox and will be sent to the portal.</source>
        <translation>Bài đã vào hộp thư đi và sẽ được gửi lên Cổng.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/controller.py" line="257" />
        <source>The portal did not answer: %1. Drafts wait in the outbox and go out when it is back.</source>
        <translation>Cổng không trả lời: %1. Bài nằm chờ trong hộp thư đi và sẽ được gửi khi Cổng hoạt động trở lại.</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/controller.py" line="262" />
        <source>Synced at %1.</source>
        <translation>Đã đồng bộ lúc %1.</translation>
    </message>
</context>
<context>
    <name>SubmitLoginPanel</name>
    <message>
        <location filename="../../editor_app/ui/submit/login_dialog.py" line="23" />
        <source>Log in to send drafts</source>
        <translation>Đăng nhập để gửi bài</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/login_dialog.py" line="25" />
        <source>Drafts you send go to the portal's review queue. Your login is kept in the system keyring; the password only if you tick the box below.</source>
        <translation>Bài được gửi vào hàng chờ biên tập của Cổng. Phiên đăng nhập được giữ trong kho khóa (keyring) của hệ điều hành; mật khẩu chỉ được lưu khi bạn đánh dấu ô bên dưới.</translation>
    </message>
</context>
<context>
    <name>SubmitUi</name>
    <message>
        <location filename="../../editor_app/ui/submit/install.py" line="85" />
        <source>Send to the &amp;portal</source>
        <translation>Gửi lên &amp;Cổng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/install.py" line="87" />
        <source>Send to the portal</source>
        <translation>Gửi lên Cổng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/install.py" line="89" />
        <source>Check the draft and send it to the portal's review queue</source>
        <translation>Kiểm tra bài rồi gửi vào hàng chờ biên tập của Cổng</translation>
    </message>
    <message>
        <location filename="../../editor_app/ui/submit/install.py" line="91" />
        <source>Submissions</source>
        <translation>Bài đã gửi</translation>
    </message>
</context>
</TS>