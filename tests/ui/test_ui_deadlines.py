"""Deadlines in the drafts list and the editor, the portal address preview, switching profile.

Real store, real profiles (cao-bang: a legal document is due 2 working days after its issue date;
Tết 2026 lies between 13/02 and 24/02), "today" pinned through the context.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from editor_app.core.articles import Article
from editor_app.ui.drafts_view import DEADLINE_COLUMN
from editor_app.ui.driver import type_text


def _legal(title: str, issued: str) -> Article:
    return Article(title=title, category="legal-document",
                   metadata={"issue_date": issued, "number": "12/QĐ-UBND"})


def _use_profile(ui_context, profile_id: str) -> None:  # type: ignore[no-untyped-def]
    ui_context.settings.set("profile_id", profile_id)
    ui_context.load_profile(profile_id)  # inline runner: loaded and signalled here
    assert ui_context.profile().id == profile_id


def _open(window, qtbot, article_id: int) -> None:  # type: ignore[no-untyped-def]
    window.editor_controller.open(article_id)
    qtbot.waitUntil(lambda: window.editor_controller.article_id == article_id)


def test_list_sorts_by_deadline_and_marks_overdue_rows(window, qtbot, ui_context):
    ui_context.today = lambda: date(2026, 2, 27)
    drafts = ui_context.store.drafts
    drafts.create(Article(title="Tin hội nghị", category="news"))  # no deadline
    later = drafts.create(_legal("Quyết định ban hành sau", "2026-02-25"))
    overdue = drafts.create(_legal("Quyết định trước Tết", "2026-02-13"))
    _use_profile(ui_context, "cao-bang")
    model = window.drafts.model
    qtbot.waitUntil(lambda: len(model.rows) == 3)
    assert not window.drafts.table.isColumnHidden(DEADLINE_COLUMN)
    window.drafts.table.sortByColumn(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.rows][:2] == [overdue.id, later.id]
    assert model.rows[2].deadline is None  # undated rows after the dated ones
    deadline = model.index(0, DEADLINE_COLUMN)
    assert model.data(deadline) == "24/02/2026"
    assert model.data(deadline, Qt.ItemDataRole.ForegroundRole) is not None
    assert "quá hạn" in model.data(deadline, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, DEADLINE_COLUMN), Qt.ItemDataRole.ForegroundRole) is None
    window.drafts.table.sortByColumn(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.rows[-1].id == overdue.id


def test_editor_shows_the_deadline_line_in_working_days(window, qtbot, ui_context):
    _use_profile(ui_context, "cao-bang")
    article = ui_context.store.drafts.create(_legal("Quyết định số 12", "2026-02-13"))
    ui_context.today = lambda: date(2026, 2, 20)
    _open(window, qtbot, article.id)
    line = window.editor.fields.deadline_line
    assert line.isVisible()
    assert line.text() == "Hạn đăng: 24/02/2026, còn 2 ngày làm việc"
    ui_context.today = lambda: date(2026, 2, 27)
    window.editor_controller.update_deadline()
    assert line.text() == "Quá hạn 3 ngày làm việc (hạn đăng 24/02/2026)"
    assert "#b00020" in line.styleSheet()
    window.editor.metadata.rows["issue_date"].set("2026-02-25")  # a new issue date
    window.editor_controller.update_deadline()
    assert line.text() == "Hạn đăng: 27/02/2026, hết hạn hôm nay"


def test_address_preview_follows_the_title_as_typed(window, qtbot, ui_context):
    _use_profile(ui_context, "cao-bang")
    article = ui_context.store.drafts.create(Article(title=""))
    _open(window, qtbot, article.id)
    preview = window.editor.fields.address_preview
    assert preview.text() == "Địa chỉ bài viết: (nhập tiêu đề)"
    window.editor.fields.title.setFocus()
    type_text(window.editor.fields.title, "Đà Nẵng: Quyết định số 12/QĐ-UBND")
    assert preview.text() == ("Địa chỉ bài viết: https://www.caobang.gov.vn/…/"
                              "da-nang-quyet-dinh-so-12-qd-ubnd")


def test_switching_profile_in_settings_updates_form_and_deadline(window, qtbot, ui_context):
    from editor_app.ui.settings_dialog import SettingsDialog

    ui_context.today = lambda: date(2026, 2, 20)
    article = ui_context.store.drafts.create(Article(
        title="Hỏi về thủ tục", category="qa", metadata={"received_date": "2026-02-13"}))
    _open(window, qtbot, article.id)
    assert "asker_kind" not in window.editor.metadata.rows  # national profile
    dialog = SettingsDialog(ui_context, window)
    combo = dialog.profile_combo
    assert combo.itemText(combo.findData("cao-bang")) == (
        "Cao Bằng — Cổng Thông tin điện tử tỉnh Cao Bằng (cao-bang)")
    combo.setCurrentIndex(combo.findData("cao-bang"))
    dialog.accept()
    qtbot.waitUntil(lambda: "asker_kind" in window.editor.metadata.rows)
    assert ui_context.settings.get("profile_id") == "cao-bang"
    assert "caobang.gov.vn" in window.editor.fields.address_preview.text()


def test_settings_say_when_the_portals_profile_is_in_force(window, qtbot, ui_context):
    """The profile choice is the user's; once the connected portal enforces its own profile,
    the dialog says so under it (in Vietnamese), and says nothing without one."""
    from editor_app.core.profiles import load_profile
    from editor_app.ui.settings_dialog import SettingsDialog

    plain = SettingsDialog(ui_context, window)
    assert plain.portal_profile_note is None
    ui_context.set_portal_profile(load_profile("son-la"))
    dialog = SettingsDialog(ui_context, window)
    note = dialog.portal_profile_note
    assert note is not None and note.accessibleName() == note.text()
    assert note.text().startswith("Cổng đang kết nối áp dụng quy định riêng: Sơn La — ")
    assert "(son-la)" in note.text()
    assert dialog.profile_combo.isEnabled()  # still the user's choice for when offline
