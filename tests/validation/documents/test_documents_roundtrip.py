"""Property: Vietnamese text typed in a legacy font comes back exactly, through RTF and DOCX."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor_app.validation.documents import read_document
from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.text.codecs import encode_text

SOURCE = ("Việt Nam Ủy ban nhân dân tỉnh Quảng Ngãi Cộng hoà xã hội chủ nghĩa độc lập tự do "
          "hạnh phúc Thủ tướng Chính phủ quyết định thông tư hướng dẫn Điều khoản Bộ trưởng "
          "thuỷ lợi khoẻ mạnh người được ưu tiên Ỷ Ỹ Ỵ Ễ Ỗ Ữ Ự ẵ ẳ ặ ằ ắ ợ ỡ ở ờ ớ đ Đ")
WORDS = tuple(SOURCE.split())
TEXT = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


def rtf_of(font: str, data: bytes) -> bytes:
    escaped = "".join(f"\\'{b:02x}" if b > 0x7F or b in b"\\{}" else chr(b) for b in data)
    return (r"{\rtf1\ansi{\fonttbl{\f1 " + font + r";}}\pard\plain\f1 " + escaped
            + r"\par}").encode("latin-1")


@settings(max_examples=40, deadline=None)
@given(TEXT)
def test_vni_rtf_round_trip(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.rtf"
        path.write_bytes(rtf_of("VNI-Times", encode_text(text, "vni")))
        assert read_document(path).unicode_text() == text


@settings(max_examples=40, deadline=None)
@given(TEXT)
@example("tự tự tự tự phúc")  # found by hypothesis: "tù tù tù tù phóc" reads as Vietnamese too
def test_tcvn3_uppercase_font_round_trip(text: str) -> None:
    """.VnTimeH: lowercase codes drawn as capitals, so every letter comes back as a capital."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.rtf"
        path.write_bytes(rtf_of(".VnTimeH", encode_text(text.lower(), "tcvn3")))
        assert read_document(path).unicode_text() == text.upper()


@settings(max_examples=25, deadline=None)
@given(TEXT)
def test_vni_docx_round_trip(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.docx"
        document = docx.Document()
        document.add_paragraph().add_run(decode_8bit(encode_text(text, "vni"))).font.name = (
            "VNI-Times")
        document.save(str(path))
        assert read_document(path).unicode_text() == text
