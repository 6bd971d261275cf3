"""Text checks: each finding code, its location and its safe fix."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.validation.findings import REGISTRY, Location, Severity
from editor_app.validation.text import codes
from editor_app.validation.text.checks import apply_fix, check_text
from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.letters import LETTERS_LOWER, TONE_MARKS
from editor_app.validation.text.syllables import is_vietnamese_syllable, strip_tone


def windows_1252(data: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def codes_of(text: str) -> list[str]:
    return [f.code for f in check_text(text)]


def test_all_codes_are_registered_and_documented() -> None:
    doc = (__import__("pathlib").Path(__file__).resolve().parents[3] / "docs" / "encodings.md")
    for code in codes.CODES:
        assert REGISTRY[code.code] is code
        assert code.code in doc.read_text(encoding="utf-8")


def test_clean_text_has_no_findings() -> None:
    assert check_text("Ủy ban nhân dân tỉnh Kiên Giang ban hành Quy chế số 641/QĐ-UBND.") == []
    assert check_text("") == []


def test_legacy_encoding_is_an_error_with_convert_fix() -> None:
    text = windows_1252(encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"))
    findings = check_text(text, location=Location(field="body", paragraph=3))
    assert [f.code for f in findings] == ["text.legacy-encoding"]
    finding = findings[0]
    assert finding.severity is Severity.ERROR and finding.fix == "convert-encoding"
    assert finding.location.field == "body" and finding.location.paragraph == 3
    assert "TCVN3" in finding.message_vi
    assert apply_fix(text, finding) == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_mixed_encoding() -> None:
    legacy = windows_1252(encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "vni"))
    text = f"Tiêu đề bằng Unicode đúng chuẩn.\n{legacy}\n"
    findings = check_text(text)
    assert "text.mixed-encoding" in [f.code for f in findings]
    fixed = apply_fix(text, "convert-encoding")
    assert fixed == "Tiêu đề bằng Unicode đúng chuẩn.\nCộng hoà xã hội chủ nghĩa Việt Nam\n"


def test_mojibake_and_references() -> None:
    mojibake = windows_1252("Tiếng Việt là ngôn ngữ chính thức".encode())
    assert codes_of(mojibake) == ["text.mojibake"]
    ncr = check_text("Ti&#7871;ng Vi&#7879;t")
    assert [f.code for f in ncr] == ["text.numeric-references"]
    assert ncr[0].location.offset == 2 and ncr[0].location.length == 7


def test_decomposed_with_offset_and_nfc_fix() -> None:
    text = "Văn bản " + unicodedata.normalize("NFD", "Tiếng Việt")
    findings = [f for f in check_text(text, location=Location(offset=100))
                if f.code == "text.decomposed"]
    assert len(findings) == 1
    assert findings[0].location.offset == 100 + 10 and findings[0].fix == "nfc"
    assert apply_fix(text, findings[0]) == "Văn bản Tiếng Việt"


def test_lookalike_letters() -> None:
    text = "Việt Nаm xin chàо"  # Cyrillic а and о
    findings = [f for f in check_text(text) if f.code == "text.lookalike-letter"]
    assert [f.location.offset for f in findings] == [5, 13]
    assert "Kirin" in findings[0].message_vi
    assert apply_fix(text, findings[0]) == "Việt Nam xin chào"
    assert check_text("Москва và Hà Nội") == []  # a real Russian word is not a look-alike


def test_invisible_characters() -> None:
    text = "Cổng\u200b thông\x07 tin\ue000 \ufffd"
    found = {f.code: f for f in check_text(text)}
    assert {"text.zero-width", "text.control-character", "text.private-use",
            "text.replacement-character"} <= set(found)
    assert found["text.zero-width"].location.offset == 4
    assert found["text.replacement-character"].severity is Severity.ERROR
    assert apply_fix(text, "remove-invisible") == "Cổng thông tin\ue000 \ufffd"


def test_mixed_tone_styles() -> None:
    text = "Cộng hòa xã hội, hòa bình, thủy lợi và Cộng hoà"
    findings = [f for f in check_text(text) if f.code == "text.mixed-tone-style"]
    assert len(findings) == 1 and findings[0].severity is Severity.WARNING
    assert findings[0].location.offset == text.rindex("oà")
    assert apply_fix(text, findings[0]) == "Cộng hòa xã hội, hòa bình, thủy lợi và Cộng hòa"


def test_not_a_syllable_catches_ocr_errors_and_skips_the_rest() -> None:
    text = ("Hồ sơ LUU TRỮ, công tác suru tầm tài liệu; Tieêếng Việt. QUY CHẾ số 12/QĐ-UBND "
            "của UBND tỉnh, xem https://sonla.gov.vn hoặc gửi thư banbientap@sonla.gov.vn; "
            "tệp (file) trên Internet, virus, video clip, HauGiang, TTĐT, a) b) c).")
    words = [f.data.get("word") or f.message_en.split("“")[1].split("”")[0]
             for f in check_text(text) if f.code == "text.not-a-syllable"]
    assert words == ["LUU", "suru", "Tieêếng"]


def test_english_lines_are_not_checked_for_syllables() -> None:
    text = "The provincial portal publishes documents in English as well.\nCổng thông tin"
    assert check_text(text) == []


def test_syllable_grammar() -> None:
    for word in ("nghiêng", "khuỷu", "quốc", "gì", "giữ", "thuở", "Nguyễn", "ĐỊNH", "oái"):
        assert is_vietnamese_syllable(word), word
    for word in ("suru", "LUU", "Tieêếng", "ngi", "ka", "cé", "thuậtt", "ngăo", "ác̀"):
        assert not is_vietnamese_syllable(word), word


def test_unknown_fix() -> None:
    import pytest

    with pytest.raises(ValueError):
        apply_fix("x", "make-it-better")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS_LOWER + "ñüöçøåæßi\u0307\u0301\u0323\u0303", max_size=8))
def test_strip_tone_table_matches_unicode_normalisation(word: str) -> None:
    """The table lookup for precomposed letters gives what NFD/NFC give, and anything else
    (other Latin letters, combining marks) still goes through normalisation."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    assert strip_tone(word) == (bare, tones)
