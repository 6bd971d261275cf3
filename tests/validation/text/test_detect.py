"""Detection on real government text in every encoding, mixed text, mojibake, NCR, hostile input."""

from __future__ import annotations

import os
import random
import unicodedata
from pathlib import Path

import pytest

from editor_app.validation.text import detect
from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.detect import detect_bytes, detect_text

SEED = (Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
        / "000_7a010c6ceefe2033.txt")
GOVERNMENT = (
    "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nBan hành Quy chế quản lý, vận hành và cung cấp "
    "thông tin trên Cổng thông tin điện tử tỉnh Kiên Giang.\nCăn cứ Luật Tổ chức chính quyền "
    "địa phương ngày 19 tháng 6 năm 2015;\nXét đề nghị của Giám đốc Sở Thông tin và Truyền "
    "thông, những người được giao nhiệm vụ phải thực hiện đúng quy định.\n"
)


def windows_1252(data: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "viqr", "cp1258"])
def test_each_legacy_encoding_is_detected_from_bytes(encoding: str) -> None:
    data = encode_text(GOVERNMENT, encoding, fold_case=True, errors="replace")
    detection = detect_bytes(data)
    assert detection.encoding == encoding
    assert detection.confidence > 0.7


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258"])
def test_a_clear_legacy_text_is_settled_by_its_first_kilobyte(
    encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scoring is most of detection's time: a long text that one charset clearly reads is
    scored on about a kilobyte per charset, not on all the evidence."""
    scored: list[int] = []
    real_score = detect.score

    def counting(text: str) -> detect.Score:
        scored.append(len(text))
        return real_score(text)

    monkeypatch.setattr(detect, "score", counting)
    data = encode_text(GOVERNMENT * 12, encoding, fold_case=True, errors="replace")
    assert len(data) > detect.SCORE_LIMIT
    detection = detect_bytes(data)
    assert detection.encoding == encoding and detection.confidence > 0.9
    assert len(scored) == len(detect.LEGACY_CANDIDATES)
    assert max(scored) < detect.SCORE_LIMIT // 2  # a kilobyte or so, not all 4 KiB


def test_a_first_kilobyte_that_settles_nothing_gets_the_whole_evidence() -> None:
    """Lines of noise first, reading badly in every charset: the Vietnamese further on must
    still decide."""
    rng = random.Random(7)
    noise = b"".join(
        b" ".join(bytes(rng.randrange(0x80, 0xC0) for _ in range(5)) for _ in range(12)) + b"\n"
        for _ in range(20))
    assert len(noise) > detect.FIRST_LOOK
    data = noise + encode_text(GOVERNMENT * 6, "vni")  # not the first candidate, which wins ties
    assert detect_bytes(data).encoding == "vni"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258"])
def test_each_legacy_encoding_is_detected_in_wrongly_decoded_text(encoding: str) -> None:
    text = windows_1252(encode_text(GOVERNMENT, encoding, fold_case=True, errors="replace"))
    assert detect_text(text).encoding == encoding


def test_seed_regulation_in_every_encoding() -> None:
    if not SEED.is_file():
        pytest.skip("seed texts are not beside the project")
    text = SEED.read_text(encoding="utf-8")
    for encoding in ("tcvn3", "vni", "viscii", "vps", "cp1258", "viqr"):
        data = encode_text(text, encoding, fold_case=True, errors="replace")
        assert detect_bytes(data).encoding == encoding, encoding


def test_unicode_forms() -> None:
    assert detect_bytes(GOVERNMENT.encode()).encoding == "unicode"
    decomposed = unicodedata.normalize("NFD", GOVERNMENT)
    assert detect_text(decomposed).encoding == "unicode-decomposed"
    # "composite": precomposed ê carrying a separate combining acute
    assert detect_text("Ti\u00ea\u0301ng Vi\u00ea\u0323t Nam").encoding == "unicode-decomposed"
    assert detect_bytes(b"plain ASCII text\n").encoding == "ascii"
    assert detect_bytes(b"").encoding == "ascii"


def test_mojibake_once_and_twice() -> None:
    once = windows_1252(GOVERNMENT.encode())
    twice = windows_1252(once.encode())
    latin1 = GOVERNMENT.encode().decode("latin-1")
    for text in (once, twice, latin1):
        assert detect_text(text).encoding == "mojibake"
    assert detect_bytes(once.encode()).encoding == "mojibake"


def test_numeric_character_references() -> None:
    ncr = "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in GOVERNMENT)
    assert detect_text(ncr).encoding == "ncr"
    assert detect_bytes(ncr.encode("ascii")).encoding == "ncr"


def test_mixed_text_is_found_span_by_span() -> None:
    legacy = windows_1252(encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"))
    text = f"Tiêu đề bằng Unicode, người viết đúng.\n{legacy}\nLại là Unicode ở đây.\n"
    detection = detect_text(text)
    assert detection.encoding == "mixed"
    labels = [(text[s.start:s.end].strip(), s.encoding) for s in detection.spans]
    assert (legacy, "tcvn3") in labels
    assert labels[0][1] == "unicode" and labels[-1][1] == "unicode"


def test_mixed_bytes_lines() -> None:
    data = (GOVERNMENT.encode() + encode_text(GOVERNMENT, "tcvn3", fold_case=True))
    detection = detect_bytes(data)
    assert detection.encoding == "mixed"
    assert {s.encoding for s in detection.spans} == {"unicode", "tcvn3"}
    assert detection.spans[-1].end == len(data)


def test_hostile_input_never_crashes() -> None:
    rng = random.Random(6909)
    for size in (1, 7, 100, 5000):
        data = bytes(rng.randrange(256) for _ in range(size))
        detection = detect_bytes(data)
        assert 0.0 <= detection.confidence <= 1.0
    assert detect_bytes(b"\xff\xfe\x00\xd8" * 10).encoding  # broken UTF-16 and surrogates
    assert detect_bytes(b"caf\xc3 \xa9 \xe1\xba").encoding  # invalid UTF-8


def test_huge_single_line_is_sampled() -> None:
    data = encode_text("cộng hoà xã hội chủ nghĩa việt nam ", "tcvn3") * 300_000  # ~10 MB
    assert b"\n" not in data and len(data) > 9_000_000
    detection = detect_bytes(data)
    assert detection.encoding == "tcvn3"
    assert detection.spans == [detection.spans[0]] and detection.spans[0].end == len(data)


def test_random_text_is_not_called_legacy_with_confidence() -> None:
    text = os.urandom(2000).decode("latin-1")
    detection = detect_text(text)
    assert detection.confidence < 0.9 or detection.encoding in ("unicode", "mixed")
