"""Words that cannot be Vietnamese syllables, in Vietnamese text: OCR and conversion damage.

What is skipped, and why: numbers and one-letter list markers; URLs, e-mail addresses and domain
names; abbreviations (UBND, QĐ-UBND: capitals that spell no syllable); words with inner capitals
(HauGiang); foreign words, told apart because no Vietnamese marks could turn them into a syllable
("Internet", "virus"), whereas "LUU" (LƯU) and "suru" (sưu, with ư read as "ur") could; and lines
that are not Vietnamese at all (an English page in a bilingual portal).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from editor_app.validation.findings import Finding, Location
from editor_app.validation.text import codes
from editor_app.validation.text.letters import LETTERS, VOWELS
from editor_app.validation.text.syllables import could_be_syllable, is_vietnamese_syllable

_WORD = re.compile(r"[^\W\d_]+")
_SKIP = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"             # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"             # e-mail addresses
    r"|\b[\w-]+(?:\.[A-Za-z][\w-]*)+\b"          # domain and file names: sonla.gov.vn, a.docx
    r"|\w*\d\w*"                                 # anything with a digit: 12a, QĐ-UBND's numbers
)
_OCR = (("ur", "u"), ("or", "o"), ("ar", "a"))  # "ư" read as "ur", "ơ" as "or" …
MIN_VIETNAMESE_SHARE = 0.5
_VOWELS = frozenset(VOWELS)


def _latin(ch: str) -> bool:
    return ch.isascii() or ch in LETTERS


def _suspicious(word: str) -> bool:
    if len(word) < 2 or is_vietnamese_syllable(word):
        return False
    if any(not _latin(ch) for ch in word):
        return False  # look-alike letters have their own finding; other scripts are not ours
    if word.isupper():  # LUU yes; UBND, TTĐT, III, IP, DOC (one vowel: an abbreviation) no
        return sum(ch in _VOWELS for ch in word.lower()) >= 2 and could_be_syllable(word)
    if any(ch.isupper() for ch in word[1:]):
        return False  # HauGiang, TTr, CongTT
    if not word.isascii():
        return True  # Vietnamese marks on something that is no syllable: Tieêếng
    lower = word.lower()
    return could_be_syllable(lower) or any(
        could_be_syllable(lower.replace(wrong, right)) for wrong, right in _OCR if wrong in lower
    )


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


def _is_vietnamese(words: list[str]) -> bool:
    if len(words) < 3:
        return True
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    return good >= MIN_VIETNAMESE_SHARE * len(words)


def syllable_findings(text: str, base: Location | None, limit: int) -> list[Finding]:
    """One warning per impossible word, at most ``limit``."""
    findings: list[Finding] = []
    base = base or Location()
    for start, line in _lines(text):
        cleaned = _SKIP.sub(lambda m: " " * len(m.group(0)), line)
        matches = list(_WORD.finditer(cleaned))
        if not _is_vietnamese([m.group(0) for m in matches]):
            continue
        for match in matches:
            if _suspicious(match.group(0)):
                where = dataclasses.replace(base, offset=(base.offset or 0) + start + match.start(),
                                            length=len(match.group(0)))
                findings.append(codes.NOT_A_SYLLABLE.at(where, word=match.group(0)))
                if len(findings) >= limit:
                    return findings
    return findings
