"""The composer against a real store: typing autosaves, search, attachments, undo, history."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from editor_app.core.articles import Article
from editor_app.ui.driver import type_text


def _new_draft(window, qtbot) -> int:  # type: ignore[no-untyped-def]
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    return int(window.editor_controller.article_id)


def _jpeg(path: Path) -> Path:
    Image.new("RGB", (640, 480), (200, 30, 30)).save(path, "JPEG")
    return path


def test_typing_reaches_the_database_without_saving_by_hand(window, qtbot, ui_context):
    article_id = _new_draft(window, qtbot)
    type_text(window.editor.fields.title, "Quyết định về Cổng thông tin")
    window.editor.body.setFocus()
    type_text(window.editor.body, "Nội dung đầu tiên của bài viết.")
    drafts = ui_context.store.drafts
    qtbot.waitUntil(lambda: "Nội dung đầu tiên" in drafts.get(article_id).body_html, timeout=4000)
    assert drafts.get(article_id).title == "Quyết định về Cổng thông tin"


def test_autosave_does_not_wait_for_a_pause_in_typing(window, qtbot, ui_context):
    article_id = _new_draft(window, qtbot)
    drafts = ui_context.store.drafts
    typed = ""
    for word in ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám"] * 3:
        type_text(window.editor.fields.title, word + " ")
        typed += word + " "
        qtbot.wait(150)  # continuous typing: never a 1 s pause
    assert drafts.get(article_id).title.startswith("một hai ba bốn")


def test_search_ignores_diacritics_and_case(window, qtbot, ui_context):
    drafts = ui_context.store.drafts
    drafts.create(Article(title="Quyết định phê duyệt kế hoạch"))
    drafts.create(Article(title="Đà Nẵng tổ chức hội nghị"))
    drafts.create(Article(title="Thông báo lịch tiếp công dân"))
    window.drafts_controller.refresh()
    qtbot.waitUntil(lambda: len(window.drafts.model.rows) == 3)
    window.main_actions.actions["search"].trigger()
    assert window.drafts.search.hasFocus()
    type_text(window.drafts.search, "quyet dinh")
    qtbot.waitUntil(lambda: [r.title for r in window.drafts.model.rows]
                    == ["Quyết định phê duyệt kế hoạch"])
    window.drafts.search.clear()
    type_text(window.drafts.search, "DA NANG")
    qtbot.waitUntil(lambda: [r.title for r in window.drafts.model.rows]
                    == ["Đà Nẵng tổ chức hội nghị"])


def test_drafts_list_sorts_by_column(window, qtbot, ui_context):
    for title in ("Bình", "An", "Cường"):
        ui_context.store.drafts.create(Article(title=title))
    window.drafts_controller.refresh()
    qtbot.waitUntil(lambda: len(window.drafts.model.rows) == 3)
    window.drafts.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r.title for r in window.drafts.model.rows] == ["An", "Bình", "Cường"]
    window.drafts.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [r.title for r in window.drafts.model.rows] == ["Cường", "Bình", "An"]


def test_attach_by_api_survives_the_original_vanishing(window, qtbot, ui_context, tmp_path):
    article_id = _new_draft(window, qtbot)
    photo = _jpeg(tmp_path / "anh-hoi-nghi.jpg")
    window.editor_controller.add_files([photo])
    photo.unlink()
    stored = ui_context.store.drafts.get(article_id).attachments
    assert [a.filename for a in stored] == ["anh-hoi-nghi.jpg"]
    assert ui_context.store.blobs.path(stored[0].sha256).is_file()
    assert [a.filename for a in window.editor.attachments.attachments()] == ["anh-hoi-nghi.jpg"]


def test_attach_by_drag_and_drop(window, qtbot, ui_context, tmp_path):
    article_id = _new_draft(window, qtbot)
    report = tmp_path / "bao-cao.txt"
    report.write_text("Báo cáo quý IV\n", encoding="utf-8")
    panel = window.editor.attachments
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    assert [a.filename for a in ui_context.store.drafts.get(article_id).attachments] == [
        "bao-cao.txt"]


def test_caption_edit_and_remove_reach_the_store(window, qtbot, ui_context, tmp_path):
    article_id = _new_draft(window, qtbot)
    window.editor_controller.add_files([_jpeg(tmp_path / "a.jpg"), _jpeg(tmp_path / "b.jpg")])
    panel = window.editor.attachments
    panel.table.item(0, 2).setText("Toàn cảnh hội nghị")
    drafts = ui_context.store.drafts
    assert drafts.get(article_id).attachments[0].caption == "Toàn cảnh hội nghị"
    panel.table.selectRow(1)
    panel.remove_button.click()
    assert [a.filename for a in drafts.get(article_id).attachments] == ["a.jpg"]
    assert [a.filename for a in panel.attachments()] == ["a.jpg"]


def test_undo_and_redo_in_the_body(window, qtbot):
    _new_draft(window, qtbot)
    body = window.editor.body
    body.setFocus()
    type_text(body, "Câu thứ nhất.")
    assert body.toPlainText() == "Câu thứ nhất."
    window.main_actions.actions["undo"].trigger()
    assert body.toPlainText() == ""
    window.main_actions.actions["redo"].trigger()
    assert body.toPlainText() == "Câu thứ nhất."


def test_restore_an_earlier_version(window, qtbot, ui_context):
    article_id = _new_draft(window, qtbot)
    drafts = ui_context.store.drafts
    controller = window.editor_controller
    type_text(window.editor.fields.title, "Bản thứ nhất")
    controller.save_now()
    window.main_actions.actions["save"].trigger()  # Ctrl+S keeps a version
    window.editor.fields.title.selectAll()
    type_text(window.editor.fields.title, "Bản thứ hai")
    controller.save_now()
    assert drafts.get(article_id).title == "Bản thứ hai"
    dialog = controller.show_history()
    assert dialog is not None and dialog.list.count() >= 1
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    row = next(i for i, text in enumerate(titles) if "Bản thứ nhất" in text)
    dialog.list.setCurrentRow(row)
    assert "Bản thứ nhất" in dialog.view.toPlainText()
    dialog.restore_button.click()
    assert window.editor.fields.title.text() == "Bản thứ nhất"
    assert drafts.get(article_id).title == "Bản thứ nhất"


def test_reopening_a_draft_shows_what_was_saved(window, qtbot, ui_context):
    first = _new_draft(window, qtbot)
    type_text(window.editor.fields.title, "Bài một")
    _new_draft(window, qtbot)
    assert ui_context.store.drafts.get(first).title == "Bài một"  # flushed on switching
    window.editor_controller.open(first)
    assert window.editor.fields.title.text() == "Bài một"


def test_inline_image_is_an_attachment_drawn_from_the_blob_store(window, qtbot, ui_context,
                                                                 tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    article_id = _new_draft(window, qtbot)
    window.editor.body.setFocus()
    window.editor_controller.add_files([_jpeg(tmp_path / "anh.jpg")], inline=True)
    (ref,) = ui_context.store.drafts.get(article_id).attachments
    assert f"attachment:{ref.sha256}" in window.editor.body.toHtml()
    image = window.editor.body.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                            QUrl(f"attachment:{ref.sha256}"))
    assert isinstance(image, QImage) and image.width() == 640
    window.editor_controller.save_now()
    assert f"attachment:{ref.sha256}" in ui_context.store.drafts.get(article_id).body_html


def test_delete_draft_asks_then_removes_it_and_its_files(window, qtbot, ui_context, tmp_path,
                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    article_id = _new_draft(window, qtbot)
    window.editor_controller.add_files([_jpeg(tmp_path / "x.jpg")])
    (ref,) = ui_context.store.drafts.get(article_id).attachments
    blob = ui_context.store.blobs.path(ref.sha256)
    # the modal question cannot be answered by a person here; answer it as they would
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    window.main_actions.actions["delete"].trigger()
    assert [s.id for s in ui_context.store.drafts.list()] == [article_id]  # "No" keeps it
    window.main_actions.actions["delete"].trigger()
    assert ui_context.store.drafts.list() == []
    assert not blob.exists()
    assert window.stack.currentWidget() is window.placeholder
    window.editor_controller.save_now()  # nothing may resurrect the deleted draft
    assert ui_context.store.drafts.list() == []


def test_autosave_interval_setting_applies_at_once(window, qtbot, ui_context):
    from editor_app.ui.settings_dialog import SettingsDialog

    window.main_actions.actions["settings"].trigger()
    (dialog,) = window.findChildren(SettingsDialog)
    dialog.widgets["autosave_seconds"].setValue(0.5)  # type: ignore[attr-defined]
    dialog.accept()
    assert window.editor_controller.autosaver._debounce.interval() == 500


def test_preview_shows_the_article_as_html(window, qtbot):
    _new_draft(window, qtbot)
    type_text(window.editor.fields.title, "Lễ hội Hoa Ban")
    type_text(window.editor.fields.summary, "Sapo của bài")
    window.editor.body.setHtml("<h2>Chương trình</h2><ul><li>Khai mạc</li></ul>")
    window.editor.tabs.setCurrentIndex(3)
    shown = window.editor.preview.toPlainText()
    for text in ("Lễ hội Hoa Ban", "Sapo của bài", "Chương trình", "Khai mạc"):
        assert text in shown


def test_open_attachment_hands_a_named_copy_to_the_desktop(window, qtbot, ui_context, tmp_path):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    _new_draft(window, qtbot)
    window.editor_controller.add_files([_jpeg(tmp_path / "bien-ban.jpg")])
    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")  # Qt's own hook for URL handlers
    try:
        panel = window.editor.attachments
        panel.table.selectRow(0)
        panel.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = catcher.urls
    opened = Path(url.toLocalFile())
    assert opened.name == "bien-ban.jpg" and opened.is_relative_to(ui_context.paths.cache)
    assert opened.read_bytes()[:2] == b"\xff\xd8"
