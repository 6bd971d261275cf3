"""Conversion: real TXT fixtures, capitals, tone styles, mixed text, streaming across chunks."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from editor_app.validation.text.capitals import restore_capitals
from editor_app.validation.text.codecs import decode_bytes, encode_text
from editor_app.validation.text.convert import convert_stream, to_unicode, to_unicode_bytes
from editor_app.validation.text.html import convert_html
from editor_app.validation.text.tones import normalise_tones, tone_style_of

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def windows_1252(data: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.realdata
def test_libiconv_tcvn_snippet(real_data: Path) -> None:
    folder = real_data / "legacy" / "txt"
    data = (folder / "libiconv-TCVN-snippet").read_bytes()
    expected = (folder / "libiconv-TCVN-snippet.UTF-8").read_text(encoding="utf-8")
    assert to_unicode_bytes(data) == expected
    assert to_unicode_bytes(expected.encode()) == expected  # Unicode stays as it is


@pytest.mark.realdata
def test_libiconv_cp1258_snippet(real_data: Path) -> None:
    folder = real_data / "legacy" / "txt"
    data = (folder / "libiconv-CP1258-snippet").read_bytes()
    expected = (folder / "libiconv-CP1258-snippet.UTF-8").read_text(encoding="utf-8")
    assert to_unicode_bytes(data) == expected


@pytest.mark.realdata
def test_redsalamander_cp1258(real_data: Path) -> None:
    data = (real_data / "legacy" / "txt" / "redsalamander-cp1258.txt").read_bytes()
    text = to_unicode_bytes(data)
    assert "01: Vietnamese: Tôi ăn phở bò." in text
    assert "05: Vietnamese: Trường học ở Việt Nam." in text
    assert "02: ASCII: The quick brown fox jumps over the lazy dog." in text
    assert unicodedata.is_normalized("NFC", text)


def test_capitals_lost_by_tcvn3_come_back() -> None:
    source = ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\nỦy ban nhân dân tỉnh giao Sở thực hiện. "
              "Ở mỗi cấp, Chủ tịch Ủy ban nhân dân chịu trách nhiệm.\nSố: 641/QĐ-UBND\n")
    data = encode_text(source, "tcvn3", fold_case=True)
    assert decode_bytes(data, "tcvn3") != source  # the capitals really were lost
    assert to_unicode_bytes(data) == source
    assert to_unicode(windows_1252(data)) == source
    assert to_unicode_bytes(data, restore_case=False) == decode_bytes(data, "tcvn3")


def test_capital_restoration_rate_on_seed_regulations() -> None:
    """Acceptance: at least 9 of 10 lost capitals restored, on real government text."""
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("seed texts are not beside the project")
    lost = restored = wrong = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        data = encode_text(source, "tcvn3", fold_case=True, errors="replace")
        plain, result = decode_bytes(data, "tcvn3"), to_unicode_bytes(data, "tcvn3")
        for original, before, after in zip(source, plain, result, strict=True):
            if original != before and original.lower() == before:
                lost += 1
                restored += after == original
            elif original == before and after != original:
                wrong += 1
    assert lost > 300
    assert restored / lost >= 0.9
    assert wrong <= lost * 0.02


def test_source_tone_placement_is_kept_unless_asked() -> None:
    text = "Cộng hòa và Cộng hoà, thủy lợi và thuỷ điện"
    data = encode_text(text, "vni")
    assert to_unicode_bytes(data) == text
    assert tone_style_of(to_unicode_bytes(data)) == "mixed"
    assert to_unicode_bytes(data, tone_style="new") == "Cộng hoà và Cộng hoà, thuỷ lợi và thuỷ điện"
    assert to_unicode_bytes(data, tone_style="old") == "Cộng hòa và Cộng hòa, thủy lợi và thủy điện"
    assert normalise_tones("quý khách, hoàn thành, khuya", "new") == "quý khách, hoàn thành, khuya"
    with pytest.raises(ValueError):
        to_unicode(text, tone_style="newest")


def test_mixed_mojibake_and_ncr() -> None:
    legacy = windows_1252(encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"))
    mixed = f"Tiêu đề đúng Unicode.\n{legacy}\n"
    assert to_unicode(mixed) == "Tiêu đề đúng Unicode.\nCộng hoà xã hội chủ nghĩa Việt Nam\n"
    once = windows_1252("Tiếng Việt có dấu – “Điều 1”".encode())
    twice = windows_1252(once.encode())
    assert to_unicode(once) == to_unicode(twice) == "Tiếng Việt có dấu – “Điều 1”"
    assert to_unicode("Ti&#7871;ng Vi&#x1EC7;t") == "Tiếng Việt"
    decomposed = unicodedata.normalize("NFD", "Nghị định")
    assert to_unicode(decomposed) == "Nghị định"


@pytest.mark.parametrize("encoding", ["vni", "cp1258", "viqr", "tcvn3"])
def test_streaming_never_splits_a_letter(encoding: str) -> None:
    text = "người Việt Nam viết chữ quốc ngữ " * 50 + "\n" + "Thủ tướng Chính phủ " * 30
    data = encode_text(text, encoding, fold_case=True)
    target = io.BytesIO()
    used = convert_stream(io.BytesIO(data), target, None, chunk_size=7, restore_case=False)
    assert used == encoding
    assert target.getvalue().decode("utf-8") == to_unicode_bytes(data, encoding,
                                                                 restore_case=False)


def test_streaming_huge_single_line_and_progress() -> None:
    data = encode_text("cộng hoà xã hội chủ nghĩa ", "vni") * 2000
    seen: list[int] = []
    target = io.BytesIO()
    convert_stream(io.BytesIO(data), target, "vni", chunk_size=1000, progress=seen.append)
    assert target.getvalue().decode() == "cộng hoà xã hội chủ nghĩa " * 2000
    assert seen[-1] == len(data) and seen == sorted(seen)


def test_html_keeps_markup_and_converts_text() -> None:
    legacy = windows_1252(encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"))
    title = windows_1252(encode_text("Ủy ban nhân dân", "tcvn3", fold_case=True))
    html = (f'<html><head><meta charset="windows-1252"></head><body>'
            f'<p class="x" title="{title}">{legacy} &amp; 1 &lt; 2 &#60;b&#62;</p>'
            '<script>var s = "µ";</script><!-- µ --></body></html>')
    out = convert_html(html)
    assert '<meta charset="utf-8">' in out
    assert 'title="Ủy ban nhân dân"' in out
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam &amp; 1 &lt; 2 &#60;b&#62;" in out
    assert '<script>var s = "µ";</script><!-- µ -->' in out
    assert convert_html("<p>Vi&#7879;t &#x110;&#7897;c</p>") == "<p>Việt Độc</p>"


def test_restore_capitals_keeps_what_the_typist_wrote() -> None:
    text = "Đà Nẵng là thành phố. ở đây có biển. Số: 12/QĐ-UBND"
    assert restore_capitals(text, "tcvn3") == "Đà Nẵng là thành phố. Ở đây có biển. Số: 12/QĐ-UBND"
    assert restore_capitals("tp. hồ chí minh", "viscii") == "tp. hồ chí minh"  # VISCII lost none


@pytest.mark.parametrize(("source", "why"), [
    ("Thủ trưởng phải báo cáo bằng văn bản.\n- Áp dụng các biện pháp.", "item after a sentence"),
    ("Gồm các bước sau:\n\n• Ủy quyền cho Sở;\n+ Ở cấp xã.", "items after a colon"),
    ("Thay mặt Ban Giám đốc\n(ĐÃ KÝ)\nNguyễn Văn A", "signature mark"),
    ("Kính gửi: ( ĐÃ KÝ )\ngửi (SỞ KẾ HOẠCH)", "bracketed capital words"),
])
def test_list_items_and_bracketed_capitals_come_back(source: str, why: str) -> None:
    data = encode_text(source, "tcvn3", fold_case=True)
    assert decode_bytes(data, "tcvn3") != source, why  # TCVN3 lost them
    assert to_unicode_bytes(data, "tcvn3") == source, why
    assert to_unicode(windows_1252(data)) == source, why  # the decoded-text path agrees


def test_mixed_case_and_single_words_are_left_as_written() -> None:
    """Only what the typist could not have meant small changes: "(Đã ký)", a lone "(Ký)", a
    name in brackets and a dash inside a sentence keep their case."""
    source = "Bản sao (Đã ký) và (Ký) tại (Hà Nội), gồm QĐ-UBND và - ở đây - như cũ, ở"
    data = encode_text(source, "tcvn3", fold_case=True)
    assert to_unicode_bytes(data, "tcvn3") == source
    assert restore_capitals(decode_bytes(data, "tcvn3"), "tcvn3") == source


def test_hostile_input_converts_without_crashing() -> None:
    import random

    rng = random.Random(5712)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        assert isinstance(to_unicode_bytes(data), str)
        assert isinstance(to_unicode(data.decode("latin-1")), str)
    assert "\ufffd" in to_unicode_bytes(b"Vi\xe1\xbb\x87t \xff\xfe", "unicode")
