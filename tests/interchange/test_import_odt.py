"""ODT import from documents written by odfpy (a real ODF writer), and hostile XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from odf import draw, style, table, teletype, text
from odf.opendocument import OpenDocumentText

from editor_app.core.interchange import InterchangeError, import_file, inline_src
from tests.interchange.conftest import png_bytes


def _styles(document: OpenDocumentText) -> dict[str, style.Style]:
    made = {}
    for name, props in {"B": {"fontweight": "bold"}, "I": {"fontstyle": "italic"},
                        "U": {"textunderlinestyle": "solid"}}.items():
        made[name] = style.Style(name=name, family="text")
        made[name].addElement(style.TextProperties(**props))
        document.automaticstyles.addElement(made[name])
    title = style.Style(name="Title", family="paragraph")
    document.styles.addElement(title)
    made["Title"] = title
    return made


def _list_style(document: OpenDocumentText, name: str, numbered: bool) -> None:
    list_style = text.ListStyle(name=name)
    if numbered:
        level = text.ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    else:
        level = text.ListLevelStyleBullet(level=1, bulletchar="•")
    list_style.addElement(level)
    document.automaticstyles.addElement(list_style)


@pytest.fixture
def article_odt(tmp_path: Path) -> Path:
    document = OpenDocumentText()
    styles = _styles(document)
    _list_style(document, "LB", numbered=False)
    _list_style(document, "LN", numbered=True)
    body = document.text
    body.addElement(text.P(stylename=styles["Title"], text="Thông báo lịch tiếp công dân"))
    body.addElement(text.H(outlinelevel=2, text="Thời gian"))
    paragraph = text.P(text="Sáng ")
    paragraph.addElement(text.Span(stylename=styles["B"], text="thứ Hai"))
    paragraph.addText(" tại ")
    paragraph.addElement(text.Span(stylename=styles["I"], text="trụ sở"))
    paragraph.addElement(text.S(c=3))
    link = text.A(href="https://kiengiang.gov.vn", text="cổng tỉnh")
    paragraph.addElement(link)
    body.addElement(paragraph)
    for name, items in (("LB", ["Sở Nội vụ", "Sở Y tế"]), ("LN", ["Bước một"])):
        listing = text.List(stylename=name)
        for item in items:
            entry = text.ListItem()
            entry.addElement(text.P(text=item))
            listing.addElement(entry)
        body.addElement(listing)
    grid = table.Table(name="Bảng")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for row_values in (["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Giám đốc"]):
        row = table.TableRow()
        for value in row_values:
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    body.addElement(grid)
    href = document.addPicture("Pictures/anh.png", "image/png", png_bytes("blue"))
    frame = draw.Frame(width="2cm", height="1cm", anchortype="as-char")
    frame.addElement(draw.Image(href=href))
    picture = text.P()
    picture.addElement(frame)
    body.addElement(picture)
    path = tmp_path / "thong-bao.odt"
    document.save(str(path))
    return path


def test_odt_structure_becomes_html(article_odt: Path) -> None:
    draft = import_file(article_odt)
    body = draft.article.body_html
    assert draft.article.title == "Thông báo lịch tiếp công dân"
    assert "Thông báo lịch" not in body
    assert "<h2>Thời gian</h2>" in body
    assert ('<p>Sáng <b>thứ Hai</b> tại <i>trụ sở</i>   '
            '<a href="https://kiengiang.gov.vn">cổng tỉnh</a></p>') in body
    assert "<ul><li>Sở Nội vụ</li><li>Sở Y tế</li></ul><ol><li>Bước một</li></ol>" in body
    assert "<tr><td>Họ tên</td><td>Chức vụ</td></tr>" in body
    assert "<td>Nguyễn Văn A</td>" in body


def test_odt_pictures_become_inline_attachments(article_odt: Path) -> None:
    draft = import_file(article_odt)
    [image] = draft.files
    assert image.data == png_bytes("blue") and image.filename == "anh.png"
    assert inline_src(image.sha256) in draft.article.body_html


def test_odt_detected_by_content_not_name(article_odt: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "gui-qua-email.bin"
    renamed.write_bytes(article_odt.read_bytes())
    assert import_file(renamed).article.title == "Thông báo lịch tiếp công dân"


def _odt_with_content(path: Path, content: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT")
    content = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
               '<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               "<office:body><office:text><text:p>a &x; b</text:p></office:text></office:body>"
               "</office:document-content>")
    draft = import_file(_odt_with_content(tmp_path / "xxe.odt", content))
    assert "BÍ MẬT" not in draft.article.body_html


def test_damaged_odt_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="ODT"):
        import_file(_odt_with_content(tmp_path / "hong.odt", "<office:document-content"))


def test_no_paragraph_text_is_lost(article_odt: Path) -> None:
    """Cross-check with odfpy's own text extraction of every paragraph."""
    from odf.opendocument import load

    paragraphs = load(str(article_odt)).getElementsByType(text.P)
    expected = [" ".join(teletype.extractText(p).split()) for p in paragraphs]
    draft = import_file(article_odt)
    visible = " ".join(re.sub("<[^>]+>", " ", draft.article.body_html).split())
    for value in filter(None, expected[1:]):       # the first is the title
        assert value in visible
