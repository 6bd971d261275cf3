"""The collaborator's submit path in the real window, against the real review-queue service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from submit_helpers import (
    accept_warnings,
    click_send,
    jpeg_bytes,
    log_in,
    log_in_with_dialog,
    make_draft,
    open_draft,
    pdf_bytes,
    sha256,
    submissions_of,
    wait_state,
)

from editor_app.core import wire
from editor_app.store import Store
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal
from editor_app.sync.http import ConnectionOptions
from editor_app.validation.text import codecs

pytestmark = pytest.mark.e2e


def test_a_draft_with_two_attachments_is_sent_by_clicking(
        qtbot, threaded_window, store: Store, portal: DemoPortal,
        secretary: ReviewQueueClient, tmp_path: Path) -> None:
    """Real threads here: checks, the outbox write and the upload run off the GUI thread."""
    window = threaded_window
    files = {"anh-hoi-nghi.jpg": jpeg_bytes(1), "giay-moi.pdf": pdf_bytes()}
    article = make_draft(store, tmp_path / "files", files=files)
    window.context.set_demo_portal(portal)
    open_draft(qtbot, window, article)
    click_send(qtbot, window)
    accept_warnings(qtbot, window)  # the blank PDF has no text layer: a warning, asked about
    account = window.submit.account
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
    dialog = account.dialog
    assert dialog.is_demo and dialog.demo_note.isVisible()
    assert dialog.panel.username.text() == portal.account("collaborator").username
    assert dialog.keyring_note.isVisible()  # no keyring here: the login lasts this session
    log_in_with_dialog(qtbot, window)
    wait_state(qtbot, window, article.uid, "đã gửi")
    qtbot.waitUntil(lambda: "đã gửi" in window.submit.banner.text())
    [sent] = submissions_of(secretary, article.uid)
    assert (sent.state, sent.title) == ("submitted", article.title)
    held = {a.filename: a.sha256 for a in sent.attachments}
    assert held == {name: sha256(data) for name, data in files.items()}


def test_a_title_in_tcvn3_is_refused_with_the_finding_shown(
        qtbot, window, store: Store, secretary: ReviewQueueClient,
        tmp_path: Path) -> None:
    mojibake = codecs.encode_text("Hội nghị tổng kết năm 2025", "tcvn3").decode(
        "cp1252", errors="replace")
    article = make_draft(store, tmp_path, title=mojibake)
    open_draft(qtbot, window, article)
    refused: list[list[Any]] = []
    window.submit.controller.sig_refused.connect(refused.append)
    qtbot.keyClick(window.editor.fields.title, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(refused))
    assert "text.legacy-encoding" in {f.code for f in refused[0]}
    findings = window.editor.findings
    current = findings.tree.currentItem()
    assert current is not None and "TCVN3" in current.text(0)
    assert "lỗi" in window.message_bar.text
    assert window.submit.panel.state_text(article.uid) == ""  # never reached the outbox
    assert store.engine is not None and not window.submit.controller.outbox.items()
    assert submissions_of(secretary, article.uid) == []


def test_a_stopped_portal_keeps_the_item_waiting_until_it_is_back(
        qtbot, window, store: Store, tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    from editor_app.core.paths import resolve_paths
    from editor_app.sync.demo_portal import free_port, start_demo_portal

    home, port = resolve_paths(tmp_path_factory.mktemp("own-portal")), free_port()
    own = start_demo_portal(home, port=port)
    try:
        log_in(qtbot, window, own)
        own.stop()
        article = make_draft(store, tmp_path, files={"anh.jpg": jpeg_bytes(3)})
        open_draft(qtbot, window, article)
        click_send(qtbot, window)
        wait_state(qtbot, window, article.uid, "đang chờ gửi")
        assert "không trả lời" in window.submit.panel.status.text()
        own = start_demo_portal(home, port=port)
        qtbot.mouseClick(window.submit.panel.sync_button, Qt.MouseButton.LeftButton)
        wait_state(qtbot, window, article.uid, "đã gửi")
        client = ReviewQueueClient(ConnectionOptions(own.url))
        account = own.account("secretary")
        client.set_token(client.login(account.username, account.password).token)
        assert len(submissions_of(client, article.uid)) == 1  # sent once, after the restart
    finally:
        own.stop()


def test_a_returned_item_shows_the_comment_and_is_resubmitted(
        qtbot, window, store: Store, portal: DemoPortal,
        secretary: ReviewQueueClient, tmp_path: Path) -> None:
    article = make_draft(store, tmp_path, files={"anh.jpg": jpeg_bytes(4)})
    log_in(qtbot, window, portal)
    open_draft(qtbot, window, article)
    click_send(qtbot, window)
    wait_state(qtbot, window, article.uid, "đã gửi")
    [sent] = submissions_of(secretary, article.uid)
    secretary.transition(sent.id, wire.TransitionRequest(action=wire.Action.CLAIM))
    secretary.transition(sent.id, wire.TransitionRequest(
        action=wire.Action.RETURN, comment="Bổ sung nguồn tin"))
    qtbot.mouseClick(window.submit.panel.sync_button, Qt.MouseButton.LeftButton)
    wait_state(qtbot, window, article.uid, "trả lại: Bổ sung nguồn tin")
    banner = window.submit.banner
    qtbot.waitUntil(lambda: "Bổ sung nguồn tin" in banner.text() and banner.isVisible())
    reopened = store.drafts.get_by_uid(article.uid)
    assert reopened is not None and reopened.state == "draft"  # reopened for editing
    window.editor.fields.source.setText("Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh")
    click_send(qtbot, window)
    wait_state(qtbot, window, article.uid, "đã gửi")
    [again] = submissions_of(secretary, article.uid)
    assert again.id == sent.id and again.state == "submitted"
    assert again.source == "Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh"


def test_an_item_can_be_paused_retried_and_cancelled_from_the_panel(
        qtbot, window, store: Store, tmp_path: Path) -> None:
    """No portal account yet: the draft waits in the outbox, and the row's buttons act on it."""
    article = make_draft(store, tmp_path)
    open_draft(qtbot, window, article)
    click_send(qtbot, window)
    account = window.submit.account
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
    account.dialog.reject()  # not now: the draft stays queued on this computer
    panel = window.submit.panel
    wait_state(qtbot, window, article.uid, "đang chờ gửi")
    item_id = panel.rows[panel.row_index(article.uid)].item_id
    actions = panel.table.horizontalHeaderItem(2)  # the buttons' column is named, not blank
    assert actions is not None and actions.text() == "Thao tác"
    header = panel.table.horizontalHeader()
    assert header.sectionSize(2) >= header.sectionSizeHint(2)

    def press(name: str) -> None:
        button = panel.table.findChild(QPushButton, f"{name}-{item_id}")
        assert button is not None and button.isEnabled(), name
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    press("pause")
    wait_state(qtbot, window, article.uid, "tạm dừng")
    assert "tạm dừng" in window.submit.banner.text()
    press("retry")  # back in line; without an account it asks for a login again
    wait_state(qtbot, window, article.uid, "đang chờ gửi")
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
    account.dialog.reject()
    press("cancel")
    wait_state(qtbot, window, article.uid, "đã huỷ")
    assert not window.submit.banner.isVisible()  # a cancelled item leaves the header
    assert [i.state for i in window.submit.controller.outbox.items()] == ["cancelled"]
