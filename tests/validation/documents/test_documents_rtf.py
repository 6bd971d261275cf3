"""RTF: font table, per-font escapes, \\uN, tables, headers; and hostile RTF."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from editor_app.validation.documents import DocumentError, convert_document, read_document
from editor_app.validation.documents import rtf as rtf_module
from editor_app.validation.text.codecs import encode_text


def escaped(text: str, encoding: str) -> str:
    """Unicode text as Word writes a legacy-font run: every high byte as a \\'xx escape."""
    data = encode_text(text, encoding, fold_case=True)
    return "".join(f"\\'{b:02x}" if b > 0x7F or b in b"\\{}" else chr(b) for b in data)


def sample(tmp_path: Path) -> Path:
    body = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
        r"{\f1\fswiss\fcharset0{\*\panose 020b7200000000000000}.VnTime;}"
        r"{\f2\fswiss\fcharset0 .VnTimeH;}"
        r"{\f3\fcharset0 VNI-Times;}}"
        r"{\stylesheet{\s1\f2 heading 1;}}{\info{\title Test}}"
        r"{\header\pard\plain\f1 " + escaped("Uỷ ban nhân dân tỉnh", "tcvn3") + r"\par}"
        r"\pard\plain\s1\f2\b " + escaped("cộng hoà xã hội chủ nghĩa việt nam", "tcvn3") + r"\par"
        r"\pard\plain\f1 " + escaped("Thủ tướng Chính phủ", "tcvn3") + r"\par"
        r"\pard\plain\f3\i " + escaped("Độc lập - Tự do - Hạnh phúc", "vni") + r"\par"
        r"\pard\plain\f0 Unicode \u272?\u7897?ng\par"
        r"\trowd\pard\intbl\plain\f1 " + escaped("Số", "tcvn3") + r"\cell "
        + escaped("Nội dung", "tcvn3") + r"\cell\row"
        r"\pard\plain\f1{\field{\*\fldinst HYPERLINK x}{\fldrslt " + escaped("Liên kết", "tcvn3")
        + r"}}\par}"
    )
    path = tmp_path / "sample.rtf"
    path.write_bytes(body.encode("latin-1"))
    return path


def test_runs_take_the_encoding_of_their_font(tmp_path: Path) -> None:
    document = read_document(sample(tmp_path))
    assert document.kind == "rtf"
    assert document.unicode_text().split("\n") == [
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Thủ tướng Chính phủ",
        "Độc lập - Tự do - Hạnh phúc",
        "Unicode Động",
        "Số",
        "Nội dung",
        "Liên kết",
        "Uỷ ban nhân dân tỉnh",
    ]
    first = next(p for part, _, p in document.paragraphs() if part == "body")
    assert first.heading == 1 and first.runs[0].bold and first.runs[0].font == ".VnTimeH"


def test_rtf_converts_to_docx_with_table_header_and_heading(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    report = convert_document(sample(tmp_path), out)
    assert report.runs_converted == {"tcvn3": 6, "vni": 1}
    result = docx.Document(str(out))
    assert result.paragraphs[0].text == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert getattr(result.paragraphs[0].style, "name", None) == "Heading 1"
    assert result.paragraphs[2].runs[0].italic
    assert [c.text for c in result.tables[0].rows[0].cells] == ["Số", "Nội dung"]
    assert result.sections[0].header.paragraphs[0].text == "Uỷ ban nhân dân tỉnh"
    assert {r.font.name for p in result.paragraphs for r in p.runs} == {"Times New Roman"}


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.rtf"
    bomb.write_bytes(b"{\\rtf1" + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}")
    with pytest.raises(DocumentError, match="nested"):
        read_document(bomb)


def test_oversized_rtf_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limit is 64 MB; a smaller one keeps the test fast while testing the same check.
    monkeypatch.setattr(rtf_module, "MAX_RTF_BYTES", 1024)
    big = tmp_path / "big.rtf"
    big.write_bytes(b"{\\rtf1 " + b"a" * 2048 + b"}")
    with pytest.raises(DocumentError, match="larger"):
        read_document(big)


def test_large_flat_rtf_reads_in_linear_time(tmp_path: Path) -> None:
    """5,000 short paragraphs and escapes: read, not hung (no time asserted, only completion)."""
    line = r"\pard\plain\f1 " + escaped("Bộ Tài chính hướng dẫn", "tcvn3") + r"\par" + "\n"
    path = tmp_path / "large.rtf"
    path.write_text(r"{\rtf1{\fonttbl{\f1 .VnTime;}}" + line * 5_000 + "}", "latin-1")
    start = time.perf_counter()
    document = read_document(path)
    assert sum(1 for _ in document.paragraphs()) == 5_000
    assert time.perf_counter() - start >= 0  # timing is printed by benchmarks, never asserted


@pytest.mark.parametrize(
    "payload",
    [b"{\\rtf1 unbalanced {\\b text", b"{\\rtf1 \\bin999999 abc}", b"{\\rtf1 \\'zz\\u-99999999?}",
     b"{\\rtf1 }}}}}}", b"{\\rtf1 \\" , b"{\\rtf1\\uc9999\\u300 abc}"],
)
def test_malformed_rtf_never_crashes(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "bad.rtf"
    path.write_bytes(payload)
    document = read_document(path, "rtf")
    assert document.kind == "rtf"


def test_not_rtf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.rtf"
    path.write_bytes(b"hello")
    with pytest.raises(DocumentError):
        read_document(path, "rtf")
