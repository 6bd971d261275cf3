"""Mojibake (UTF-8 read as Windows-1252 or Latin-1, once or twice) on short lines and whole texts,
and no mojibake found in legitimate Latin-1, French, German or legacy text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.convert import to_unicode
from editor_app.validation.text.detect import detect_text

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def as_cp1252(text: str) -> str:
    """UTF-8 bytes shown as Windows-1252 (undefined bytes kept as C1 controls, like browsers)."""
    return "".join(CP1252[b] for b in text.encode("utf-8"))


def as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


MANGLERS = {
    "cp1252": as_cp1252,
    "cp1252-twice": lambda t: as_cp1252(as_cp1252(t)),
    "latin-1": as_latin1,
    "latin-1-twice": lambda t: as_latin1(as_latin1(t)),
}


@pytest.mark.parametrize("line", [
    "Hoàng", "CHÉ", "Nguyễn", "DÂN", "Ngày: 21/7/2020", "tỉnh.", "3. Nhiệm vụ",
    "**Nguyễn Trung Hoàng**", "## QUY CHẾ", "- Chủ tịch UBND tỉnh;", "bao gồm:",
])
@pytest.mark.parametrize("mangle", sorted(MANGLERS))
def test_short_mojibake_lines_are_found_and_repaired(line: str, mangle: str) -> None:
    broken = MANGLERS[mangle](line)
    assert detect_text(broken).encoding == "mojibake", repr(broken)
    assert to_unicode(broken) == line


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) or [None],
                         ids=lambda p: p.name[:3] if p else "absent")
@pytest.mark.parametrize("mangle", sorted(MANGLERS))
def test_mojibaked_seed_texts_come_back_whole(seed: Path | None, mangle: str) -> None:
    if seed is None:
        pytest.skip("seed texts are not beside the project")
    text = seed.read_text(encoding="utf-8")
    broken = MANGLERS[mangle](text)
    detection = detect_text(broken)
    assert detection.encoding == "mojibake"
    assert to_unicode(broken, restore_case=False) == text


LEGITIMATE = [
    "Le café crème coûte 3 €, à emporter… « Très bon » — déjà vu.",
    "Straße, Größe, Ärger, Übel, Müller & Söhne GmbH — »Grüße«",
    "São Paulo, Açaí, Coração; ÀÉÎÕÜ àéîõü ÿ ñ ç",
    "CỘNG HOÀ XÃ\u00a0HỘI CHỦ NGHĨA VIỆT NAM",  # a no-break space after XÃ is not "à"
    "Độc lập – Tự do – Hạnh phúc… “Ủy ban” ‘nhân dân’",
    "Giá: 5 000 ₫ ± 2%, nhiệt độ 30°C, © 2024 Cổng TTĐT®",
]


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_text_is_not_mojibake(text: str) -> None:
    detection = detect_text(text)
    assert "mojibake" not in {span.encoding for span in detection.spans}, detection.spans
    assert to_unicode(text) == text or detection.encoding != "mojibake"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258"])
def test_short_legacy_lines_are_not_taken_for_mojibake(encoding: str) -> None:
    for line in ("Hoàng", "Nguyễn Văn An", "tỉnh Cà Mau", "Ngày 21 tháng 7"):
        legacy = "".join(CP1252[b] for b in encode_text(line, encoding))
        assert detect_text(legacy).encoding != "mojibake", (encoding, line)


WORDS = tuple(" ".join((
    "cộng hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc ủy ban nhân dân tỉnh "
    "quyết định ban hành quy chế quản lý vận hành cung cấp thông tin trên cổng điện tử "
    "căn cứ luật tổ chức chính quyền địa phương ngày tháng năm xét đề nghị của giám đốc sở "
    "truyền những người được giao nhiệm vụ phải thực hiện đúng hoàng nguyễn trần lê phạm "
    "huỳnh võ đặng bùi đỗ hồ ngô dương lý thủy thuỷ khuya nguyệt quốc gia trường học ở",
)).split(" "))


def _cased(word: str, style: int) -> str:
    return (word, word.capitalize(), word.upper())[style]


sentences = st.lists(
    st.tuples(st.sampled_from(WORDS), st.integers(0, 2)), min_size=1, max_size=8,
).map(lambda words: " ".join(_cased(w, s) for w, s in words)).filter(
    lambda text: not text.isascii())  # ASCII has no mojibake


@settings(max_examples=300, deadline=None)
@given(sentence=sentences, mangle=st.sampled_from(sorted(MANGLERS)),
       punctuation=st.sampled_from(["", ".", ";", ":", "**", "\t"]))
def test_any_mojibaked_vietnamese_sentence_is_repaired(sentence: str, mangle: str,
                                                        punctuation: str) -> None:
    line = f"{punctuation}{sentence}{punctuation}"
    broken = MANGLERS[mangle](line)
    assert detect_text(broken).encoding == "mojibake", repr(broken)
    assert to_unicode(broken, restore_case=False) == line
