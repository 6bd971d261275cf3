"""Every Vietnamese letter, both cases, all tones, through every charset and back."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.validation.text.codecs import (
    LEGACY_ENCODINGS,
    decode_bytes,
    decode_chars,
    encode_text,
)
from editor_app.validation.text.letters import LETTERS, VIETNAMESE_NON_ASCII

ALL_LETTERS = "".join(sorted(VIETNAMESE_NON_ASCII))
WINDOWS_1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def as_windows_1252(data: bytes) -> str:
    """Legacy bytes the way Word keeps them in a DOCX run: each byte as its cp1252 character."""
    return "".join(WINDOWS_1252[b] for b in data)


def test_alphabet_is_complete() -> None:
    assert len(ALL_LETTERS) == 134  # 67 lowercase + 67 capitals outside ASCII, đ/Đ included
    assert "đ" in ALL_LETTERS and "Ỵ" in ALL_LETTERS


@pytest.mark.parametrize("encoding", ["vni", "viscii", "cp1258", "viqr"])
def test_every_letter_round_trips(encoding: str) -> None:
    encoded = encode_text(ALL_LETTERS, encoding)
    assert decode_bytes(encoded, encoding) == ALL_LETTERS
    assert decode_chars(as_windows_1252(encoded), encoding) == ALL_LETTERS


def test_tcvn3_round_trips_lowercase_and_loses_only_toned_capitals() -> None:
    lower = "".join(ch for ch in ALL_LETTERS if ch.islower())
    assert decode_bytes(encode_text(lower, "tcvn3"), "tcvn3") == lower
    back = decode_bytes(encode_text(ALL_LETTERS, "tcvn3", fold_case=True), "tcvn3")
    assert back.upper() == ALL_LETTERS.upper()
    for ch in "ĂÂÊÔƠƯĐ":  # the capitals TCVN3 does have
        assert decode_bytes(encode_text(ch, "tcvn3"), "tcvn3") == ch


def test_vps_lacks_one_capital() -> None:
    with pytest.raises(ValueError, match="U\\+1ED6"):
        encode_text("Ỗ", "vps")
    others = ALL_LETTERS.replace("Ỗ", "")
    assert decode_bytes(encode_text(others, "vps"), "vps") == others


def test_impossible_character_is_named() -> None:
    with pytest.raises(ValueError, match="'À' \\(U\\+00C0\\) cannot be written in tcvn3"):
        encode_text("À", "tcvn3")
    assert encode_text("Ω", "vni", errors="replace") == b"?"


@pytest.mark.parametrize("encoding", ["unicode", "utf-8", "unicode-decomposed"])
def test_unicode_names_give_nfc(encoding: str) -> None:
    data = unicodedata.normalize("NFD", "Tiếng Việt").encode()
    assert decode_bytes(data, encoding) == "Tiếng Việt"


def test_known_byte_values() -> None:
    # TCVN3 0xAD is "ư", not a soft hyphen; the .VnTime tables as published
    assert decode_bytes(b"Th\xf7 t\xad\xedng", "tcvn3") == "Thữ tướng"
    assert decode_chars("Th\u00f7 t\u00ad\u00edng", "tcvn3") == "Thữ tướng"
    # PDF text layers of .VnTime documents: U+2212 for 0xAD and U+2219 for 0xB7
    assert decode_chars("n\u2212\u00edc x\u2219", "tcvn3") == "nước xã"
    assert decode_bytes(b"CO\xc4NG HOA\xd8", "vni") == "CỘNG HOÀ"
    assert decode_bytes(b"Vie\xe4t Nam", "vni") == "Việt Nam"
    assert decode_bytes(b"Ti\xea\xecng", "cp1258") == "Tiếng"


def test_windows_1252_artefacts_and_latin1_c1() -> None:
    data = encode_text("“Điều 1” – người", "tcvn3")
    assert decode_chars(as_windows_1252(data), "tcvn3") == "“Điều 1” – người"
    latin1_view = data.decode("latin-1")  # C1 controls instead of cp1252 punctuation
    assert decode_chars(latin1_view, "tcvn3") == "“Điều 1” – người"


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown encoding"):
        decode_bytes(b"x", "klingon")


VIETNAMESE_TEXT = st.text(alphabet=st.sampled_from(LETTERS + " .,;:0123456789\n"), max_size=200)


@settings(max_examples=60, deadline=None)
@given(text=VIETNAMESE_TEXT, encoding=st.sampled_from(["vni", "viscii", "cp1258"]))
def test_property_encode_decode_gives_back_the_text(text: str, encoding: str) -> None:
    assert decode_bytes(encode_text(text, encoding), encoding) == text


@settings(max_examples=60, deadline=None)
@given(text=VIETNAMESE_TEXT)
def test_property_tcvn3_gives_back_the_text_up_to_lost_capitals(text: str) -> None:
    back = decode_bytes(encode_text(text, "tcvn3", fold_case=True), "tcvn3")
    assert back.lower() == text.lower()


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300), encoding=st.sampled_from(LEGACY_ENCODINGS))
def test_property_any_bytes_decode_without_error(data: bytes, encoding: str) -> None:
    text = decode_bytes(data, encoding)
    assert unicodedata.is_normalized("NFC", text)
