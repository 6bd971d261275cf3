"""Capital restoration for raw single-byte text (TCVN3, VPS) at close to C speed.

:mod:`capitals` states the rules on decoded text; this module applies the same rules to a file's
bytes, because a 50 MB file must take a fraction of a second: every byte is classified with one
``bytes.translate``, candidates are found with ``bytes.find``/``bytes.count`` and literal-led
byte patterns, and Python code runs only for the few lines and offsets that can need a capital.
A :class:`CapitalRestorer` lives for one stream and remembers restored capital lines, since
headings and signature blocks repeat throughout a file. Institution names are found by byte
patterns drawn from the same declaration as the text pattern (:data:`capitals.NAMES`), each led
by the literal bytes of a name's first word, so the regex engine's literal search does the work
and only real names come back to Python.

Streams are restored in windows: a chunk plus some bytes before it (a sentence end just before
the chunk capitalises its first letter) and after it (an institution name wrapped onto the next
line), so the result does not depend on where chunks are cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from editor_app.validation.text.capitals import (
    BODIES,
    BODY_CAPITALS,
    BULLET_MARKS,
    NAMES,
    lost_letters,
    restore_brackets,
    restore_capitals,
    restore_line,
)
from editor_app.validation.text.codecs import byte_meanings, decode_raw

# A lost letter after a sentence end, a colon and a line break, a blank line or at the start,
# perhaps opening a list item ("b"): the item marks ride on these patterns, no scan of their own.
# Sentence ends and colons share the class ".", so one scan finds both (a colon then needs a line
# break, checked in Python on the few matches). The quantifiers are possessive (the classes they
# cover are disjoint, so no match is lost): without backtracking the optional item costs nothing.
_ITEM = rb"(?:b[ ]*+)?+q*+L"
_SENTENCE = (rb"\.[ \n]++" + _ITEM, rb"\n[ ]*+\n[ \n]*+" + _ITEM)
_STARTS = tuple(re.compile(p) for p in _SENTENCE)
_TEXT_START = re.compile(rb"\A[ \n]*+" + _ITEM)
# A bracketed run of capitalised words that may all be capitals, as candidates: the decoded text
# decides (capitals.restore_brackets); led by the literal "q", rarer than letters.
_BRACKETS = re.compile(rb"q *+U[UL]*+(?: ++U[UL]*+)++ *+c")
_CACHED_LINE = 1024     # longer capital lines are not remembered
_LONG_LINE = 1 << 16    # capital lines longer than this are restored piece by piece
_CACHE_LINES = 1 << 14  # the memory is cleared when it holds more lines than this


@cache
def class_table(encoding: str) -> bytes:
    """Byte -> class: U capital, L lost lowercase, l other lowercase, . sentence end or colon,
    q opening quote or bracket, c closing bracket, b list-item mark, space, newline, - anything
    else."""
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
        elif meaning in ".!?…:;":
            table[byte] = ord(".")
        elif meaning in "\"“‘([":
            table[byte] = ord("q")
        elif meaning == ")":
            table[byte] = ord("c")
        elif meaning in BULLET_MARKS:
            table[byte] = ord("b")
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
        self._names = name_patterns(encoding) if self.active else ()
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
        for at in _sentence_starts(classes, text, starts, lo, hi):
            if at not in edits and text.rfind("\n", 0, at) + 1 not in line_starts:
                edits[at] = (at + 1, text[at].upper())
        for at, letter in _bracket_letters(text, classes, self.encoding, lo, hi):
            if at not in edits and text.rfind("\n", 0, at) + 1 not in line_starts:
                edits[at] = (at + 1, letter)
        for at in self._name_starts(data, lo, hi):
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
            if classes.find(b"c", start, end) >= 0:
                fixed = restore_brackets(fixed, self.encoding)
            if len(key) <= _CACHED_LINE:
                if len(self._lines) >= _CACHE_LINES:
                    self._lines.clear()
                self._lines[key] = fixed
        return fixed

    def _name_starts(self, data: bytes, lo: int, hi: int) -> list[int]:
        """Offsets in ``[lo, hi)`` of institution names (which may run on past ``hi``)."""
        found = []
        for lead, pattern in self._names:
            for match in pattern.finditer(data, lo + lead):
                start = match.start() - lead
                if start >= hi:
                    break
                found.append(start)
        return found


@cache
def name_patterns(encoding: str) -> tuple[tuple[int, re.Pattern[bytes]], ...]:
    """:data:`capitals.NAMES` as patterns on raw ``encoding`` bytes, one per first word; a name
    counts only where no letter precedes it (checked after the literal, so the literal search
    stays fast; the look-behind sees the bytes before the search's start).

    Each pattern comes with its lead: how many bytes of the first word come before the byte
    the pattern starts at. The regex engine scans for a pattern's leading literal, so a word
    whose first letters are common ASCII ("ch" of "châu", "u" of "uỷ") is led by its first
    marked letter, a rarer byte, and the letters before it are checked behind: twice as fast
    for those words, the same matches (a match's start is its position minus the lead)."""
    decoded = decode_raw(bytes(range(256)), encoding)
    space = _byte_class(decoded, str.isspace)
    letter = _byte_class(decoded, str.isalpha)
    word = _byte_class(decoded, lambda ch: re.match(r"\w", ch) is not None)
    capital = _byte_class(decoded, lambda ch: re.fullmatch(f"[{BODY_CAPITALS}]", ch) is not None)

    def words(*parts: str) -> bytes:
        return (space + b"+").join(_literal(decoded, part) for part in parts)

    bodies = b"|".join(words(*body) for body in BODIES)
    tails = {"body": b"(?=" + space + b"+(?:" + bodies + b"|" + capital + b"))",
             "end": b"(?!" + word + b")", "": b""}
    by_first: dict[str, list[bytes]] = {}
    for name, tail in NAMES:
        rest = b"".join(space + b"+" + _literal(decoded, part) for part in name[1:])
        by_first.setdefault(name[0], []).append(rest + tails[tail])
    patterns = []
    for first, rests in by_first.items():
        head = _literal(decoded, first)
        rest = b"(?<!" + letter + head + b")(?:" + b"|".join(rests) + b")"
        plain = _plain(decoded, first)
        lead = next((i for i, byte in enumerate(plain or b"") if byte >= 0x80), 0)
        if lead and plain is not None:
            led = re.escape(plain[lead:]) + b"(?<=" + re.escape(plain) + b")"
            patterns.append((lead, re.compile(led + rest)))
        else:
            patterns.append((0, re.compile(head + rest)))
    return tuple(patterns)


def _plain(decoded: str, text: str) -> bytes | None:
    """``text`` as bytes where each of its characters has exactly one code, else None."""
    codes = [[b for b, meaning in enumerate(decoded) if meaning == ch] for ch in text]
    return bytes(c[0] for c in codes) if all(len(c) == 1 for c in codes) else None


def _byte_class(decoded: str, test: Callable[[str], bool]) -> bytes:
    return b"[" + b"".join(re.escape(bytes([b])) for b, ch in enumerate(decoded) if test(ch)) + b"]"


def _literal(decoded: str, text: str) -> bytes:
    """``text`` as the bytes that decode to it: a literal where each letter has one code (the
    fast case), a class where it has several, and a pattern that never matches where none."""
    pieces = []
    for ch in text:
        codes = [bytes([b]) for b, meaning in enumerate(decoded) if meaning == ch]
        if not codes:
            return b"(?!)"
        pieces.append(re.escape(codes[0]) if len(codes) == 1
                      else b"[" + b"".join(re.escape(c) for c in codes) + b"]")
    return b"".join(pieces)


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


def _bracket_letters(
    text: str, classes: bytes, encoding: str, lo: int, hi: int
) -> list[tuple[int, str]]:
    """``(offset, capital)`` for the letters in ``[lo, hi)`` that bracketed runs of capital
    words make capitals; a run may begin in the context before ``lo`` or end after ``hi``."""
    found = []
    for match in _BRACKETS.finditer(classes):
        start, end = match.span()
        if end <= lo or start >= hi:
            continue
        piece = text[start:end]
        fixed = restore_brackets(piece, encoding)
        found += [(start + i, new) for i, (old, new) in enumerate(zip(piece, fixed, strict=True))
                  if old != new and lo <= start + i < hi]
    return found


def _sentence_starts(
    classes: bytes, text: str, patterns: list[re.Pattern[bytes]] | tuple[re.Pattern[bytes], ...],
    lo: int, hi: int,
) -> list[int]:
    """Offsets in ``[lo, hi)`` of lost letters that open a sentence or paragraph; after a
    colon only on a new line ("gồm: ấy" is one sentence)."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(classes, 0, hi):
            start, end = match.span()
            if end <= lo:
                continue
            if text[start] in ":;" and classes.find(b"\n", start, end) < 0:
                continue
            found.append(end - 1)
    return found


# A capital touching a lost letter: "LU" or "UUL", matched at the capital, which is rarer than
# lost letters, so the regex engine's scan for the literal "U" leads (faster than two finds); the
# match runs on to the line end, so the scan goes on from the next line and visits each once.
_CAPS_LINE = re.compile(rb"U(?:(?<=LU)|(?<=UU)(?=L))[^\n]*+")


def _caps_lines(classes: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of lines in ``[lo, hi)`` where a lost letter touches a capital (LU, UUL),
    in order; a line running past ``hi`` ends there."""
    rfind = classes.rfind
    return [(rfind(b"\n", 0, match.start()) + 1, match.end())
            for match in _CAPS_LINE.finditer(classes, lo, hi)]


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
