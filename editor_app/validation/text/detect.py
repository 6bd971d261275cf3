"""Find how Vietnamese text is encoded, for raw bytes and for text that was decoded wrongly.

Method (docs/encodings.md): every non-ASCII line is classified by cheap signs first (numeric
character references, combining marks, mojibake that repairs into better Vietnamese, real
Unicode letters with no legacy marks); lines that remain are decoded with every legacy charset
and scored by :mod:`scoring` (real syllables against impossible ones). One legacy charset is
chosen for the whole text from the summed scores, since one document is typed in one charset,
and line labels are merged into spans. Large inputs are sampled, so detection stays far cheaper
than conversion.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from editor_app.validation.text import repair, viqr
from editor_app.validation.text.codecs import decode_bytes, decode_chars
from editor_app.validation.text.letters import NON_LATIN1_LETTERS, VIETNAMESE_NON_ASCII
from editor_app.validation.text.records import FrozenRecord, Record
from editor_app.validation.text.scoring import Score, confidence, score
from editor_app.validation.text.syllables import is_vietnamese_syllable

TYPE_CHECKING = False  # typing is not imported at run time: `editor-app detect` starts faster
if TYPE_CHECKING:
    from typing import BinaryIO

LEGACY_CANDIDATES = ("tcvn3", "vni", "viscii", "vps", "cp1258")
SAMPLE_LIMIT = 1 << 20   # bytes or characters looked at in full
SAMPLE_CHUNK = 1 << 15   # size of each of the four sampled pieces of a larger input
SCORE_LIMIT = 1 << 12    # legacy bytes scored per candidate charset (~700 words: plenty)
FIRST_LOOK = 1 << 10     # scored first; the rest only when these do not settle it
_COMBINING = re.compile("[\u0300-\u036f]")
_NCR = re.compile(r"&#(?:[0-9]{2,7}|[xX][0-9a-fA-F]{2,6});")
_VIQR_MARK = re.compile(
    r"[AaEeIiOoUuYy][\^(+]?['`?~.](?=[A-Za-z])|[AaEeOo]\^|[Aa]\(|[OoUu]\+|\b[Dd][Dd]"
)
# Characters Vietnamese Unicode text has no use for but legacy text shows plenty of.
_MARKERS = frozenset(
    ch for ch in map(chr, range(0x80, 0x100)) if ch not in VIETNAMESE_NON_ASCII
) - frozenset("\u00a0«»°±×÷·½¼¾²³¹§©®¶")
_MARKERS |= frozenset("\u0192\u02c6\u02dc\u0160\u0161\u0152\u0153\u017d\u017e\u0178\u2212\u2219")


class Span(FrozenRecord):
    """``[start, end)`` of the input (bytes for detect_bytes, characters for detect_text)."""

    __slots__ = ("start", "end", "encoding")  # noqa: RUF023 (repr order)
    start: int
    end: int
    encoding: str

    def __init__(self, start: int, end: int, encoding: str) -> None:
        self._set("start", start)
        self._set("end", end)
        self._set("encoding", encoding)


class Detection(Record):
    """The answer: one encoding label, a confidence 0..1 and the spans of mixed text."""

    __slots__ = ("encoding", "confidence", "spans")  # noqa: RUF023 (repr order)
    __hash__ = None  # type: ignore[assignment]  # mutable, like a non-frozen dataclass

    def __init__(self, encoding: str, confidence: float, spans: list[Span] | None = None) -> None:
        self.encoding = encoding
        self.confidence = confidence
        self.spans: list[Span] = [] if spans is None else spans


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines cut at CR/LF only: str.splitlines also cuts at U+0085, which is the middle of "ễ"
    in UTF-8 read as Latin-1 ("Nguyá»\x85n"), and at form feeds and separators."""
    for match in _LINE.finditer(text):
        yield match.start(), match.group(0)


def detect_text(text: str) -> Detection:
    """How ``text`` (a str, possibly holding legacy bytes as Windows-1252 characters) is encoded."""
    if len(text) > SAMPLE_LIMIT:
        return _whole(detect_text(_sample_text(text)), len(text))
    if text.isascii():
        return _detect_ascii(text)
    labelled = [(start, line, _classify_line(line)) for start, line in _lines(text)]
    has_legacy = any(label == "legacy" for _, _, label in labelled)
    either = "legacy" if has_legacy else "unicode"
    labelled = [(s, line, either if label == "either" else label) for s, line, label in labelled]
    legacy_lines = [line for _, line, label in labelled if label == "legacy"]
    legacy, legacy_confidence = _choose_legacy(legacy_lines)
    spans = _merge(_spans(labelled, legacy), len(text))
    labels = {span.encoding for span in spans} - {"ascii"}
    encoding = _overall(labels)
    conf = legacy_confidence if encoding == legacy else _unicode_confidence(encoding, text)
    return Detection(encoding, conf, spans)


def _classify_line(line: str) -> str | None:
    """One of None (nothing to tell), unicode, unicode-decomposed, ncr, mojibake, legacy."""
    if _has_letter_references(line):
        return "ncr"
    if line.isascii():
        return None
    if _COMBINING.search(line) and not unicodedata.is_normalized("NFC", line):
        return "unicode-decomposed"
    if repair.mojibake_rounds(line) and _is_mojibake(line):
        return "mojibake"
    if not any(ch in _MARKERS for ch in line) and any(ch in NON_LATIN1_LETTERS for ch in line):
        return "unicode"  # letters only Unicode has and no legacy marks: nothing to weigh
    as_is = score(line)
    best = max(score(decode_chars(line, enc)).value for enc in LEGACY_CANDIDATES)
    if best == as_is.value and not any(ch in NON_LATIN1_LETTERS for ch in line):
        return "either"  # "Sè: 641/Q§" reads well both ways: the neighbours decide
    return "legacy" if best > as_is.value else "unicode"


def _is_mojibake(line: str) -> bool:
    """Repair reads better than the line, or (short lines, whose broken pieces are syllables on
    their own: "HoÃ\xa0ng") its broken tokens repair into clean ones and no legacy charset
    reads better, since legacy bytes can spell a UTF-8 sequence by accident."""
    fixed = score(repair.fix_mojibake(line)).value
    if fixed > score(line).value:
        return True
    if not repair.short_line_mojibake(line):
        return False
    return all(score(decode_chars(line, enc)).value <= fixed for enc in LEGACY_CANDIDATES)


def _has_letter_references(text: str) -> bool:
    """Numeric references that spell non-ASCII characters (not &#60; for an escaped "<")."""
    return any(int(m.group(0)[3:-1], 16) > 0x7F if m.group(0)[2] in "xX"
               else int(m.group(0)[2:-1]) > 0x7F for m in _NCR.finditer(text))


def _choose_legacy(lines: list[str]) -> tuple[str, float]:
    """The legacy charset that makes the most real syllables of all legacy lines together."""
    if not lines:
        return "tcvn3", 0.0
    joined = "".join(lines)
    scores = {enc: score(decode_chars(joined, enc)) for enc in LEGACY_CANDIDATES}
    return _winner(scores)


def _winner(scores: dict[str, Score]) -> tuple[str, float]:
    ranked = sorted(scores.items(), key=lambda item: (item[1].value, item[1].good), reverse=True)
    runner_up = ranked[1][1] if len(ranked) > 1 else None
    return ranked[0][0], confidence(ranked[0][1], runner_up)


def _spans(labelled: list[tuple[int, str, str | None]], legacy: str) -> Iterator[Span]:
    for start, line, label in labelled:
        if label is None:
            yield Span(start, start + len(line), "ascii")
        elif label == "legacy" and any(ch in NON_LATIN1_LETTERS for ch in line):
            yield from _word_spans(start, line, legacy)
        else:
            yield Span(start, start + len(line), legacy if label == "legacy" else label)


def _word_spans(start: int, line: str, legacy: str) -> Iterator[Span]:
    """A legacy line with real Unicode words in it: label word by word."""
    for match in re.finditer(r"\S+\s*", line):
        yield Span(start + match.start(), start + match.end(), _word_label(match.group(0), legacy))


def _word_label(word: str, legacy: str) -> str:
    """Unicode-only letters or legacy marks decide; "Công" (valid either way) stays Unicode."""
    if word.isascii():
        return "ascii"
    if any(ch in NON_LATIN1_LETTERS for ch in word):
        return "unicode"
    if any(ch in _MARKERS for ch in word):
        return legacy
    letters = "".join(ch for ch in word if ch.isalpha())
    return "unicode" if is_vietnamese_syllable(letters) else legacy


def _merge(spans: Iterator[Span], length: int) -> list[Span]:
    """Join neighbours with the same label; ASCII pieces join the span before them."""
    merged: list[Span] = []
    for span in spans:
        if merged and (span.encoding == merged[-1].encoding or span.encoding == "ascii"):
            merged[-1] = Span(merged[-1].start, span.end, merged[-1].encoding)
        elif merged and merged[-1].encoding == "ascii":
            merged[-1] = Span(merged[-1].start, span.end, span.encoding)
        else:
            merged.append(span)
    return merged or [Span(0, length, "ascii")]


def _overall(labels: set[str]) -> str:
    if not labels:
        return "ascii"
    if labels <= {"unicode", "unicode-decomposed"}:
        return "unicode-decomposed" if "unicode-decomposed" in labels else "unicode"
    return labels.pop() if len(labels) == 1 else "mixed"


def _unicode_confidence(encoding: str, text: str) -> float:
    if encoding in ("mixed", "ascii"):
        return 0.9 if encoding == "mixed" else 1.0
    fixed = repair.repair(text, encoding) if encoding in ("mojibake", "ncr") else text
    return confidence(score(unicodedata.normalize("NFC", fixed)), None) if fixed else 0.5


def _detect_ascii(text: str) -> Detection:
    """ASCII can still be Vietnamese: numeric character references or VIQR."""
    whole = [Span(0, len(text), "ascii")]
    if _has_letter_references(text):
        fixed = repair.fix_ncr(text)
        return Detection("ncr", confidence(score(fixed), None), [Span(0, len(text), "ncr")])
    if _looks_viqr(text):
        decoded = viqr.decode(text)
        return Detection("viqr", confidence(score(decoded), None), [Span(0, len(text), "viqr")])
    return Detection("ascii", 1.0, whole)


def _looks_viqr(text: str) -> bool:
    """VIQR when many words carry marks that decode into real syllables (English does not)."""
    marked = _VIQR_MARK.findall(text)
    if len(marked) < 3:
        return False
    words = len(text.split())
    decoded = score(viqr.decode(text))
    return decoded.good >= 0.2 * words and decoded.value > 0.6


def _whole(detection: Detection, length: int) -> Detection:
    """A sampled result stated for the whole input."""
    if detection.encoding == "mixed":
        return Detection("mixed", detection.confidence, [])
    whole = [Span(0, length, detection.encoding)]
    return Detection(detection.encoding, detection.confidence, whole)


def _sample_text(text: str) -> str:
    step = len(text) // 4
    pieces = [text[i * step: i * step + SAMPLE_CHUNK] for i in range(4)]
    return "\n".join(piece.partition("\n")[2] if i else piece for i, piece in enumerate(pieces))


def detect_bytes(data: bytes) -> Detection:
    """How the bytes of a file are encoded; spans count bytes."""
    if not data:
        return Detection("ascii", 1.0, [])
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return _whole(detect_text(decode_bytes(data[:SAMPLE_LIMIT], "unicode")), len(data))
    if len(data) > SAMPLE_LIMIT:
        return _whole(_detect_small_bytes(sample_bytes(data)), len(data))
    return _detect_small_bytes(data)


def sample_bytes(data: bytes) -> bytes:
    """Four pieces from start to end, cut at line ends so no character is split."""
    step = len(data) // 4
    pieces = []
    for i in range(4):
        piece = data[i * step: i * step + SAMPLE_CHUNK]
        if i and b"\n" in piece:
            piece = piece.partition(b"\n")[2]
        if b"\n" in piece:
            piece = piece[: piece.rindex(b"\n") + 1]
        pieces.append(piece)
    return b"\n".join(pieces)


def _detect_small_bytes(data: bytes) -> Detection:
    if data.isascii():
        return detect_text(data.decode("ascii"))
    lines = data.splitlines(keepends=True)
    kinds = _line_kinds(data, lines)
    if "legacy" not in kinds:
        return _from_text(data.decode("utf-8", errors="replace"), data)
    pairs = zip(lines, kinds, strict=True)
    legacy_bytes = b"".join(line for line, kind in pairs if kind == "legacy")
    scores = _legacy_scores(legacy_bytes[:SCORE_LIMIT])
    legacy, conf = _winner(scores)
    if "utf8" not in kinds:
        return Detection(legacy, conf, [Span(0, len(data), legacy)])
    return _mixed_bytes(lines, kinds, legacy, conf)


def _legacy_scores(evidence: bytes) -> dict[str, Score]:
    """Every legacy charset's score on ``evidence``, or on its first kilobyte when that settles
    it: scoring is most of detection's time, and a real legacy text makes one charset read as
    Vietnamese and every other as garbage within a few lines. Close calls, short texts and
    text that reads badly in every charset get the whole evidence."""
    cut = max(evidence.rfind(b" ", 0, FIRST_LOOK), evidence.rfind(b"\n", 0, FIRST_LOOK)) + 1
    if len(evidence) > FIRST_LOOK and cut:  # cut between words: no letter parted from its tone
        first = _scores_on(evidence[:cut])
        if _settled(first):
            return first
    return _scores_on(evidence)


def _scores_on(evidence: bytes) -> dict[str, Score]:
    return {enc: score(decode_bytes(evidence, enc)) for enc in LEGACY_CANDIDATES}


def _settled(scores: dict[str, Score]) -> bool:
    """One charset reads as Vietnamese (nine words in ten real syllables, of a hundred or more)
    and leads the next by at least half the scale, where confidence's lead term is full."""
    best, runner_up = sorted(scores.values(), key=lambda s: s.value, reverse=True)[:2]
    return best.words >= 100 and best.value >= 0.8 and best.value - runner_up.value >= 0.5


def _line_kinds(data: bytes, lines: list[bytes]) -> list[str]:
    """:func:`_byte_line_kind` of every line of ``data``. A line with no byte pair that could
    start UTF-8 (lead byte, continuation byte) decodes to nothing but U+FFFD, so it is legacy
    without decoding it: one regex scan of the sample settles most lines of a legacy file."""
    starts = list(accumulate(map(len, lines), initial=0))
    suspects = {bisect_right(starts, m.start()) - 1 for m in _UTF8_PAIR.finditer(data)}
    return ["ascii" if line.isascii() else _byte_line_kind(line) if i in suspects else "legacy"
            for i, line in enumerate(lines)]


_UTF8_PAIR = re.compile(b"[\xc2-\xf4][\x80-\xbf]")


def _byte_line_kind(line: bytes) -> str:
    """ascii, utf8 or legacy; legacy bytes can form valid UTF-8 by accident ("Đ" + "Ị" in VISCII
    is Cyrillic "И"), so UTF-8 counts only when it decodes into text Vietnamese would contain.
    Counted with C-level calls: this runs on every line of the sample."""
    if line.isascii():
        return "ascii"
    replaced = line.decode("utf-8", errors="replace")
    wide = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    bad = len(_IMPLAUSIBLE.findall(replaced))
    return "utf8" if bad * 5 <= wide - bad else "legacy"


# What a Vietnamese UTF-8 file does not hold: U+FFFD, nor the scripts between Latin Extended and
# Latin Extended Additional (Greek, Cyrillic, Arabic, NKo …) that two legacy bytes spell by
# accident; combining marks (U+0300-U+036F) are fine.
_IMPLAUSIBLE = re.compile("[\ufffd\u0250-\u02ff\u0370-\u1dff]")


def _from_text(text: str, data: bytes) -> Detection:
    detection = detect_text(text)
    if len(detection.spans) <= 1:
        whole = [Span(0, len(data), detection.encoding)]
        return Detection(detection.encoding, detection.confidence, whole)
    spans, byte_pos, char_pos = [], 0, 0
    for span in detection.spans:
        byte_pos += len(text[char_pos:span.start].encode("utf-8", errors="replace"))
        width = len(text[span.start:span.end].encode("utf-8", errors="replace"))
        spans.append(Span(byte_pos, byte_pos + width, span.encoding))
        byte_pos, char_pos = byte_pos + width, span.end
    return Detection(detection.encoding, detection.confidence, spans)


def _mixed_bytes(lines: list[bytes], kinds: list[str], legacy: str, conf: float) -> Detection:
    spans: list[Span] = []
    offset = 0
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "legacy":
            label = legacy
        else:
            label = detect_text(line.decode("utf-8", "replace")).encoding
        spans.append(Span(offset, offset + len(line), "ascii" if kind == "ascii" else label))
        offset += len(line)
    merged = _merge(iter(spans), offset)
    labels = {span.encoding for span in merged} - {"ascii"}
    return Detection(_overall(labels), conf, merged)


def detect_stream(source: BinaryIO) -> Detection:
    """Detect from a seekable binary file without reading it all (head, middle, tail)."""
    source.seek(0, 2)
    size = source.tell()
    if size <= 4 * SAMPLE_CHUNK:
        source.seek(0)
        data = source.read()
    else:
        data = _sample_file(source, size)
    source.seek(0)
    detection = detect_bytes(data)
    if size > len(data):  # spans of a sample say nothing about the file's offsets
        detection = Detection(detection.encoding, detection.confidence, [])
    return detection


def _sample_file(source: BinaryIO, size: int) -> bytes:
    """Head, two middle pieces and tail, each cut at line ends so no character is split."""
    pieces = []
    for i in range(4):
        source.seek(i * (size // 4))
        piece = source.read(SAMPLE_CHUNK)
        if i and b"\n" in piece:
            piece = piece.partition(b"\n")[2]
        if b"\n" in piece:
            piece = piece[: piece.rfind(b"\n") + 1]
        pieces.append(piece)
    return b"\n".join(pieces)
