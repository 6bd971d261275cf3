"""The dominant encoding of a document from its runs: fonts, content, mixed and empty documents."""

from __future__ import annotations

import unicodedata

from editor_app.validation.documents import Document, Paragraph, Run, detect_document
from editor_app.validation.text.codecs import encode_text

CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
LINES = ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
         "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông"]


def as_run_text(text: str, encoding: str) -> str:
    """Legacy bytes the way Word keeps them in a run: each byte as its Windows-1252 character."""
    return "".join(CP1252[b] for b in encode_text(text, encoding, fold_case=True))


def document(*paragraphs: list[Run]) -> Document:
    doc = Document(kind="docx")
    doc.part("body").blocks.extend(Paragraph(runs) for runs in paragraphs)
    return doc


def test_legacy_fonts_name_the_encoding() -> None:
    doc = document(*([Run(as_run_text(line, "tcvn3"), font=".VnTime")] for line in LINES),
                   [Run("quyÕt ®Þnh", font=".VnTimeH")])
    detection = detect_document(doc)
    assert (detection.encoding, detection.kind) == ("tcvn3", "docx")
    assert detection.confidence >= 0.95
    vni = document(*([Run(as_run_text(line, "vni"), font="VNI-Times")] for line in LINES))
    assert detect_document(vni).encoding == "vni"


def test_legacy_bytes_in_a_unicode_font_are_found_by_content() -> None:
    doc = document(*([Run(as_run_text(line, "tcvn3"), font="Times New Roman")] for line in LINES))
    assert detect_document(doc).encoding == "tcvn3"


def test_unicode_text_under_legacy_style_is_unicode() -> None:
    doc = document(*([Run(line, font=".VnTime")] for line in LINES))
    assert detect_document(doc).encoding == "unicode"


def test_half_and_half_is_mixed_and_a_stray_line_is_not() -> None:
    legacy = [[Run(as_run_text(line, "tcvn3"), font=".VnTime")] for line in LINES]
    unicode = [[Run(line, font="Times New Roman")] for line in LINES]
    mixed = detect_document(document(*legacy, *unicode))
    assert mixed.encoding == "mixed"
    assert set(mixed.characters) >= {"tcvn3", "unicode"}
    mostly = detect_document(document(*(legacy * 10), unicode[0]))
    assert mostly.encoding == "tcvn3"


def test_decomposed_unicode_runs() -> None:
    doc = document(*([Run(unicodedata.normalize("NFD", line))] for line in LINES))
    assert detect_document(doc).encoding == "unicode-decomposed"


def test_empty_and_ascii_documents() -> None:
    assert detect_document(Document(kind="pdf")).encoding == "ascii"
    ascii_doc = detect_document(document([Run("Hello World", font="Times-Roman")]))
    assert (ascii_doc.encoding, ascii_doc.confidence) == ("ascii", 1.0)
    # ASCII in an uppercase ABC font still changes on conversion (its letters become capitals)
    assert detect_document(document([Run("quy dinh", font=".VnTimeH")])).encoding == "tcvn3"
