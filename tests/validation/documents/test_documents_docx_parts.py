"""DOCX conversion reaches every story (hyperlinks, footnotes, text boxes) and keeps other parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from editor_app.validation.documents import check_document, convert_document, read_document
from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.fonts import font_encoding

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'


def legacy(text: str) -> str:
    return decode_8bit(encode_text(text, "tcvn3", fold_case=True)).replace("&", "&amp;")


def run(text: str) -> str:
    return f'<w:r>{FONT}<w:t xml:space="preserve">{legacy(text)}</w:t></w:r>'


HYPERLINK = f'<w:p><w:hyperlink r:id="rIdLink">{run("Cổng thông tin điện tử")}</w:hyperlink></w:p>'
TEXTBOX = (
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
    '<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
    f'<w:p>{run("Hộp văn bản")}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
    '</a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
    f'<w:txbxContent><w:p>{run("Hộp văn bản")}</w:p></w:txbxContent></v:textbox></v:shape>'
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
)
NAMESPACES = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
    f'<w:footnote w:id="1"><w:p>{run("Chú thích của Bộ trưởng")}</w:p></w:footnote></w:footnotes>'
)


def build(path: Path) -> Path:
    """python-docx makes the package; raw XML adds the stories python-docx cannot write."""
    document = docx.Document()
    document.add_paragraph("placeholder", style="List Number")
    plain = path.with_name("plain.docx")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:document ")
                root_tag = xml[start : xml.index(">", start)]
                missing = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items()
                                   if f"xmlns:{prefix}=" not in root_tag)
                xml = xml.replace("<w:document ", f"<w:document {missing} ", 1)
                numbered = run("Điều 1. Phạm vi điều chỉnh")
                xml = xml.replace('<w:r><w:t>placeholder</w:t></w:r>', numbered)
                xml = xml.replace("<w:sectPr", HYPERLINK + TEXTBOX + "<w:sectPr", 1)
                data = xml.encode("utf-8")
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", FOOTNOTES)
    return path


def test_every_story_is_converted_and_other_parts_kept(tmp_path: Path) -> None:
    source = build(tmp_path / "stories.docx")
    out = tmp_path / "out.docx"
    report = convert_document(source, out)

    lines = [line for line in read_document(out).unicode_text().split("\n") if line]
    assert lines == [
        "Điều 1. Phạm vi điều chỉnh", "Cổng thông tin điện tử", "Hộp văn bản",
        "Chú thích của Bộ trưởng",
    ]
    assert report.runs_converted == {"tcvn3": 5}  # the text box's fallback copy included
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        for name in before.namelist():
            if name not in ("word/document.xml", "word/footnotes.xml", "word/styles.xml",
                            "word/fontTable.xml"):
                assert before.read(name) == after.read(name), name
        document_xml = after.read("word/document.xml").decode("utf-8")
    assert "w:hyperlink" in document_xml and 'w:pStyle w:val="ListNumber"' in document_xml
    assert "mc:Fallback" in document_xml and "Hộp văn bản" in document_xml.split("mc:Fallback")[1]
    result = read_document(out)
    assert not any(font_encoding(r.font) for _, _, p in result.paragraphs() for r in p.runs)


def test_fallback_copies_are_not_reported_twice(tmp_path: Path) -> None:
    findings = [f for f in check_document(build(tmp_path / "stories.docx"))
                if f.code == "document.legacy-encoding"]
    assert [(f.location.part, f.location.paragraph) for f in findings] == [
        ("body", 0), ("body", 1), ("body", 3), ("footnotes", 0)]  # body 2 holds the text box
