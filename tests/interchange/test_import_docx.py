"""DOCX import from files written by python-docx, and from a real government form."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.text.paragraph import Paragraph

from editor_app.core.interchange import InterchangeError, PlainConverter, import_file, inline_src


def _add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """python-docx has no public API for links; this is the OOXML Word itself writes."""
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


@pytest.fixture
def article_docx(tmp_path: Path, png: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Kết luận của Phó Chủ tịch"
    document.add_heading("Phần I. Tình hình", level=1)
    paragraph = document.add_paragraph("Căn cứ ")
    paragraph.add_run("Luật Báo chí").bold = True
    paragraph.add_run(" và ")
    paragraph.add_run("Nghị định 43").italic = True
    _add_hyperlink(document.add_paragraph("Xem "), "https://kiengiang.gov.vn", "cổng tỉnh")
    _add_hyperlink(document.add_paragraph(), "javascript:alert(1)", "độc hại")
    document.add_heading("Chi tiết", level=2)
    document.add_paragraph("Sở Nội vụ", style="List Bullet")
    document.add_paragraph("Sở Tài chính", style="List Bullet")
    document.add_paragraph("Bước một", style="List Number")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp"
    table.cell(0, 2).text = "Ô C"
    table.cell(1, 0).text = "Ô D"
    document.add_picture(str(png), width=Inches(1))
    document.add_picture(str(png), width=Inches(2))          # same image twice: stored once
    path = tmp_path / "ket-luan.docx"
    document.save(str(path))
    return path


def test_docx_structure_becomes_html(article_docx: Path) -> None:
    draft = import_file(article_docx)
    body = draft.article.body_html
    assert draft.article.title == "Kết luận của Phó Chủ tịch"
    assert "<h1>Phần I. Tình hình</h1>" in body and "<h2>Chi tiết</h2>" in body
    assert "<p>Căn cứ <b>Luật Báo chí</b> và <i>Nghị định 43</i></p>" in body
    assert '<a href="https://kiengiang.gov.vn">cổng tỉnh</a>' in body
    assert "javascript" not in body and "độc hại" in body
    assert "<ul><li>Sở Nội vụ</li><li>Sở Tài chính</li></ul><ol><li>Bước một</li></ol>" in body
    assert "<tr><td>Gộp</td><td>Ô C</td></tr><tr><td>Ô D</td><td></td><td></td></tr>" in body


def test_docx_images_become_inline_attachments(article_docx: Path, png: Path) -> None:
    draft = import_file(article_docx)
    [image] = draft.files
    assert image.data == png.read_bytes() and image.inline
    assert image.media_type == "image/png"
    assert [a.sha256 for a in draft.article.attachments] == [image.sha256]
    assert draft.article.body_html.count(inline_src(image.sha256)) == 2


def test_title_style_paragraph_is_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("QUYẾT ĐỊNH về việc ban hành Quy chế", style="Title")
    document.add_paragraph("Điều 1. Ban hành kèm theo Quyết định này.")
    path = tmp_path / "qd.docx"
    document.save(str(path))
    draft = import_file(path)
    assert draft.article.title == "QUYẾT ĐỊNH về việc ban hành Quy chế"
    assert draft.article.body_html == "<p>Điều 1. Ban hành kèm theo Quyết định này.</p>"


class RecordingConverter(PlainConverter):
    """Stands in for the text engine's converter: records the fonts it is asked about."""

    def __init__(self) -> None:
        self.fonts: set[str | None] = set()

    def fix(self, text: str, font: str | None = None) -> str:
        self.fonts.add(font)
        return text.replace("Tæng", "Tổng") if font == ".VnTime" else text


def test_converter_sees_each_run_with_its_font(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    legacy = paragraph.add_run("Tæng kÕt")
    legacy.font.name = ".VnTime"
    paragraph.add_run(" năm")
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    converter = RecordingConverter()
    draft = import_file(path, converter)
    assert ".VnTime" in converter.fonts
    assert "Tổng kÕt năm" in draft.article.body_html


def test_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InterchangeError):
        import_file(path)


@pytest.mark.realdata
def test_real_government_form_with_tables(real_data: Path) -> None:
    draft = import_file(real_data / "unicode-gov" / "bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx")
    body = draft.article.body_html
    assert "SƠ YẾU LÝ LỊCH" in body.upper() or "SƠ YẾU LÝ LỊCH" in draft.article.title.upper()
    assert body.count("<table>") >= 1 and "Thông tư" in body
