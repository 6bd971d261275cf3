"""File > Import / Export through the window, with real DOCX files and draft packages."""

from __future__ import annotations

from pathlib import Path

import docx

from editor_app.ui.driver import type_text


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Kế hoạch chuyển đổi số năm 2026", level=1)
    document.add_paragraph("Mục tiêu: 100% hồ sơ được xử lý trực tuyến.")
    document.add_paragraph("Sở Tư pháp", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Đơn vị"
    table.cell(1, 0).text = "UBND huyện"
    document.save(str(path))
    return path


def test_import_docx_opens_a_new_draft(window, qtbot, ui_context, tmp_path):
    window.interchange.import_file(_docx(tmp_path / "ke-hoach.docx"))
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    body = window.editor.body.toPlainText()
    assert "100% hồ sơ được xử lý trực tuyến" in body and "UBND huyện" in body
    stored = ui_context.store.drafts.get(window.editor_controller.article_id)
    assert "Kế hoạch chuyển đổi số năm 2026" in (stored.title + stored.body_html)


def test_export_docx_and_package_round_trip(window, qtbot, ui_context, tmp_path):
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    type_text(window.editor.fields.title, "Thông báo tuyển dụng viên chức")
    window.editor.body.setFocus()
    type_text(window.editor.body, "Nội dung thông báo.")
    note = tmp_path / "mau-don.txt"
    note.write_text("Mẫu đơn dự tuyển\n", encoding="utf-8")
    window.editor_controller.add_files([note])
    first_id = window.editor_controller.article_id

    window.interchange.export_docx(tmp_path / "thong-bao.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "thong-bao.docx")).paragraphs)
    assert "Thông báo tuyển dụng viên chức" in text and "Nội dung thông báo." in text

    window.interchange.export_package(tmp_path / "thong-bao.zip")
    window.interchange.import_file(tmp_path / "thong-bao.zip")
    qtbot.waitUntil(lambda: window.editor_controller.article_id not in (None, first_id))
    copy = ui_context.store.drafts.get(window.editor_controller.article_id)
    assert copy.title == "Thông báo tuyển dụng viên chức"
    assert [a.filename for a in copy.attachments] == ["mau-don.txt"]
    assert copy.uid != ui_context.store.drafts.get(first_id).uid


def test_a_damaged_document_gives_an_inline_message_not_a_crash(window, qtbot, ui_context,
                                                                tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 200)
    window.interchange.import_file(broken)
    assert window.message_bar.isVisible()
    assert "hong.docx" in window.message_bar.text
    assert ui_context.errors.last_crash is None
    assert ui_context.store.drafts.list() == []
