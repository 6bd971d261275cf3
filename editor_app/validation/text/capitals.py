"""Bring back the capitals TCVN3 (and VPS) plain text lost.

ABC typists wrote toned capitals with lowercase codes because .VnTime has none ("QUYếT ĐịNH"),
relying on .VnTimeH fonts to draw them big; in plain text that information is gone. It comes back
from context: a word whose other letters are capitals is a capital word; a sentence or paragraph
starts with a capital; institution names such as "Ủy ban nhân dân" are capitalised. Only letters
the charset cannot hold as capitals are touched, so nothing the typist wrote is changed.

Speed matters (50 MB files): lines are only examined when a cheap regex says a lost letter touches
a capital, sits at a sentence start or begins a known name.
"""

from __future__ import annotations

import re
from functools import cache

from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.letters import VIETNAMESE_NON_ASCII
from editor_app.validation.text.syllables import is_vietnamese_syllable

_WORD = re.compile(r"[^\W\d_]+")
# Names whose first letter TCVN3 loses; matched case-sensitively on the decoded (lowercase) form.
_BODIES = r"(?=\s+(?:nhân\s+dân|[A-ZĐÂĂÊÔƠƯ]|thường\s+vụ|mặt\s+trận|kiểm\s+tra|quốc\s+gia))"
_NAMES = (
    (r"ủy\s+ban", _BODIES), (r"uỷ\s+ban", _BODIES), (r"ấn\s+độ", ""), (r"ả\s+rập", ""),
    (r"đông\s+nam\s+á", r"\b"), (r"châu\s+á", r"\b"), (r"châu\s+úc", r"\b"),
)


@cache
def lost_letters(encoding: str) -> frozenset[str]:
    """Lowercase letters whose capital ``encoding`` cannot write (TCVN3: every toned vowel)."""
    if encoding == "tcvn3":
        return frozenset(ch for ch in VIETNAMESE_NON_ASCII
                         if ch.islower() and ch not in "ăâêôơưđ")
    lost = set()
    for ch in VIETNAMESE_NON_ASCII:
        if ch.isupper():
            try:
                encode_text(ch, encoding)
            except ValueError:
                lost.add(ch.lower())
    return frozenset(lost)


@cache
def _patterns(encoding: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lost = "".join(sorted(lost_letters(encoding)))
    upper = "A-ZĐÂĂÊÔƠƯ" + lost.upper()
    touching = re.compile(f"[{lost}][{upper}]|[{upper}]{{2}}[{lost}]|[{upper}][{lost}]\\b")
    start = re.compile(
        f"(?:\\A|[.!?…]\\s+|[:;]\\s*\\n\\s*|\\n\\s*\\n\\s*)[\"“‘(\\[]*([{lost}])"
    )
    names = re.compile("|".join(f"(?<![^\\W\\d_]){name}{tail}" for name, tail in _NAMES))
    return touching, start, names


def restore_capitals(text: str, encoding: str = "tcvn3") -> str:
    """``text`` freshly decoded from ``encoding`` with its lost capitals put back."""
    if not lost_letters(encoding):
        return text
    touching, start, names = _patterns(encoding)
    if touching.search(text):
        text = _restore_words(text, encoding, touching)
    text = start.sub(_capitalise_last_group, text)
    return names.sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], text)


def _capitalise_last_group(match: re.Match[str]) -> str:
    whole, letter_at = match.group(0), match.start(1) - match.start(0)
    return whole[:letter_at] + whole[letter_at].upper() + whole[letter_at + 1:]


def _restore_words(text: str, encoding: str, touching: re.Pattern[str]) -> str:
    """Upper-case the lost letters of capital words, line by line where capitals touch them."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if touching.search(line):
            lines[index] = restore_line(line, encoding)
    return "\n".join(lines)


def restore_line(line: str, encoding: str = "tcvn3") -> str:
    """One line: words that are capitals apart from lost letters become capitals."""
    lost = lost_letters(encoding)
    words = list(_WORD.finditer(line))
    kinds = [_kind(m.group(0), lost) for m in words]
    _settle(kinds)
    out, last = [], 0
    for match, kind in zip(words, kinds, strict=True):
        if kind == "caps":
            out.append(line[last:match.start()])
            out.append(match.group(0).upper())
            last = match.end()
    out.append(line[last:])
    return "".join(out)


def _kind(word: str, lost: frozenset[str]) -> str:
    """caps (surely a capital word), maybe (could be), upper (already), or lower."""
    upper = sum(1 for ch in word if ch.isupper())
    missing = sum(1 for ch in word if ch in lost)
    fixed_lower = len(word) - upper - missing
    if fixed_lower or not missing:
        capital = upper and not fixed_lower and is_vietnamese_syllable(word)
        return "upper" if capital else "lower"  # "NAM" counts as a capital word, "QĐ" does not
    if upper >= 2 or (upper == 1 and not word[0].isupper()):
        return "caps"
    return "maybe"  # "Xã" (XÃ or Xã?), "ở": decided by the neighbours


def _settle(kinds: list[str]) -> None:
    """A "maybe" word next to a capital word is one; repeat so "VÀ XỬ LÝ" settles as a run."""
    changed = True
    while changed:
        changed = False
        for i, kind in enumerate(kinds):
            if kind == "maybe" and _caps_neighbour(kinds, i):
                kinds[i], changed = "caps", True


def _caps_neighbour(kinds: list[str], i: int) -> bool:
    before = kinds[i - 1] if i else None
    after = kinds[i + 1] if i + 1 < len(kinds) else None
    capital = ("caps", "upper")
    return before in capital or after in capital
