"""Capital restoration for raw single-byte text (TCVN3, VPS) at close to C speed.

:mod:`capitals` states the rules on decoded text; this module applies the same rules to a file's
bytes, because a 50 MB file must take a fraction of a second: every byte is classified with one
``bytes.translate``, candidates are found with ``bytes.find``/``bytes.count`` and literal-led
byte patterns, and Python code runs only for the few lines and offsets that can need a capital.
A :class:`CapitalRestorer` lives for one stream and remembers restored capital lines, since
headings and signature blocks repeat throughout a file.

Streams are restored in windows: a chunk plus some bytes before it (a sentence end just before
the chunk capitalises its first letter) and after it (an institution name wrapped onto the next
line), so the result does not depend on where chunks are cut.
"""

from __future__ import annotations

import re
from functools import cache

from editor_app.validation.text.capitals import (
    lost_letters,
    names_pattern,
    restore_capitals,
    restore_line,
)
from editor_app.validation.text.codecs import byte_meanings, encode_text

_SENTENCE = (rb"\.[ \n]+q*L", rb":[ ]*\n[ \n]*q*L", rb"\n[ ]*\n[ \n]*q*L")
_STARTS = tuple(re.compile(p) for p in _SENTENCE)
_TEXT_START = re.compile(rb"\A[ \n]*q*L")
# What an institution name starts with (see capitals._NAMES), as literally as the names pattern
# allows, so the search is exact; names sharing a prefix are searched together.
_NAME_STARTS = (("ủy",), ("uỷ",), ("ấn",), ("ả rập",), ("đông nam á",), ("châu á", "châu úc"))
_SAMPLE = 1 << 16
_COMMON = 1000          # a byte seen more than once per this many is too common to search for
_CACHED_LINE = 1024     # longer capital lines are not remembered
_LONG_LINE = 1 << 16    # capital lines longer than this are restored piece by piece
_CACHE_LINES = 1 << 14  # the memory is cleared when it holds more lines than this


@cache
def class_table(encoding: str) -> bytes:
    """Byte -> class: U capital, L lost lowercase, l other lowercase, . sentence end, : colon,
    q opening quote or bracket, space, newline, - anything else."""
    lost = lost_letters(encoding)
    table = bytearray(b"-" * 256)
    for byte, meaning in enumerate(byte_meanings(encoding)):
        if len(meaning) != 1:
            continue
        if meaning in lost:
            table[byte] = ord("L")
        elif meaning.isupper():
            table[byte] = ord("U")
        elif meaning.islower():
            table[byte] = ord("l")
        elif meaning in ".!?…":
            table[byte] = ord(".")
        elif meaning in ":;":
            table[byte] = ord(":")
        elif meaning in "\"“‘([":
            table[byte] = ord("q")
        elif meaning in " \t\r\xa0":
            table[byte] = ord(" ")
    table[0x0A] = 0x0A
    return bytes(table)


class CapitalRestorer:
    """Restores capitals in raw ``encoding`` text, window after window of one stream."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.active = bool(lost_letters(encoding))
        self._table = class_table(encoding) if self.active else b""
        self._names = names_pattern() if self.active else None
        self._heads = [tuple(encode_text(name, encoding, errors="replace") for name in names)
                       for names in _NAME_STARTS]
        self._probes: list[tuple[bytes, int]] | None = None
        self._lines: dict[bytes, str] = {}

    def restore(
        self, data: bytes, text: str, lo: int = 0, hi: int | None = None, at_start: bool = True
    ) -> str:
        """``text[lo:hi]`` with capitals restored; ``text`` is ``data`` decoded one character
        per byte, and the bytes outside ``[lo, hi)`` are only context. ``at_start`` says that
        ``data`` begins the whole text (a lost letter there opens it)."""
        hi = len(data) if hi is None else hi
        if not self.active:
            return text[lo:hi]
        classes = data.translate(self._table)
        edits: dict[int, tuple[int, str]] = {}
        for start, end in _caps_lines(classes, lo, hi):
            edits[start] = (end, self._line(data, text, classes, start, end))
        line_starts = set(edits)
        starts = [_TEXT_START, *_STARTS] if at_start else _STARTS
        for at in _sentence_starts(classes, starts, lo, hi):
            if at not in edits and text.rfind("\n", 0, at) + 1 not in line_starts:
                edits[at] = (at + 1, text[at].upper())
        for at in self._name_starts(data, text, lo, hi):
            if at not in edits and text.rfind("\n", 0, at) + 1 not in line_starts:
                edits[at] = (at + 1, text[at].upper())
        return _apply(text, edits, lo, hi)

    def _line(self, data: bytes, text: str, classes: bytes, start: int, end: int) -> str:
        """One capital line restored, from memory when the same bytes were seen before."""
        key = data[start:end]
        fixed = self._lines.get(key)
        if fixed is None:
            line = text[start:end]
            has_lower = classes.find(b"l", start, end) >= 0
            fixed = _restore_long_line(line, self.encoding) if has_lower else line.upper()
            if len(key) <= _CACHED_LINE:
                if len(self._lines) >= _CACHE_LINES:
                    self._lines.clear()
                self._lines[key] = fixed
        return fixed

    def _name_starts(self, data: bytes, text: str, lo: int, hi: int) -> list[int]:
        """Offsets of institution names, found by their encoded first words."""
        assert self._names is not None
        if self._probes is None:
            self._probes = [_probe(needles, data[:_SAMPLE]) for needles in self._heads]
        match, find, startswith = self._names.match, data.find, data.startswith
        found = []
        for needles, (probe, offset) in zip(self._heads, self._probes, strict=True):
            stop = hi + offset + len(probe) - 1  # a name may run past hi, not start there
            at = find(probe, lo + offset, stop)
            while at >= 0:  # inlined: this loop runs for every "ủy" and "ấn" of the text
                start = at - offset
                if (startswith(needles, start) and not (start and text[start - 1].isalpha())
                        and match(text, start)):
                    found.append(start)
                at = find(probe, at + 1, stop)
        return found


def _probe(needles: tuple[bytes, ...], sample: bytes) -> tuple[bytes, int]:
    """What to search for to find ``needles`` fast: the rarest byte in ``sample`` of their common
    prefix (a single byte is found with memchr, far faster than a multi-byte search) and its
    offset, or the whole prefix when every byte of it is common."""
    prefix = needles[0]
    for needle in needles[1:]:
        while not needle.startswith(prefix):
            prefix = prefix[:-1]
    count, offset = min((sample.count(prefix[i:i + 1]), i) for i in range(len(prefix)))
    if count * _COMMON > len(sample):
        return prefix, 0
    return prefix[offset:offset + 1], offset


def _restore_long_line(line: str, encoding: str) -> str:
    """:func:`capitals.restore_line`, in pieces cut at spaces for lines longer than
    ``_LONG_LINE`` (random or binary data has megabyte "lines"; one word list for all of it
    would take hundreds of MB). Real capital lines are far shorter and come out unchanged."""
    if len(line) <= _LONG_LINE:
        return restore_line(line, encoding)
    pieces, start = [], 0
    while start < len(line):
        end = line.find(" ", start + _LONG_LINE, start + 2 * _LONG_LINE) + 1
        end = end or min(len(line), start + 2 * _LONG_LINE)  # no space at all: cut anywhere
        pieces.append(restore_line(line[start:end], encoding))
        start = end
    return "".join(pieces)


def _sentence_starts(
    classes: bytes, patterns: list[re.Pattern[bytes]] | tuple[re.Pattern[bytes], ...],
    lo: int, hi: int,
) -> list[int]:
    """Offsets in ``[lo, hi)`` of lost letters that open a sentence or paragraph."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(classes, 0, hi):
            if match.end() > lo:
                found.append(match.end() - 1)
    return found


def _caps_lines(classes: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of lines in ``[lo, hi)`` where a lost letter touches a capital (LU, UUL),
    in order. Both needles are followed together, so a line holding both is visited once."""
    found = []
    find, rfind = classes.find, classes.rfind
    at_lu, at_uul = find(b"LU", lo, hi), find(b"UUL", lo, hi)
    while at_lu >= 0 or at_uul >= 0:
        at = at_uul if at_lu < 0 or 0 <= at_uul < at_lu else at_lu
        start = rfind(b"\n", 0, at) + 1
        end = find(b"\n", at, hi)
        end = hi if end < 0 else end
        found.append((start, end))
        if 0 <= at_lu < end:
            at_lu = find(b"LU", end, hi)
        if 0 <= at_uul < end:
            at_uul = find(b"UUL", end, hi)
    return found


def _apply(text: str, edits: dict[int, tuple[int, str]], lo: int, hi: int) -> str:
    """``text[lo:hi]`` with each ``start: (end, new)`` edit applied (``text[start:end]``)."""
    if not edits:
        return text[lo:hi]
    pieces, last = [], lo
    for start in sorted(edits):
        if start < last:
            continue
        end, new = edits[start]
        pieces += [text[last:start], new]
        last = end
    pieces.append(text[last:hi])
    return "".join(pieces)


def restore_capitals_bytes(data: bytes, text: str, encoding: str) -> str:
    """:func:`capitals.restore_capitals` for ``text`` decoded one character per byte from
    ``data``, with the byte-level fast path."""
    if len(data) != len(text):
        return restore_capitals(text, encoding)
    return CapitalRestorer(encoding).restore(data, text)
