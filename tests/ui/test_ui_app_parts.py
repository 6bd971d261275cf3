"""Settings dialog, language switch, generated metadata form, findings, Word paste, log view."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from editor_app.core.errors import UserError
from editor_app.core.profiles import load_profile
from editor_app.core.settings import Preset, Settings
from editor_app.ui.driver import type_text
from editor_app.ui.settings_dialog import SettingsDialog
from editor_app.validation.findings import Finding, Location, Severity


def test_settings_dialog_is_generated_and_writes_changes(window, ui_context):
    dialog = SettingsDialog(ui_context, window)
    from editor_app.core.settings import SCHEMA

    assert set(dialog.widgets) == {spec.key for spec in SCHEMA}
    unit = dialog.widgets["unit"]
    assert isinstance(unit, QLineEdit)
    unit.setText("Sở Tư pháp")
    dialog.accept()
    saved = json.loads(ui_context.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["unit"] == "Sở Tư pháp"
    assert "portal_url" not in saved  # only what changed is written


def test_locked_preset_keys_are_read_only(window, ui_context, tmp_path: Path):
    preset_file = tmp_path / "preset.json"
    preset_file.write_text(json.dumps({"settings": {"portal_url": "https://cong.tinh.gov.vn"},
                                       "locked": ["portal_url"]}), encoding="utf-8")
    ui_context.settings = Settings(ui_context.paths.settings_file, Preset.load(preset_file))
    dialog = SettingsDialog(ui_context, window)
    locked = dialog.widgets["portal_url"]
    assert not locked.isEnabled()
    assert isinstance(locked, QLineEdit) and locked.text() == "https://cong.tinh.gov.vn"
    assert dialog.widgets["unit"].isEnabled()
    dialog.accept()
    assert ui_context.settings.get("portal_url") == "https://cong.tinh.gov.vn"


def test_language_switches_without_restart(window, ui_context):
    assert window.windowTitle().startswith("Trạm biên tập")
    assert window.main_actions.menus["file"].title() == "&Tệp"
    window.main_actions.actions["en"].trigger()
    assert window.windowTitle().startswith("Editorial workstation")
    assert window.main_actions.menus["file"].title() == "&File"
    assert window.drafts.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert ui_context.settings.get("language") == "en"
    window.main_actions.actions["vi"].trigger()
    assert window.editor.tabs.tabText(0) == "&Nội dung"
    assert window.drafts.model.headerData(0, Qt.Orientation.Horizontal) == "Tiêu đề"


def test_metadata_form_is_generated_from_the_profile(window, qtbot):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    fields = window.editor.fields
    fields.category.setCurrentIndex(fields.category.findData("legal-document"))
    specs = load_profile("national").categories["legal-document"].fields
    form = window.editor.metadata
    assert list(form.rows) == [spec.key for spec in specs]
    choice_specs = [s for s in specs if s.type == "choice"]
    if choice_specs:
        assert isinstance(form.rows[choice_specs[0].key].widget, QComboBox)
    number = next(s for s in specs if s.type == "doc-number")
    row = form.rows[number.key]
    assert isinstance(row.widget, QLineEdit)
    row.widget.setText("abc")
    form.check_row(row)
    assert not row.message.isHidden() and row.message.text()
    row.widget.setText("641/QĐ-UBND")
    form.check_row(row)
    assert row.message.isHidden()


def test_metadata_values_are_saved_with_the_article(window, qtbot, ui_context):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    fields = window.editor.fields
    fields.category.setCurrentIndex(fields.category.findData("legal-document"))
    form = window.editor.metadata
    number_key = next(k for k, r in form.rows.items() if r.spec.type == "doc-number")
    form.rows[number_key].widget.setFocus()
    type_text(form.rows[number_key].widget, "641/QĐ-UBND")
    window.editor_controller.save_now()
    stored = ui_context.store.drafts.get(window.editor_controller.article_id)
    assert stored.category == "legal-document"
    assert stored.metadata[number_key] == "641/QĐ-UBND"


def test_finding_jumps_to_its_field_and_fixes_in_one_click(window, qtbot):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    type_text(window.editor.fields.source, "Theo cong thong tin")
    finding = Finding("test.source", Severity.WARNING, "Nguồn sai", "Bad source",
                      Location(field="source"), fix="replace",
                      data={"replacement": "Theo Cổng Thông tin điện tử tỉnh"})
    panel = window.editor.findings
    panel.set_findings([finding], "vi")
    window.editor.fields.title.setFocus()
    item = panel.tree.topLevelItem(0)
    panel.tree.setCurrentItem(item)
    panel.tree.itemDoubleClicked.emit(item, 0)
    assert window.editor.fields.source.hasFocus()
    assert panel.fix_button.isEnabled()
    panel.fix_button.click()
    assert window.editor.fields.source.text() == "Theo Cổng Thông tin điện tử tỉnh"


def test_background_check_fills_the_findings_panel(window, qtbot):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    window.editor_controller.check_now()
    qtbot.waitUntil(lambda: bool(window.editor.findings.findings))
    assert all(isinstance(f, Finding) for f in window.editor.findings.findings)


def test_pasting_word_html_drops_the_styling_junk(window, qtbot):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    word = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
            '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->'
            '<h2 style="mso-outline-level:2">Tình hình</h2><p class="MsoNormal" '
            'style="mso-bidi-font-family:Arial;font-family:Calibri"><b>Đậm</b> và '
            '<i>nghiêng</i><o:p></o:p></p><ul><li>Một</li><li>Hai</li></ul></body></html>')
    mime = QMimeData()
    mime.setHtml(word)
    body = window.editor.body
    body.insertFromMimeData(mime)
    html = body.toHtml()
    assert "mso-" not in html and "MsoNormal" not in html and "o:p" not in html
    assert "Tình hình" in body.toPlainText() and "Hai" in body.toPlainText()
    assert "font-weight" in html or "<b>" in html
    assert body.document().findBlockByNumber(0).blockFormat().headingLevel() == 2


def test_user_errors_show_inline_and_bugs_are_logged(window, ui_context, caplog):
    ui_context.errors.present(UserError("Không đọc được tệp", "Cannot read the file"))
    assert window.message_bar.isVisible()
    assert window.message_bar.text == "Không đọc được tệp"
    ui_context.errors.present(RuntimeError("boom"))
    assert ui_context.errors.last_crash is not None
    assert any("unexpected error" in r.getMessage() for r in caplog.records)


def test_the_crash_dialog_shows_the_error_and_the_log_and_copies_them(qtbot, ui_context):
    import logging

    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit, QPushButton

    from editor_app.core.logs import setup_logging
    from editor_app.ui.crash_dialog import CrashDialog

    setup_logging(ui_context.paths.logs)
    logging.getLogger("editor_app.test").warning("the step before the bug")
    try:
        raise RuntimeError("boom in the importer")
    except RuntimeError as exc:
        dialog = CrashDialog(exc)
    qtbot.addWidget(dialog)
    details = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "RuntimeError: boom in the importer" in details and "Traceback" in details
    assert "the step before the bug" in details  # the log tail travels with the error
    copy = next(b for b in dialog.findChild(QDialogButtonBox).findChildren(QPushButton)
                if b.text() in ("Copy", "Sao chép"))
    copy.click()
    assert QApplication.clipboard().text() == details
    assert dialog.accessibleName()


def test_show_log_lists_the_log_tail(window, ui_context):
    import logging

    from editor_app.core.logs import setup_logging
    from editor_app.ui.log_view import LogDialog

    setup_logging(ui_context.paths.logs)
    logging.getLogger("editor_app.test").info("dòng nhật ký để kiểm tra")
    dialog = LogDialog(ui_context.paths.logs, window)
    assert "dòng nhật ký để kiểm tra" in dialog.text.toPlainText()


def test_strip_gps_fix_replaces_the_attachment_with_a_clean_copy(window, qtbot, ui_context,
                                                                  tmp_path):
    from PIL import Image

    from editor_app.ui.editor.checks import validate

    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    photo = tmp_path / "hien-truong.jpg"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 2.0)}
    Image.new("RGB", (800, 600), (10, 120, 60)).save(photo, "JPEG", exif=exif)
    controller = window.editor_controller
    controller.add_files([photo])
    article = window.editor.current_article()
    files = [(r, ui_context.store.blobs.path(r.sha256)) for r in article.attachments]
    gps = [f for f in validate(article, files, ui_context.profile_id) if f.fix == "strip-gps"]
    assert gps, "the inspector should offer to strip the GPS position"
    controller.fix(gps[0])
    stored = ui_context.store.drafts.get(controller.article_id).attachments
    assert [a.filename for a in stored] == ["hien-truong.jpg"]
    assert stored[0].sha256 != article.attachments[0].sha256
    with Image.open(ui_context.store.blobs.path(stored[0].sha256)) as image:
        assert not image.getexif().get_ifd(0x8825)


def test_every_focusable_widget_has_an_accessible_name(window, qtbot):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QWidget

    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    fields = window.editor.fields
    fields.category.setCurrentIndex(fields.category.findData("legal-document"))
    missing = []
    for tab in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(tab)
        for widget in window.findChildren(QWidget):
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
                continue
            if isinstance(widget.parentWidget(),
                          QAbstractScrollArea | QComboBox | QAbstractSpinBox):
                continue  # viewports and the line edits inside combo/spin boxes: parent's name
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
            if not name.strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, sorted(set(missing))


def test_keyboard_shortcuts_reach_their_actions(window, qtbot, ui_context):
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    assert len(ui_context.store.drafts.list()) == 1
    QTest.keyClick(window.editor.fields.title, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.drafts.search.hasFocus()
    window.editor.fields.title.setFocus()
    type_text(window.editor.fields.title, "Tin mới")
    QTest.keyClick(window.editor.fields.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.fields.title.text() == ""
    QTest.keyClick(window.editor.fields.title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.fields.title.text() == "Tin mới"
    QTest.keyClick(window.editor.fields.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    versions = ui_context.store.drafts.versions(window.editor_controller.article_id)
    assert versions and versions[0].title == "Tin mới"


def test_jumping_to_a_body_finding_selects_the_offending_text(window, qtbot, ui_context):
    from editor_app.ui.editor.checks import validate

    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    window.editor.body.setHtml("<h2>Thông tin liên hệ</h2><ul><li>Hỗ trợ: trực tuyến</li></ul>"
                               "<p>Gọi ông Nam theo số 0912345678 để biết thêm.</p>")
    article = window.editor.current_article()
    body = [f for f in validate(article, [], ui_context.profile_id)
            if f.location.field == "body" and f.location.length]
    assert body, "the policy check should flag the personal phone number"
    window.editor.findings.set_findings(body, "vi")
    item = window.editor.findings.tree.topLevelItem(0)
    window.editor.findings.tree.itemDoubleClicked.emit(item, 0)
    assert "0912345678" in window.editor.body.textCursor().selectedText()
