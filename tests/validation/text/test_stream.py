"""The fast streaming paths give exactly what the plain algorithms give, for any chunk size.

The inputs are generated (seeded) Vietnamese administrative text that exercises every rule of
capital restoration near chunk cuts: capital headings with lost letters, sentences and paragraphs
opening with a lost letter, list items after a sentence or a colon, bracketed capital words
("(ĐÃ KÝ)"), institution names (also wrapped onto the next line), colons before a line break,
quotes, tabs, runs of spaces, blank lines, CRLF line ends. The oracle for capitals is
the straightforward byte algorithm the fast path replaced, kept below; for VNI and Windows-1258
it is decoding the whole file at once with NFC.
"""

from __future__ import annotations

import io
import random
import re
import unicodedata

import pytest

from editor_app.validation.text.capitals import (
    _NAME_HEADS,
    _patterns,
    lost_letters,
    restore_brackets,
    restore_line,
)
from editor_app.validation.text.codecs import byte_meanings, decode_bytes, decode_raw, encode_text
from editor_app.validation.text.convert import convert_stream, to_unicode_bytes
from editor_app.validation.text.stream import LOOKAHEAD, word_converter

_WORD_TEXT = ("người dân cán bộ công chức thực hiện quyết định ban hành quy chế quản lý hồ sơ "
              "văn bản điện tử của tỉnh ở xã phường thị trấn ấy ý kiến ảnh hưởng ổn định ước "
              "tính hòa thủy khỏe hoà thuỷ khoẻ ủng hộ ấn định về việc")
WORDS = tuple(_WORD_TEXT.split())
HEADINGS = ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH",
            "VỀ VIỆC BAN HÀNH QUY CHẾ", "Điều 1. Phạm vi điều chỉnh", "CHƯƠNG I – QUY ĐỊNH CHUNG")
NAMES = ("ủy ban nhân dân", "Ủy ban nhân dân", "uỷ ban Thường vụ", "ủy ban\nnhân dân", "Ấn Độ",
         "ả rập", "đông nam á", "châu á", "châu úc", "ủy ban kiểm tra", "ấn phẩm")
OPENERS = ("ở đây", "ủy ban", "ấy là", "“ở đâu", "(ý kiến", "ảnh hưởng", "ổn định")
ITEMS = ("- ủy ban", "– ấy là", "• ở đây", "+ (ý kiến", "-ổn định", "- ở", "* ảnh hưởng")
MARKS = ("(ĐÃ KÝ)", "( ĐÃ KÝ )", "(Đã ký)", "(ĐÃ KÝ", "(SỞ KẾ HOẠCH)", "(Hà Nội)", "(KÝ)")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    if rng.random() < 0.4:
        words[0] = rng.choice(OPENERS)
    return " ".join(words) + rng.choice((". ", "! ", "? ", "… ", ": ", "; ", ", "))


def administrative_text(size: int, seed: int) -> str:
    """Roughly ``size`` characters of varied text (same seed, same text)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.15:
            part = rng.choice(HEADINGS) + rng.choice(("\n", "\n\n", "\r\n"))
        elif roll < 0.2:
            part = rng.choice((":\n", ":  \n\n", "\n \n", "\t", " " * rng.randint(2, 40), "\n"))
        elif roll < 0.25:
            part = rng.choice(ITEMS) + rng.choice((".\n", ";\n", ":\n", "\n", " "))
        elif roll < 0.28:
            part = " " * rng.randint(0, 30) + rng.choice(MARKS) + rng.choice(("\n", " "))
        else:
            part = "".join(_sentence(rng) for _ in range(rng.randint(1, 5))) + "\n"
        parts.append(part)
        total += len(part)
    return "".join(parts)


def oracle_capitals(data: bytes, encoding: str) -> str:
    """The byte algorithm before the fast path: same rules, one pass per rule, whole text."""
    text = decode_raw(data, encoding)
    table = bytearray(b"-" * 256)
    lost = lost_letters(encoding)
    for byte, meaning in enumerate(byte_meanings(encoding)):
        if len(meaning) == 1:
            for cls, test in (("L", meaning in lost), ("U", meaning.isupper()),
                              ("l", meaning.islower()), (".", meaning in ".!?…"),
                              (":", meaning in ":;"), ("q", meaning in "\"“‘(["),
                              ("c", meaning == ")"), ("b", meaning in "-–•+*"),
                              (" ", meaning in " \t\r\xa0")):
                if test:
                    table[byte] = ord(cls)
                    break
    table[0x0A] = 0x0A
    classes = data.translate(bytes(table))
    edits: dict[int, tuple[int, str]] = {}
    for match in re.finditer(rb"LU|UUL", classes):
        start = classes.rfind(b"\n", 0, match.start()) + 1
        end = classes.find(b"\n", start)
        end = len(classes) if end < 0 else end
        line = text[start:end]
        fixed = line.upper() if b"l" not in classes[start:end] else restore_line(line, encoding)
        edits[start] = (end, restore_brackets(fixed, encoding))
    lines = set(edits)

    def inside(at: int) -> bool:
        return at in edits or text.rfind("\n", 0, at) + 1 in lines

    item = rb"(?:b[ ]*)?"
    starts = (rb"\.[ \n]+" + item + rb"q*L", rb":[ ]*\n[ \n]*" + item + rb"q*L",
              rb"\n[ ]*\n[ \n]*" + item + rb"q*L", rb"\A[ \n]*" + item + rb"q*L")
    for pattern in starts:
        for match in re.finditer(pattern, classes):
            if not inside(match.end() - 1):
                edits[match.end() - 1] = (match.end(), text[match.end() - 1].upper())
    for match in re.finditer(rb"q *U[UL]*(?: +U[UL]*)+ *c", classes):
        piece = text[match.start():match.end()]
        for i, (old, new) in enumerate(zip(piece, restore_brackets(piece, encoding), strict=True)):
            if old != new and not inside(match.start() + i):
                edits[match.start() + i] = (match.start() + i + 1, new)
    for head in _NAME_HEADS:
        needle = encode_text(head, encoding, errors="replace")
        for match in re.finditer(re.escape(needle), data):
            at = match.start()
            if (not (at and text[at - 1].isalpha()) and _patterns(encoding).names.match(text, at)
                    and not inside(at)):
                edits[at] = (at + 1, text[at].upper())
    pieces, last = [], 0
    for start in sorted(edits):
        if start >= last:
            end, new = edits[start]
            pieces += [text[last:start], new]
            last = end
    return "".join([*pieces, text[last:]])


def _stream(data: bytes, encoding: str | None, chunk_size: int, tone_style: str = "keep",
            restore_case: bool = True) -> str:
    target = io.BytesIO()
    convert_stream(io.BytesIO(data), target, encoding, chunk_size=chunk_size,
                   tone_style=tone_style, restore_case=restore_case)
    return target.getvalue().decode("utf-8")


@pytest.mark.parametrize("encoding", ["tcvn3", "vps"])
def test_capitals_match_the_plain_algorithm_for_any_chunk_size(encoding: str) -> None:
    data = encode_text(administrative_text(300_000, seed=3), encoding, fold_case=True,
                       errors="replace")
    expected = oracle_capitals(data, encoding)
    if encoding == "tcvn3":  # the rules under test really fire in this text
        assert "(ĐÃ KÝ)" in expected and "( ĐÃ KÝ )" in expected and "(Đã ký)" in expected
        assert re.search(r"[.:]\s*\n\s*[-–•+*] ?(?:\(Ý|Ủy|Ấy|Ở|Ổn|Ảnh)", expected)
        assert "(Hà Nội)" in expected and "(Ký)" in expected  # small "i"; one word is no run
    assert to_unicode_bytes(data, encoding) == expected
    for chunk_size in (1 << 11, 5000, 1 << 16, 1 << 20):
        assert _stream(data, encoding, chunk_size) == expected, chunk_size


def test_capitals_in_a_stream_do_not_depend_on_where_chunks_are_cut() -> None:
    """A lost letter opening a line is a capital only after a sentence end or a blank line,
    wherever the chunk starts; a name wrapped across the cut is still found."""
    head = "a" * 3000 + "\n"
    data = encode_text(head + "ở đây có ủy ban\nnhân dân. ở đó\n\nấy là\n", "tcvn3")
    expected = to_unicode_bytes(data, "tcvn3")
    assert expected.endswith("ở đây có Ủy ban\nnhân dân. Ở đó\n\nẤy là\n")
    for chunk_size in range(len(head) - LOOKAHEAD - 8, len(head) + 40, 3):
        assert _stream(data, "tcvn3", chunk_size) == expected, chunk_size


@pytest.mark.parametrize("encoding", ["vni", "cp1258"])
def test_word_cache_matches_whole_text_nfc(encoding: str) -> None:
    text = administrative_text(200_000, seed=5)
    data = encode_text(text, encoding)
    assert decode_bytes(data, encoding) == text
    for chunk_size in (1 << 10, 1 << 16, 1 << 20):
        assert _stream(data, encoding, chunk_size) == decode_bytes(data, encoding)


def test_word_cache_survives_text_with_no_repeated_words() -> None:
    """Random bytes: every word is new, so the converter falls back to whole chunks."""
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(300_000))
    assert _stream(data, "vni", 1 << 14) == decode_bytes(data, "vni")
    convert = word_converter("vni")
    assert convert is not word_converter("vni")  # each stream has its own memory


def test_tone_style_and_no_restore_paths_stay_exact() -> None:
    data = encode_text(administrative_text(60_000, seed=9), "tcvn3", fold_case=True)
    assert _stream(data, "tcvn3", 4096, tone_style="new") == to_unicode_bytes(
        data, "tcvn3", tone_style="new")
    assert _stream(data, "tcvn3", 4096, restore_case=False) == to_unicode_bytes(
        data, "tcvn3", restore_case=False)


def test_megabyte_lines_of_garbage_stay_exact_and_small() -> None:
    """Binary data read as TCVN3 is one capital "line" of a megabyte: restored piece by piece
    (bounded memory), the same in a stream as in one piece, and nothing is lost."""
    rng = random.Random(11)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(300_000))
    whole = to_unicode_bytes(data, "tcvn3")
    assert _stream(data, "tcvn3", 1 << 20) == whole
    plain = to_unicode_bytes(data, "tcvn3", restore_case=False)
    assert whole != plain  # capitals were restored …
    assert (unicodedata.normalize("NFD", whole).lower()
            == unicodedata.normalize("NFD", plain).lower())  # … and only the case changed
