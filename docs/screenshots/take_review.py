"""Take the review screenshots (Vietnamese UI) from the real workspace and a real service.

Run ``python docs/screenshots/take_review.py``: it starts the review-queue service on 127.0.0.1
with the Sơn La profile and a few accounts, submits items through the app's client (deadlines
are the server's, from the profile's working-day rules), moves some through the workflow, then
drives the workspace offscreen and writes review-secretary-queue.png, review-approval-diff.png
and review-reports.png beside this file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests" / "review_app"))

ITEMS: tuple[tuple[str, str, str, int | None], ...] = (
    # (user, title, category, issue date: days ago, for a deadline)
    ("collab", "Hội nghị tổng kết công tác chuyển đổi số năm 2026", "news", None),
    ("collab", "Hướng dẫn thực hiện Luật Đất đai năm 2024 trên địa bàn tỉnh", "legal-guidance", 30),
    ("collab-b", "Phổ biến Nghị định về xử phạt vi phạm hành chính trong lĩnh vực tư pháp",
     "legal-guidance", 19),
    ("collab-b", "Sở Tư pháp tổ chức trợ giúp pháp lý lưu động tại huyện Mộc Châu", "news", None),
    ("collab", "Triển khai nền tảng số dùng chung của tỉnh năm 2027", "news", None),
    ("collab-b", "Hướng dẫn đăng ký khai sinh trực tuyến", "legal-guidance", 3),
)
BODY = ("<p>Sáng nay, tại Hội trường UBND tỉnh, Sở Thông tin và Truyền thông tổ chức hội nghị "
        "tổng kết công tác chuyển đổi số năm 2026 và triển khai nhiệm vụ năm 2027.</p>"
        "<p>Năm 2026, 100% văn bản điện tử được ký số; 85% hồ sơ thủ tục hành chính được "
        "tiếp nhận trực tuyến.</p>")
EDITED = ("<p>Sáng 20/11, tại Hội trường UBND tỉnh, Sở Thông tin và Truyền thông tổ chức hội "
          "nghị tổng kết công tác chuyển đổi số năm 2026 và triển khai nhiệm vụ năm 2027.</p>"
          "<p>Trong năm, 100% văn bản điện tử của các cơ quan nhà nước được ký số; 87,5% hồ sơ "
          "thủ tục hành chính được tiếp nhận trực tuyến.</p>")


def main() -> int:
    from conftest import article, seed

    from review_queue.settings import Settings
    from review_queue.testing import serve_in_thread

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "rq", failure_delay_s=0.0,
                            default_profile="son-la", inspect_attachments=False)
        seed(settings)
        with serve_in_thread(settings) as url:
            edited, in_review = _fill_portal(url, article)
            _shoot(url, Path(tmp) / "home", edited, in_review)
    return 0


def _fill_portal(url: str, article: Any) -> tuple[int, int]:
    from gui_helpers import PASSWORD

    from editor_app.core import wire
    from editor_app.sync.review import ReviewClient

    clients = {}
    for name in ("collab", "collab-b", "secretary", "chief"):
        clients[name] = ReviewClient.connect(url)
        clients[name].login(name, PASSWORD)
    made = []
    for i, (user, title, category, ago) in enumerate(ITEMS):
        metadata = {"issue_date": (date.today() - timedelta(days=ago)).isoformat(),
                    "document_number": "15/2026/NĐ-CP"} if ago is not None else {}
        body = article(title=title, category=category, metadata=metadata, body_html=BODY,
                       author={"pen_name": ["Minh Anh", "Hoa Ban", "Lò Văn Thành"][i % 3],
                               "real_name": ["Nguyễn Minh Anh", "Lò Thị Hoa",
                                             "Lò Văn Thành"][i % 3]})
        made.append(clients[user].create_submission(body, f"shot-{i:04d}-key"))
    secretary, chief = clients["secretary"], clients["chief"]
    first = made[0]
    secretary.act(first.id, wire.Action.CLAIM)
    secretary.patch_submission(first.id, wire.SubmissionPatch(
        body_html=EDITED, title="Tổng kết chuyển đổi số năm 2026: 87,5% hồ sơ được tiếp nhận "
                                "trực tuyến"), 1)
    secretary.add_comment(first.id, "Đã chuẩn hóa số liệu theo báo cáo của Sở.",
                          anchor="87,5% hồ sơ")
    secretary.act(first.id, wire.Action.FORWARD, comment="Kính trình Trưởng ban duyệt")
    for item in made[3:5]:
        secretary.act(item.id, wire.Action.CLAIM)
        secretary.act(item.id, wire.Action.FORWARD)
    chief.act(made[4].id, wire.Action.APPROVE)
    secretary.act(made[4].id, wire.Action.PUBLISH, url="https://sonla.gov.vn/tin-tuc/nen-tang-so")
    secretary.act(made[1].id, wire.Action.CLAIM)
    secretary.add_comment(made[1].id, "Bổ sung số, ký hiệu văn bản được hướng dẫn.")
    return first.id, made[1].id


def _shoot(url: str, home: Path, edited: int, in_review: int) -> None:
    from gui_helpers import MemoryKeyring, make_context
    from PySide6.QtWidgets import QApplication

    from editor_app.sync.credentials import CredentialStore
    from editor_app.ui.review.workspace import ReviewWorkspace

    app = QApplication.instance() or QApplication([])
    context = make_context(app, home, language="vi")  # type: ignore[arg-type]
    secretary = _login(context, url, "secretary", CredentialStore(MemoryKeyring()),
                       ReviewWorkspace)
    secretary.open_item(in_review)
    _grab(app, secretary, "review-secretary-queue.png")
    chief = _login(context, url, "chief", CredentialStore(MemoryKeyring()), ReviewWorkspace)
    chief.open_item(edited)
    chief.item_view.tabs.setCurrentIndex(1)
    _grab(app, chief, "review-approval-diff.png")
    assert chief.reports is not None
    chief.pages.setCurrentWidget(chief.reports)
    chief.reports.refresh()
    _grab(app, chief, "review-reports.png")
    context.runner.shutdown()


def _login(context: Any, url: str, user: str, credentials: Any, kind: Any) -> Any:
    from gui_helpers import PASSWORD

    workspace = kind(context, credentials)
    workspace.resize(1440, 880)
    workspace.show()
    workspace.login.url.setText(url)
    workspace.login.username.setText(user)
    workspace.login.password.setText(PASSWORD)
    workspace.login.button.click()
    return workspace


def _grab(app: Any, widget: Any, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(HERE / name))
    print("wrote", name)


if __name__ == "__main__":
    sys.exit(main())
