"""TXT, HTML and ODT documents in the same model; kinds found from content, not extensions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from editor_app.validation.documents import DocumentError, check_document, read_document
from editor_app.validation.documents.api import detect_kind
from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.text.codecs import encode_text

LINES = ["Uỷ ban nhân dân tỉnh Cao Bằng", "Căn cứ Luật Tổ chức chính quyền địa phương;"]


def test_txt_in_tcvn3_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.dat"  # the extension says nothing
    path.write_bytes(b"\r\n".join(encode_text(line, "tcvn3") for line in LINES))
    document = read_document(path)
    assert document.kind == "txt"
    assert document.unicode_text() == "\n".join(LINES)
    codes = [f.code for f in check_document(path)]
    assert codes.count("document.legacy-encoding") == 2


def test_html_font_face_decides_the_encoding(tmp_path: Path) -> None:
    legacy = decode_8bit(encode_text(LINES[0].lower(), "tcvn3", fold_case=True))
    page = (f'<html><body><h1><font face=".VnTimeH">{legacy}</font></h1>'
            f'<p style="font-family: Times New Roman">{LINES[1]}</p></body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.kind == "html"
    assert document.unicode_text() == "\n".join([LINES[0].upper(), LINES[1]])


def _odt(path: Path, font: str, text: str) -> Path:
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">
<office:font-face-decls><style:font-face style:name="F1" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:automatic-styles><style:style style:name="T1" style:family="text">
<style:text-properties style:font-name="F1"/></style:style></office:automatic-styles>
<office:body><office:text><text:h text:outline-level="1">Tiêu đề</text:h>
<text:p>Đầu <text:span text:style-name="T1">{text}</text:span></text:p>
</office:text></office:body></office:document-content>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path


def test_odt_span_fonts(tmp_path: Path) -> None:
    legacy = decode_8bit(encode_text(LINES[1], "vni"))
    document = read_document(_odt(tmp_path / "a.odt", "VNI-Times", legacy))
    assert document.kind == "odt"
    assert document.unicode_text() == "Tiêu đề\nĐầu " + LINES[1]
    first = next(p for _, _, p in document.paragraphs())
    assert first.heading == 1


def test_detect_kind_by_content(tmp_path: Path) -> None:
    samples = {"doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "rtf": b"{\\rtf1 x}",
               "pdf": b"%PDF-1.7\n", "txt": "chữ".encode(), "html": b"<!DOCTYPE html><p>x"}
    for kind, data in samples.items():
        path = tmp_path / f"sample.{kind}.bin"
        path.write_bytes(data)
        assert detect_kind(path) == kind


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("data", [OLE_MAGIC + bytes(600), b"%PDF-1.4 junk"])
def test_damaged_containers_are_clear_errors(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.bin"
    path.write_bytes(data)
    with pytest.raises(DocumentError):
        read_document(path)
    assert [f.code for f in check_document(path)] == ["document.unreadable"]


def test_unknown_kind_hint_falls_back_to_content(tmp_path: Path) -> None:
    path = tmp_path / "letter.docm"
    path.write_bytes(encode_text(LINES[0], "tcvn3"))
    codes = [f.code for f in check_document(path, "docm")]
    assert codes == ["document.legacy-encoding"]
