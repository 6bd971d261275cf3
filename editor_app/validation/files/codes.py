"""Every finding the attachment inspector can raise, declared once.

Kept in one module so the worker process, the engine and docs/findings.md all see the same
registry, and so a code's wording is reviewed in one place.
"""

from __future__ import annotations

from editor_app.validation.findings import FindingCode, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
FORMATS_REF = "004 Điều 11.2"
SECURITY_REF = "002 Điều 15.5; 003 Điều 21.2"
PRIVACY_REF = "004 Điều 19"

# --- the file as a whole ------------------------------------------------------------------------
NOT_ALLOWED = FindingCode(
    "file.not-allowed", E,
    "Định dạng {label} không được phép đính kèm. Chỉ chấp nhận: {allowed}.",
    "The {label_en} format may not be attached. Allowed formats: {allowed}.",
    reference=FORMATS_REF)
DANGEROUS = FindingCode(
    "file.dangerous", E,
    "Tệp là {label}, có thể gây hại và không bao giờ được đính kèm. Chỉ chấp nhận: {allowed}.",
    "The file is a {label_en}, which can do harm and is never accepted. "
    "Allowed formats: {allowed}.",
    reference=SECURITY_REF)
EXTENSION_MISMATCH = FindingCode(
    "file.extension-mismatch", W,
    "Tên tệp “{name}” không khớp nội dung: tệp thực chất là {label}.",
    "The name “{name}” does not match the content: the file is really {label_en}.",
    fix="rename-extension")
TOO_LARGE = FindingCode(
    "file.too-large", E,
    "Tệp {label} nặng {size}, vượt giới hạn {limit} của cổng.",
    "The {label} file is {size}, over the portal's limit of {limit}.",
    reference=FORMATS_REF)
EMPTY = FindingCode(
    "file.empty", E, "Tệp rỗng (0 byte).", "The file is empty (0 bytes).")
CORRUPT = FindingCode(
    "file.corrupt", E,
    "Không đọc được tệp {label}: tệp hỏng hoặc không đúng định dạng ({reason}).",
    "The {label} file cannot be read: it is damaged or not what it claims ({reason}).")
UNINSPECTABLE = FindingCode(
    "file.uninspectable", E,
    "Không kiểm tra được tệp: {reason}. Tệp chưa được kiểm tra thì không được gửi.",
    "The file could not be inspected: {reason_en}. An uninspected file cannot be sent.")
NOT_CHECKED = FindingCode(
    "file.not-checked", INFO,
    "Chưa kiểm tra: {what}.", "Not checked: {what_en}.")
SUMMARY = FindingCode(
    "file.summary", INFO, "{label}: {facts}.", "{label}: {facts}.")

# --- Word and OpenDocument ----------------------------------------------------------------------
MACROS = FindingCode(
    "office.macros", E,
    "Tài liệu chứa macro VBA{auto}; macro có thể chạy mã độc. "
    "Hãy lưu lại dưới dạng DOCX không macro.",
    "The document contains VBA macros{auto_en}; macros can run malicious code. "
    "Save it again as a macro-free DOCX.",
    reference=SECURITY_REF)
ACTIVE_CONTENT = FindingCode(
    "office.active-content", E,
    "Tài liệu chứa nội dung chủ động: {what}.",
    "The document contains active content: {what_en}.",
    reference=SECURITY_REF)
EMBEDDED_OBJECT = FindingCode(
    "office.embedded-object", W,
    "Tài liệu nhúng đối tượng OLE “{name}”; hãy dán dưới dạng hình ảnh hoặc văn bản.",
    "The document embeds the OLE object “{name}”; paste it as a picture or text instead.")
EXTERNAL_LINK = FindingCode(
    "office.external-link", E,
    "Tài liệu tải nội dung từ bên ngoài ({kind}: {target}).",
    "The document loads content from outside ({kind_en}: {target}).",
    reference=SECURITY_REF)
TRACKED_CHANGES = FindingCode(
    "office.tracked-changes", W,
    "Tài liệu còn {count} thay đổi được theo dõi chưa chấp nhận: bản nháp có thể bị lộ.",
    "The document still holds {count} tracked changes: the draft history may leak.")
COMMENTS = FindingCode(
    "office.comments", W,
    "Tài liệu còn {count} ghi chú (comment): bản nháp có thể bị lộ.",
    "The document still holds {count} comments: draft remarks may leak.")
PROPERTIES = FindingCode(
    "office.properties", INFO,
    "Thuộc tính tài liệu ghi tên người/đơn vị: {props}.",
    "The document properties name people or organisations: {props_en}.",
    fix="strip-properties")

# --- PDF ----------------------------------------------------------------------------------------
PDF_ENCRYPTED = FindingCode(
    "pdf.encrypted", E,
    "PDF được mã hoá hoặc đặt mật khẩu; cổng không đọc và kiểm tra được.",
    "The PDF is encrypted or password-protected; the portal cannot read or check it.")
PDF_JAVASCRIPT = FindingCode(
    "pdf.javascript", E,
    "PDF chứa JavaScript ({where}).", "The PDF contains JavaScript ({where}).",
    reference=SECURITY_REF)
PDF_LAUNCH = FindingCode(
    "pdf.launch", E,
    "PDF có lệnh mở chương trình hoặc tệp bên ngoài ({where}).",
    "The PDF has an action that launches a program or outside file ({where}).",
    reference=SECURITY_REF)
PDF_EMBEDDED = FindingCode(
    "pdf.embedded-file", E,
    "PDF đính kèm tệp bên trong: {names}.", "The PDF carries embedded files: {names}.",
    reference=SECURITY_REF)
PDF_SUBMIT = FindingCode(
    "pdf.submit-form", E,
    "PDF có biểu mẫu gửi dữ liệu ra ngoài ({target}).",
    "The PDF has a form that submits data elsewhere ({target}).",
    reference=SECURITY_REF)
PDF_NO_TEXT = FindingCode(
    "pdf.no-text", W,
    "PDF không có lớp văn bản (bản quét): người đọc không tìm kiếm được nội dung.",
    "The PDF has no text layer (a scan): readers cannot search it.")
PDF_SIGNED = FindingCode(
    "pdf.signature", INFO,
    "PDF có {count} chữ ký số: {signers}.",
    "The PDF carries {count} digital signature(s): {signers}.",
    reference="004 Điều 11.2")

# --- images -------------------------------------------------------------------------------------
IMAGE_TOO_SMALL = FindingCode(
    "image.too-small", W,
    "Ảnh {width}×{height} nhỏ hơn kích thước tối thiểu {min_width}×{min_height} của cổng.",
    "The image is {width}×{height}, smaller than the portal's minimum {min_width}×{min_height}.")
IMAGE_GPS = FindingCode(
    "image.gps", W,
    "Ảnh có toạ độ GPS ({lat:.5f}, {lon:.5f}): có thể lộ nơi ở của người dân. Hãy xoá vị trí.",
    "The photo carries a GPS position ({lat:.5f}, {lon:.5f}): it may reveal where someone lives. "
    "Remove the location.",
    fix="strip-gps", reference=PRIVACY_REF)
IMAGE_ANIMATED = FindingCode(
    "image.animated", INFO,
    "Ảnh động GIF gồm {frames} khung hình.", "Animated GIF with {frames} frames.")

# --- archives -----------------------------------------------------------------------------------
ARCHIVE_TRAVERSAL = FindingCode(
    "archive.path-traversal", E,
    "Mục “{name}” trong tệp nén trỏ ra ngoài thư mục giải nén (../).",
    "The archive entry “{name}” climbs out of the extraction folder (../).",
    reference=SECURITY_REF)
ARCHIVE_ABSOLUTE = FindingCode(
    "archive.absolute-path", E,
    "Mục “{name}” trong tệp nén dùng đường dẫn tuyệt đối.",
    "The archive entry “{name}” has an absolute path.", reference=SECURITY_REF)
ARCHIVE_LINK = FindingCode(
    "archive.link", E,
    "Mục “{name}” trong tệp nén là liên kết (symlink/hardlink).",
    "The archive entry “{name}” is a link (symlink or hard link).", reference=SECURITY_REF)
ARCHIVE_ENCRYPTED = FindingCode(
    "archive.encrypted", E,
    "Mục “{name}” trong tệp nén được mã hoá nên không kiểm tra được.",
    "The archive entry “{name}” is encrypted and cannot be checked.")
ARCHIVE_TOO_DEEP = FindingCode(
    "archive.too-deep", E,
    "Tệp nén lồng nhau quá {depth} cấp (“{name}”).",
    "Archives are nested more than {depth} levels deep (“{name}”).")
ARCHIVE_BOMB = FindingCode(
    "archive.bomb", E,
    "Tệp nén là “bom giải nén”: {reason}.", "The archive is a decompression bomb: {reason_en}.",
    reference=SECURITY_REF)
ARCHIVE_NOT_INSPECTED = FindingCode(
    "archive.contents-not-checked", W,
    "Chưa đọc được nội dung {count} tệp nén trong RAR ({names}): {why}. Vì vậy chưa kiểm tra "
    "loại tệp theo nội dung, macro, JavaScript, toạ độ GPS, mã hoá văn bản và dấu mật của các "
    "tệp này; tên, đường dẫn, liên kết, mã hoá và kích thước khai báo của mọi mục đã được "
    "kiểm tra.",
    "The content of {count} compressed file(s) in the RAR ({names}) could not be read: {why_en}. "
    "Their type by content, macros, JavaScript, GPS position, text encoding and classification "
    "marks were therefore not checked; every entry's name, path, links, encryption and declared "
    "size were.",
    reference=SECURITY_REF)
ARCHIVE_TOO_MANY = FindingCode(
    "archive.too-many-entries", E,
    "Tệp nén có {count} mục, vượt giới hạn {limit}.",
    "The archive has {count} entries, over the limit of {limit}.")
