"""The Vietnamese alphabet as data: letters, tone marks and the sets other modules test against.

Kept apart from the codecs so the syllable grammar, the detector and the capital restorer share
one definition of "a Vietnamese letter" instead of three slightly different regexes.
"""

from __future__ import annotations

import unicodedata

# Combining tone marks in the order Vietnamese names them: huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"
GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
# Marks that make a new letter rather than a tone: circumflex, breve, horn.
SHAPE_MARKS = "\u0302\u0306\u031b"

BASE_VOWELS = "aăâeêioôơuưy"
VOWELS_LOWER = "".join(
    unicodedata.normalize("NFC", base + mark) for base in BASE_VOWELS for mark in ("", *TONE_MARKS)
)
VOWELS = VOWELS_LOWER + VOWELS_LOWER.upper()
LETTERS_LOWER = "abcdđefghijklmnopqrstuvwxyz" + "".join(
    ch for ch in VOWELS_LOWER if not ch.isascii()
)
LETTERS = LETTERS_LOWER + LETTERS_LOWER.upper()
# Letters only Unicode Vietnamese uses: everything outside Latin-1 (ă đ ơ ư ạ ả ấ …).
NON_LATIN1_LETTERS = frozenset(ch for ch in LETTERS if ord(ch) > 0xFF)
# Every precomposed Vietnamese letter that is not plain ASCII (67 + 67 toned/shaped letters).
VIETNAMESE_NON_ASCII = frozenset(ch for ch in LETTERS if not ch.isascii())


def split_letter(ch: str) -> tuple[str, str]:
    """``(letter without tone, tone mark or "")`` for one Vietnamese letter: "ấ" -> ("â", ACUTE)."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(m for m in decomposed if m in TONE_MARKS)
    bare = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONE_MARKS))
    return bare, tone


def with_tone(bare: str, tone: str) -> str:
    """The precomposed letter ``bare`` carrying ``tone`` ("" leaves it untoned)."""
    return unicodedata.normalize("NFC", bare + tone)
