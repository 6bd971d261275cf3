"""DOCX export: read back with python-docx, and round-tripped through the importer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.interchange import export_docx, import_file, inline_src
from tests.interchange.conftest import DictBlobs, png_bytes

PNG = png_bytes("red")
SHA = hashlib.sha256(PNG).hexdigest()
PDF = b"%PDF-1.4 not really"
PDF_SHA = hashlib.sha256(PDF).hexdigest()


def _article() -> Article:
    return Article(
        title="Kết luận của Phó Chủ tịch UBND tỉnh", summary="Về cổ phần hoá QISC",
        body_html=(
            "<h2>Tình hình</h2><p>Căn cứ <b>Luật</b>, <i>Nghị định</i> và <u>Thông tư</u>"
            '<br>xem <a href="https://quangngai.gov.vn">cổng</a>.</p>'
            "<ul><li>Một<ul><li>Một-a</li></ul></li><li>Hai</li></ul><ol><li>Bước</li></ol>"
            "<table><tr><th>Cột</th><th>Giá trị</th></tr><tr><td>A</td><td>1</td></tr></table>"
            f'<p><img src="{inline_src(SHA)}" alt="Ảnh"></p><blockquote>Trích dẫn</blockquote>'
        ),
        pen_name="Minh An", source="Văn phòng UBND", tags=["cổ phần hoá", "QISC"],
        metadata={"number": "01/TB-UBND", "documents": [{"summary": "Trích yếu"}]},
        attachments=[AttachmentRef(SHA, "anh.png", len(PNG), "image/png", "Toàn cảnh"),
                     AttachmentRef(PDF_SHA, "van-ban.pdf", len(PDF), "application/pdf",
                                   "Văn bản gốc")],
    )


def test_export_reads_back_with_python_docx(tmp_path: Path) -> None:
    out = export_docx(_article(), DictBlobs({SHA: PNG, PDF_SHA: PDF}), tmp_path / "bai.docx")
    document = docx.Document(str(out))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert ("Title", "Kết luận của Phó Chủ tịch UBND tỉnh") in styles
    assert ("Heading 2", "Tình hình") in styles
    assert ("List Bullet", "Một") in styles and ("List Bullet 2", "Một-a") in styles
    assert ("List Number", "Bước") in styles and ("Quote", "Trích dẫn") in styles
    assert any("cổng (https://quangngai.gov.vn)" in text for _, text in styles)
    assert len(document.inline_shapes) == 1
    first_table = document.tables[0]
    assert [c.text for c in first_table.rows[1].cells] == ["A", "1"]
    details = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert details["Bút danh"] == "Minh An" and details["number"] == "01/TB-UBND"
    assert details["Tệp đính kèm: van-ban.pdf"] == "Văn bản gốc"
    assert document.core_properties.title == "Kết luận của Phó Chủ tịch UBND tỉnh"
    assert document.core_properties.keywords == "cổ phần hoá, QISC"


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    out = export_docx(_article(), DictBlobs({SHA: PNG, PDF_SHA: PDF}), tmp_path / "bai.docx")
    draft = import_file(out)
    body = draft.article.body_html
    assert draft.article.title == "Kết luận của Phó Chủ tịch UBND tỉnh"
    assert "<h2>Tình hình</h2>" in body
    assert "<b>Luật</b>" in body and "<i>Nghị định</i>" in body and "<u>Thông tư</u>" in body
    assert "<li>Hai</li>" in body and "<ol><li>Bước</li></ol>" in body
    assert [f.data for f in draft.files] == [PNG]
    assert inline_src(SHA) in body


def test_missing_blob_does_not_lose_the_export(tmp_path: Path) -> None:
    out = export_docx(_article(), DictBlobs({}), tmp_path / "bai.docx")
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 0
    assert any("[ảnh]" in p.text for p in document.paragraphs)


def test_empty_article_exports(tmp_path: Path) -> None:
    out = export_docx(Article(), DictBlobs({}), tmp_path / "trong.docx")
    assert docx.Document(str(out)).paragraphs[0].text == "(không tiêu đề)"
