"""How Vietnamese a piece of decoded text looks: the detector's measure for every candidate.

The right decoding turns bytes into real syllables; every wrong one yields impossible vowel
clusters ("coọng"), stray symbols inside words ("c¸c") or letters Vietnamese never uses ("hoaø").
Counting those is cheap, needs no training data and holds for short texts too.
"""

from __future__ import annotations

import re

from editor_app.validation.text.letters import VIETNAMESE_NON_ASCII
from editor_app.validation.text.records import FrozenRecord
from editor_app.validation.text.syllables import is_vietnamese_syllable

_WORD = re.compile(r"[^\W\d_]+")
# A non-ASCII symbol glued to a letter: what legacy bytes look like through the wrong glasses.
# The symbol comes first in the pattern (letter before it seen by a lookbehind), so the regex
# engine only stops at such symbols: several times faster than leading with the lookbehind.
_GLUED = re.compile(r"[^\x00-\x7f\w\s\u2000-\u206f«»](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
# Latin-1 letters that Vietnamese Unicode text never contains.
FOREIGN_LATIN1 = frozenset(
    ch for ch in map(chr, range(0xC0, 0x100)) if ch.isalpha() and ch not in VIETNAMESE_NON_ASCII
)


class Score(FrozenRecord):
    """Counts over the words with non-ASCII letters (ASCII words read the same in every guess)."""

    __slots__ = ("good", "bad", "ascii_good")  # noqa: RUF023 (repr order)
    good: int
    bad: int
    ascii_good: int

    def __init__(self, good: int = 0, bad: int = 0, ascii_good: int = 0) -> None:
        self._set("good", good)
        self._set("bad", bad)
        self._set("ascii_good", ascii_good)

    @property
    def words(self) -> int:
        return self.good + self.bad

    @property
    def value(self) -> float:
        """-1 (nothing Vietnamese) … 1 (every accented word a real syllable)."""
        return (self.good - self.bad) / self.words if self.words else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.good + other.good, self.bad + other.bad,
                     self.ascii_good + other.ascii_good)


def score(text: str) -> Score:
    """Score ``text`` (already decoded, NFC) as Vietnamese."""
    good = bad = ascii_good = 0
    for word in _WORD.findall(text):
        if word.isascii():
            ascii_good += is_vietnamese_syllable(word)
        elif is_vietnamese_syllable(word):
            good += 1
        else:
            bad += 1
    glued = len(_GLUED.findall(text))
    return Score(good, bad + glued, ascii_good)


def confidence(best: Score, runner_up: Score | None) -> float:
    """0..1 from how Vietnamese the winner looks, its lead, and how much evidence there was."""
    if best.words == 0:
        return 0.5
    quality = (best.value + 1) / 2
    lead = 1.0 if runner_up is None else min(1.0, max(0.0, best.value - runner_up.value) * 2)
    evidence = best.words / (best.words + 3)
    return round(max(0.0, min(1.0, quality * (0.6 + 0.4 * lead) * (0.5 + 0.5 * evidence))), 3)
