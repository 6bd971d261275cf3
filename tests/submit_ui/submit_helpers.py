"""Driving the submit path like a user: open a draft, click "Gửi lên Cổng", log in, read states."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor_app.core.articles import Article
from editor_app.store import Store
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal

TITLE = "Hội nghị tổng kết công tác chuyển đổi số năm 2025"


def jpeg_bytes(seed: int, width: int = 160, height: int = 120) -> bytes:
    """A real JPEG made by Pillow; noise makes it unique per seed."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def pdf_bytes() -> bytes:
    """A real one-page PDF made by pypdf."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_draft(store: Store, folder: Path, title: str = TITLE,
               files: dict[str, bytes] | None = None) -> Article:
    """A stored draft that passes the national profile; files attached as the editor does."""
    article = store.drafts.create(Article(
        title=title, summary="Sáng nay, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.",
        body_html="<p>Hội nghị đánh giá kết quả chuyển đổi số trên địa bàn tỉnh.</p>",
        category="news", pen_name="Minh Anh", real_name="Nguyễn Minh Anh",
        source="Sở Thông tin và Truyền thông"))
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (files or {}).items():
        path = folder / name
        path.write_bytes(data)
        store.drafts.add_attachment(article.id or 0, path, caption=f"Tệp {name}")
    return store.drafts.get(article.id or 0)


def open_draft(qtbot, window, article: Article) -> None:
    window.editor_controller.open(article.id)
    qtbot.waitUntil(lambda: window.editor_controller.article_id == article.id, timeout=10000)


def click_send(qtbot, window) -> None:
    """The toolbar button of the "Gửi lên Cổng" action, clicked with the mouse."""
    button = window.toolbar.widgetForAction(window.submit.action)
    assert button is not None and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def accept_warnings(qtbot, window) -> None:
    """The check found only warnings and asks whether to send anyway: answer Yes."""
    controller = window.submit.controller
    qtbot.waitUntil(lambda: controller.confirm is not None and controller.confirm.isVisible(),
                    timeout=15000)
    box = controller.confirm
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def log_in_with_dialog(qtbot, window) -> None:
    """The login dialog is open (prefilled with the demo collaborator): press "Đăng nhập"."""
    account = window.submit.account
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible(),
                    timeout=10000)
    dialog = account.dialog
    qtbot.mouseClick(dialog.panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: account.service is not None, timeout=20000)


def log_in(qtbot, window, portal: DemoPortal) -> None:
    """Log in from the panel's button, against ``portal`` as the app's demo portal."""
    window.context.demo_portal = portal
    qtbot.mouseClick(window.submit.panel.login_button, Qt.MouseButton.LeftButton)
    log_in_with_dialog(qtbot, window)


def wait_state(qtbot, window, uid: str, text: str,
               timeout: int = 30000) -> None:
    panel = window.submit.panel
    qtbot.waitUntil(lambda: panel.state_text(uid) == text, timeout=timeout)


def submissions_of(secretary: ReviewQueueClient, uid: str) -> list:
    return [s for s in secretary.list_submissions() if s.client_uid == uid]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
