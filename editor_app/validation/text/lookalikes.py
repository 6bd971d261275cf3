"""Letters of other scripts that look Latin (Cyrillic а, Greek ο) hiding inside Vietnamese words.

They come from pasted PDFs and from deliberate spoofing; the word looks right but search, sorting
and spell checks fail on it. Replacing them is safe only inside words that also hold Latin letters,
so a real Russian or Greek word is never touched.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from editor_app.validation.findings import Finding, Location
from editor_app.validation.text import codes

LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ԁ": "d", "һ": "h", "ѕ": "s", "ԛ": "q", "ԝ": "w", "к": "k", "м": "m", "н": "h",
    "т": "t", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "υ": "u", "Α": "A", "Β": "B",
    "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
}
_TABLE = str.maketrans(LOOKALIKES)
_WORD = re.compile(r"[^\W\d_][^\W\d_\u0300-\u036f]*(?:[\u0300-\u036f]+[^\W\d_]*)*")
_SCRIPTS = {"CYRILLIC": ("Kirin", "Cyrillic"), "GREEK": ("Hy Lạp", "Greek")}


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or unicodedata.name(ch, "").startswith("LATIN")


def _mixed_words(text: str) -> Iterator[re.Match[str]]:
    for match in _WORD.finditer(text):
        word = match.group(0)
        if any(ch in LOOKALIKES for ch in word) and any(_is_latin(ch) for ch in word):
            yield match


def lookalike_findings(text: str, base: Location | None, limit: int) -> list[Finding]:
    findings = []
    for match in _mixed_words(text):
        word = match.group(0)
        char = next(ch for ch in word if ch in LOOKALIKES)
        script_vi, script_en = _SCRIPTS.get(unicodedata.name(char).split()[0], ("khác", "other"))
        where = dataclasses.replace(base or Location(), offset=((base.offset or 0) if base else 0)
                                    + match.start(), length=len(word))
        findings.append(codes.LOOKALIKE.at(where, word=word, char=char, script=script_vi,
                                           script_en=script_en))
        if len(findings) >= limit:
            break
    return findings


def replace_lookalikes(text: str) -> str:
    """Look-alike letters inside Latin words replaced by the Latin letters they imitate; NFC."""
    pieces, last = [], 0
    for match in _mixed_words(text):
        pieces += [text[last:match.start()], match.group(0).translate(_TABLE)]
        last = match.end()
    pieces.append(text[last:])
    return unicodedata.normalize("NFC", "".join(pieces))
