"""Is a text English? A small heuristic for the English pages (000 Điều 15; 003 Điều 17).

Two signals, both cheap and robust on short items: Vietnamese letters with diacritics (ă, ơ, ư,
đ and the tone marks) are rare in English prose even when it names Vietnamese places; and English
prose is dense with function words ("the", "of", "and"), which unaccented Vietnamese lacks. A text
too short to judge gets no verdict rather than a false alarm.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "are", "was", "were", "for", "on", "with", "by", "as",
    "at", "from", "that", "this", "these", "be", "been", "it", "its", "an", "a", "or", "which",
    "will", "has", "have", "not", "their", "province", "people",
})
MIN_WORDS = 8
MAX_VIETNAMESE_LETTER_SHARE = 0.03
MIN_FUNCTION_WORD_SHARE = 0.08


def _is_vietnamese_letter(ch: str) -> bool:
    if ch in "đĐ":
        return True
    decomposed = unicodedata.normalize("NFD", ch)
    return len(decomposed) > 1


def looks_english(text: str) -> bool | None:
    """True for English, False for not English, None when the text is too short to tell."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    if len(words) < MIN_WORDS:
        return None
    letters = [ch for word in words for ch in word]
    vietnamese_share = sum(map(_is_vietnamese_letter, letters)) / len(letters)
    if vietnamese_share > MAX_VIETNAMESE_LETTER_SHARE:
        return False
    function_share = sum(w.casefold() in _FUNCTION_WORDS for w in words) / len(words)
    return function_share >= MIN_FUNCTION_WORD_SHARE
