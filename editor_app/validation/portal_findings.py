"""Finding codes only the review-queue service raises: uploads that are not what a submission says.

Text, metadata and policy findings come from the app's own checks (same codes on both sides);
these cover what only the server can know, i.e. the uploads it holds. They are declared here,
beside the app's own codes, because the app receives them in a 422 and shows them in Vietnamese,
and so that docs/findings.md lists them whatever modules happen to be imported.
"""

from __future__ import annotations

from editor_app.validation.findings import FindingCode, Severity

UPLOAD_UNKNOWN = FindingCode(
    "upload.unknown", Severity.ERROR,
    "Tệp đính kèm «{filename}» không có trên cổng (mã tải lên {upload_id}); hãy tải lên lại.",
    "Attachment '{filename}' is not on the portal (upload {upload_id}); upload it again.",
)
UPLOAD_INCOMPLETE = FindingCode(
    "upload.incomplete", Severity.ERROR,
    "Tệp đính kèm «{filename}» mới tải lên được {offset}/{length} byte.",
    "Attachment '{filename}' is only partly uploaded ({offset}/{length} bytes).",
)
UPLOAD_TYPE_NOT_ALLOWED = FindingCode(
    "upload.type-not-allowed", Severity.ERROR,
    "Tệp «{filename}» có định dạng «{format}», không thuộc các định dạng cổng cho phép.",
    "File '{filename}' is a '{format}' file, which the portal does not accept.",
    reference="004 Điều 11.2",
)
UPLOAD_CONTENT_MISMATCH = FindingCode(
    "upload.content-mismatch", Severity.ERROR,
    "Nội dung tệp «{filename}» không phải là {claimed} (theo nội dung: {detected}).",
    "The content of '{filename}' is not {claimed} (by its content: {detected}).",
    reference="004 Điều 11.2",
)
UPLOAD_TOO_LARGE = FindingCode(
    "upload.too-large", Severity.ERROR,
    "Tệp «{filename}» ({size} byte) vượt giới hạn {limit} byte cho định dạng {format}.",
    "File '{filename}' ({size} bytes) exceeds the {limit}-byte limit for {format} files.",
)
CHECK_FAILED = FindingCode(
    "submission.check-failed", Severity.WARNING,
    "Cổng chưa kiểm tra được phần «{check}» của bài viết; Ban biên tập sẽ xem lại thủ công.",
    "The portal could not run the '{check}' check on this item; the board will review it by hand.",
)
SUBMISSION_TITLE_MISSING = FindingCode(
    "submission.title-missing", Severity.ERROR,
    "Bài viết chưa có tiêu đề.",
    "The item has no title.",
)
