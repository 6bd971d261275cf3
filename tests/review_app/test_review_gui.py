"""The board's main paths by clicking, in the real workspace, against the real service."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import click, click_item, make_context, open_workspace, press_ok
from review_support import Submit

from editor_app.core import wire
from editor_app.core.wire import Action, State
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.review.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from editor_app.ui.review.workspace import ReviewWorkspace

Clients = dict[str, ReviewClient]
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def context(qapp, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]
    made = make_context(qapp, tmp_path / "home")
    yield made
    made.runner.shutdown()


def button(workspace: ReviewWorkspace, name: str):  # type: ignore[no-untyped-def]
    return workspace.item_view.buttons[name]


def test_secretary_forwards_chief_approves_secretary_publishes(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    item = submit()
    secretary = open_workspace(qtbot, context, board_url, "secretary")
    assert set(secretary.queues) == {"incoming", "publication", "archive"}
    click_item(qtbot, secretary.queues["incoming"], item.id)
    assert secretary.item.item is not None and secretary.item.item.id == item.id
    click(qtbot, button(secretary, "claim"))
    assert secretary.item.item.claimed_by == "secretary"
    click(qtbot, button(secretary, "forward"))
    secretary.item.dialog.comment.setPlainText("Đề nghị Trưởng ban duyệt")  # type: ignore[union-attr]
    press_ok(qtbot, secretary.item.dialog)
    assert secretary.item.item.state == State.AWAITING_APPROVAL

    chief = open_workspace(qtbot, context, board_url, "chief")
    assert {"approval", "archive"} == set(chief.queues) and chief.dashboard and chief.reports
    click_item(qtbot, chief.queues["approval"], item.id)
    assert chief.item_view.diff.summary.text()  # the side-by-side diff is filled
    click(qtbot, button(chief, "approve"))
    press_ok(qtbot, chief.item.dialog)
    assert chief.item.item is not None and chief.item.item.state == State.APPROVED

    click_item(qtbot, secretary.queues["publication"], item.id)
    click(qtbot, button(secretary, "publish"))
    dialog = secretary.item.dialog
    press_ok(qtbot, dialog)  # no address yet: the form says so and stays open
    assert dialog.isVisible() and dialog.error.isVisible()  # type: ignore[union-attr]
    dialog.url.setText("https://sonla.gov.vn/tin-tuc/bai-moi")  # type: ignore[union-attr]
    press_ok(qtbot, dialog)
    assert secretary.item.item.state == State.PUBLISHED
    trail = [(e.action, e.actor) for e in clients["chief"].audit(item.id)]
    assert trail == [("create", "collab"), ("claim", "secretary"), ("forward", "secretary"),
                     ("approve", "chief"), ("publish", "secretary")]
    from editor_app.ui.review.history import HistoryDialog

    click(qtbot, button(secretary, "history"))
    history = secretary.item.dialog
    assert isinstance(history, HistoryDialog)
    qtbot.waitUntil(lambda: history.audit.rowCount() == 5)
    assert "https://sonla.gov.vn/tin-tuc/bai-moi" in history.audit.item(4, 4).text()


def test_collaborator_sees_the_returned_item_edits_and_resubmits(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    item = submit()
    clients["secretary"].act(item.id, Action.CLAIM)
    clients["secretary"].add_comment(item.id, "Thêm nguồn", anchor="Sáng nay")
    clients["secretary"].act(item.id, Action.RETURN, reason="source", comment="Bổ sung nguồn")
    author = open_workspace(qtbot, context, board_url, "collab")
    assert set(author.queues) == {"mine"} and author.reports is None
    click_item(qtbot, author.queues["mine"], item.id)
    view = author.item_view
    assert "Bổ sung nguồn" in view.notice.text()
    first_comment = view.comments.item(0).text()
    assert "Thêm nguồn" in first_comment and "Sáng nay" in first_comment
    view.source.setFocus()
    view.source.selectAll()
    qtbot.keyClicks(view.source, "Bao Son La")  # QTest types Latin-1 only
    click(qtbot, button(author, "resubmit"))
    now = clients["secretary"].get_submission(item.id)
    assert (now.state, now.revision, now.source) == (State.SUBMITTED, 2, "Bao Son La")


def test_conflict_keep_mine_on_top_of_theirs_and_take_theirs_copies_mine(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    item = submit()
    clients["secretary"].act(item.id, Action.CLAIM)
    gui = open_workspace(qtbot, context, board_url, "secretary")
    click_item(qtbot, gui.queues["incoming"], item.id)
    theirs = clients["secretary"].patch_submission(
        item.id, wire.SubmissionPatch(title="Tiêu đề do người khác sửa"), 1)
    gui.item_view.summary.setPlainText("Tóm tắt của tôi")
    click(qtbot, button(gui, "save"))
    dialog = gui.item.dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert "line-through" in dialog.diff.left.toHtml() or dialog.diff.summary.text()
    click(qtbot, dialog.keep_mine)
    assert dialog.choice == KEEP_MINE
    now = clients["secretary"].get_submission(item.id)
    assert now.revision == theirs.revision + 1 and now.summary == "Tóm tắt của tôi"
    assert [r.revision for r in clients["secretary"].revisions(item.id)] == [1, 2, 3]

    clients["secretary"].patch_submission(item.id, wire.SubmissionPatch(title="Lần nữa"), 3)
    gui.item_view.summary.setPlainText("Bản của tôi lần hai")
    click(qtbot, button(gui, "save"))
    dialog = gui.item.dialog
    assert isinstance(dialog, ConflictDialog)
    click(qtbot, dialog.take_theirs)
    assert dialog.choice == TAKE_THEIRS and gui.item_view.title.text() == "Lần nữa"
    aside = list((context.paths.data / "review-conflicts").glob(f"item-{item.id}-mine-*.html"))
    assert len(aside) == 1 and "Bản của tôi lần hai" in aside[0].read_text(encoding="utf-8")


def test_approve_several_at_once_and_deputy_sees_only_delegated(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    ids = []
    for _ in range(2):
        item = submit()
        clients["secretary"].act(item.id, Action.CLAIM)
        ids.append(clients["secretary"].act(item.id, Action.FORWARD).id)
    legal = open_workspace(qtbot, context, board_url, "deputy-legal")
    legal.queues["approval"].refresh()
    assert all(legal.queues["approval"].row_of(i) < 0 for i in ids)
    deputy = open_workspace(qtbot, context, board_url, "deputy-news")
    queue = deputy.queues["approval"]
    queue.refresh()
    for ident in ids:
        index = queue.proxy.index(queue.row_of(ident), 0)
        queue.proxy.setData(index, 2, 10)  # Qt.CheckStateRole: tick the row
    click(qtbot, queue.bulk_button)
    press_ok(qtbot, deputy.item.dialog)
    assert [r.ok for r in deputy.last_bulk] == [True, True]
    assert {clients["chief"].get_submission(i).state for i in ids} == {State.APPROVED}


def test_takeover_notifies_the_first_secretary(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    item = submit()
    first = open_workspace(qtbot, context, board_url, "secretary")
    click_item(qtbot, first.queues["incoming"], item.id)
    click(qtbot, button(first, "claim"))
    second = open_workspace(qtbot, context, board_url, "secretary2")
    click_item(qtbot, second.queues["incoming"], item.id)
    assert not button(second, "claim").isVisible()
    click(qtbot, button(second, "takeover"))
    assert second.item.item is not None and second.item.item.claimed_by == "secretary2"
    first.notifications.refresh()
    assert first.notifications.unread() >= 1
    assert "(" in first.notifications.button.text()
    kinds = [n.kind for n in first.notifications.notes if n.submission_id == item.id]
    assert kinds == ["takeover"]


def test_reports_show_and_export_csv_and_docx_by_clicking(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    import docx
    from PySide6.QtWidgets import QFileDialog

    item = submit(author={"pen_name": "Hoa Ban", "real_name": "Lò Thị Hoa"})
    for user, action in (("secretary", Action.CLAIM), ("secretary", Action.FORWARD),
                         ("chief", Action.APPROVE)):
        clients[user].act(item.id, action)
    clients["secretary"].act(item.id, Action.PUBLISH, url="https://sonla.gov.vn/tin/1")
    chief = open_workspace(qtbot, context, board_url, "chief")
    reports = chief.reports
    assert reports is not None
    chief.pages.setCurrentWidget(reports)
    click(qtbot, reports.show_button)
    assert reports.report is not None and reports.units.rowCount() >= 3
    assert "Lò Thị Hoa" in [a.author for a in reports.report.authors]
    assert reports.chart.series  # the chart has the units' bars
    # The native save dialog cannot be driven offscreen: only the chosen path is stood in for.
    for kind in ("csv", "docx"):
        target = tmp_path / f"bao-cao.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *_a, t=target: (str(t), "")))
        with qtbot.waitSignal(reports.sig_exported, timeout=10_000):
            click(qtbot, reports.csv_button if kind == "csv" else reports.docx_button)
    rows = list(csv.reader((tmp_path / "bao-cao.csv").read_text("utf-8-sig").splitlines()))
    assert rows[1][1] == "Unit" and any(r[1:2] == ["Lò Thị Hoa"] for r in rows)  # English UI
    document = docx.Document(str(tmp_path / "bao-cao.docx"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.tables[0].rows[0].cells[1].text
    assert "UBND TỈNH SƠN LA" in document.tables[0].rows[0].cells[0].text
    names = [row.cells[1].text for row in document.tables[2].rows]
    assert "Lò Thị Hoa" in names


@pytest.mark.parametrize("user", ["secretary", "chief", "collab", "admin"])
def test_every_focusable_widget_has_an_accessible_name(
        qtbot, context: AppContext, board_url: str, user: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

    workspace = open_workspace(qtbot, context, board_url, user)
    missing = []
    for page in range(workspace.pages.count()):
        workspace.pages.setCurrentIndex(page)
        for widget in workspace.findChildren(QWidget):
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or \
                    not widget.isVisibleTo(workspace):
                continue
            if isinstance(widget.parentWidget(),
                          QAbstractScrollArea | QComboBox | QAbstractSpinBox):
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            if not (interface and interface.text(QAccessible.Text.Name).strip()):
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, sorted(set(missing))


def test_logging_out_and_in_as_another_role_rebuilds_the_pages(
        qtbot, context: AppContext, board_url: str) -> None:  # type: ignore[no-untyped-def]
    workspace = open_workspace(qtbot, context, board_url, "chief")
    assert workspace.dashboard is not None
    click(qtbot, workspace.logout_button)
    assert workspace.stack.currentIndex() == 0 and workspace.dashboard is None
    assert not workspace.items_page.isVisible()
    login = workspace.login
    login.username.setText("collab")
    login.password.setText("board tests password")
    click(qtbot, login.button)
    assert set(workspace.queues) == {"mine"} and workspace.reports is None


def test_the_workspace_speaks_vietnamese_from_its_own_catalog(
        qtbot, qapp, tmp_path: Path, board_url: str) -> None:  # type: ignore[no-untyped-def]
    context = make_context(qapp, tmp_path / "vi-home", language="vi")
    try:
        workspace = open_workspace(qtbot, context, board_url, "secretary")
        assert workspace.logout_button.text() == "Đăng xuất"
        assert workspace.queue_tabs.tabText(0) == "Tin, bài đến"
        assert workspace.queues["incoming"].model.headers()[0] == "Thời hạn"
        context.languages.set_language("en")
        qtbot.waitUntil(lambda: workspace.logout_button.text() == "Log out")  # LanguageChange
    finally:
        context.languages.set_language("en")
        context.runner.shutdown()


def test_return_with_a_reason_history_diff_and_reject_need_a_comment(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    from editor_app.ui.review.dialogs import ReturnDialog
    from editor_app.ui.review.history import HistoryDialog

    item = submit()
    clients["secretary"].act(item.id, Action.CLAIM)
    clients["secretary"].patch_submission(item.id, wire.SubmissionPatch(
        body_html="<p>Hội nghị đánh giá kết quả chuyển đổi số năm 2024.</p>"), 1)
    clients["secretary"].act(item.id, Action.FORWARD)
    chief = open_workspace(qtbot, context, board_url, "chief")
    click_item(qtbot, chief.queues["approval"], item.id)
    click(qtbot, button(chief, "history"))
    history = chief.item.dialog
    assert isinstance(history, HistoryDialog)
    assert history.audit.rowCount() == 4 and history.audit.item(3, 1).text().startswith("secr")
    assert (history.old.currentData(), history.new.currentData()) == (1, 2)
    assert "triển khai" in history.diff.left.toPlainText()  # the words the secretary removed
    history.close()

    click(qtbot, button(chief, "reject"))
    press_ok(qtbot, chief.item.dialog)  # a rejection without a reason is not sent
    assert chief.item.dialog.isVisible()  # type: ignore[union-attr]
    chief.item.dialog.reject()  # type: ignore[union-attr]
    click(qtbot, button(chief, "return"))
    dialog = chief.item.dialog
    assert isinstance(dialog, ReturnDialog) and dialog.to_secretary.isChecked()
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    press_ok(qtbot, dialog)
    assert dialog.isVisible()  # "other" needs the explanation
    dialog.comment.setPlainText("Viết lại phần mở đầu")
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(dialog.to_author, Qt.MouseButton.LeftButton,  # on the round indicator
                     pos=QPoint(8, dialog.to_author.height() // 2))
    assert dialog.to_author.isChecked()
    press_ok(qtbot, dialog)
    now = clients["collab"].get_submission(item.id)
    assert now.state == State.RETURNED
    assert clients["collab"].audit(item.id)[-1].comment == "[other] Viết lại phần mở đầu"


def test_a_delegated_secretary_approves_only_the_delegated_category(
        qtbot, context: AppContext, board_url: str, clients: Clients,  # type: ignore[no-untyped-def]
        submit: Submit) -> None:
    news = submit()
    legal = submit(category="legal-guidance", title="Hướng dẫn thi hành Luật Hộ tịch",
                   metadata={"issue_date": "2026-11-02"})
    for item in (news, legal):
        clients["secretary"].act(item.id, Action.CLAIM)
        clients["secretary"].act(item.id, Action.FORWARD)
    delegated = open_workspace(qtbot, context, board_url, "secretary-news")
    queue = delegated.queues["approval"]
    queue.refresh()
    assert queue.row_of(news.id) >= 0 and queue.row_of(legal.id) < 0
    click_item(qtbot, queue, news.id)
    click(qtbot, button(delegated, "approve"))
    press_ok(qtbot, delegated.item.dialog)
    assert clients["chief"].get_submission(news.id).state == State.APPROVED
