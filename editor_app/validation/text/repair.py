"""Repairs of Unicode that went wrong on the way: mojibake and HTML numeric character references.

Mojibake here is UTF-8 read as Windows-1252 or Latin-1, once or twice ("Tiáº¿ng", "TiÃ¡Âº¿ng").
It is repaired segment by segment, so one mangled sentence inside good text is fixed without
touching the rest, and a segment is only replaced when the result is plausible text (Vietnamese
letters, Latin-1, punctuation): TCVN3 seen through Windows-1252 can look like UTF-8 by accident.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from editor_app.validation.text.letters import VIETNAMESE_NON_ASCII
from editor_app.validation.text.syllables import is_vietnamese_syllable

_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
_TO_BYTE: dict[str, int] = {ch: b for b, ch in enumerate(_CP1252)}
_TO_BYTE.update({chr(b): b for b in range(0x80, 0xA0)})  # Latin-1 readers keep C1 controls


def _chars(low: int, high: int) -> str:
    chars = {ch for ch, b in _TO_BYTE.items() if low <= b <= high}
    return "".join(re.escape(ch) for ch in sorted(chars))


@cache
def _segment() -> re.Pattern[str]:
    """UTF-8 sequences seen through Windows-1252; built on first use to keep start-up fast."""
    cont = f"[{_chars(0x80, 0xBF)}]"
    return re.compile(f"[{_chars(0xC2, 0xDF)}]{cont}|[{_chars(0xE0, 0xEF)}]{cont}{{2}}"
                      f"|[{_chars(0xF0, 0xF4)}]{cont}{{3}}")
_NCR = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
MAX_ROUNDS = 3


def _plausible(ch: str) -> bool:
    """Characters mojibake repair may produce; C1 controls are the middle of a double round."""
    code = ord(ch)
    return (ch in VIETNAMESE_NON_ASCII or 0xA0 <= code <= 0xFF or 0x2000 <= code <= 0x206F
            or 0x0300 <= code <= 0x0323 or 0x80 <= code <= 0x9F or ch in "€™ŒœŠšŽžŸƒˆ˜")


def _fix_segment(match: re.Match[str]) -> str:
    raw = bytes(_TO_BYTE[ch] for ch in match.group(0))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)
    return decoded if all(_plausible(ch) for ch in decoded) else match.group(0)


def fix_mojibake_once(text: str) -> str:
    """Undo one round of UTF-8-read-as-Windows-1252 wherever it is plausible."""
    return _segment().sub(_fix_segment, text)


def fix_mojibake(text: str) -> str:
    """Undo up to three rounds of mojibake; the result is NFC."""
    for _ in range(MAX_ROUNDS):
        fixed = fix_mojibake_once(text)
        if fixed == text:
            break
        text = fixed
    return unicodedata.normalize("NFC", text)


def mojibake_rounds(text: str) -> int:
    """How many rounds of mojibake repair change ``text`` (0: none found)."""
    rounds = 0
    for _ in range(MAX_ROUNDS):
        fixed = fix_mojibake_once(text)
        if fixed == text:
            break
        text, rounds = fixed, rounds + 1
    return rounds


# Punctuation that may touch a word in good text; any other symbol a mojibake segment glues to a
# letter ("tá»‰nh", "CHÃ‰", "DÃ‚N") is a sign of mojibake, not of writing.
_WORD_PUNCTUATION = frozenset("\u00a0\u2026\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb")
_WORD = re.compile(r"[^\W\d_]+")


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of whitespace-separated tokens holding a mojibake segment, where a segment's own
    characters (a no-break space in "HoÃ\xa0ng") never split a token."""
    segments = [m.span() for m in _segment().finditer(text)]
    if not segments:
        return []
    chars = list(text)
    for start, end in segments:
        chars[start:end] = "x" * (end - start)
    masked = "".join(chars)
    tokens = [m.span() for m in re.finditer(r"\S+", masked)]
    return [t for t in tokens if any(t[0] <= s < t[1] for s, _ in segments)]


_SYMBOLS = re.compile(r"[^\w\s\x00-\x7f]+")


_OPENING = {"”": "“", "’": "‘", "›": "‹"}


def _is_utf8_pair(lead: str, follower: str) -> bool:
    """Whether two characters are a UTF-8 lead byte and a continuation byte read as cp1252."""
    try:
        first, second = lead.encode("cp1252"), follower.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return 0xC2 <= first[0] <= 0xF4 and 0x80 <= second[0] <= 0xBF


def _clean_token(token: str, other: str) -> bool:
    """Whether ``token`` is something good text could hold, judged on the words it does not
    share with ``other`` (its repair, or what it was repaired from): real syllables or capital
    abbreviations, and no symbol glued into a word."""
    if any("\x80" <= ch <= "\x9f" for ch in token):
        return False  # C1 controls: UTF-8 continuation bytes read as Latin-1
    for match in _SYMBOLS.finditer(token):
        start, end = match.span()
        left = start > 0 and token[start - 1].isalpha()
        right = token[end: end + 1].isalpha()
        allowed = match.group(0) in _WORD_PUNCTUATION  # one mark: "tiếp…", "»Größe«"
        if (left and right) or ((left or right) and not allowed):
            return False  # "»…" in "Nguyá»…n", "‰" in "CHÃ‰"
        mark = match.group(0)[0]
        if (left and _is_utf8_pair(token[start - 1], mark)
                and _OPENING.get(mark, "\0") not in token[:start]):
            return False  # "Ã”" of "NGÃ”" is "Ô" read as cp1252 ("“NGÃ”" is a quoted word)
    shared = set(_WORD.findall(other))
    for word in _WORD.findall(token):
        if word in shared or word.isupper():
            continue  # untouched by the repair ("CongTT"), or an abbreviation ("QĐ", "HÃ")
        if any(ch.isupper() for ch in word[1:]):
            return False  # "NgÃ" (lowercase, then a capital): a split mojibake pair
        if not is_vietnamese_syllable(word):
            return False  # "nh" of "HÃ\xa0nh"
    return True


def short_line_mojibake(text: str) -> bool:
    """Whether ``text`` is mojibake judged token by token, for lines too short to score.

    Whole-line scores miss "HoÃ\xa0ng" or "CHÃ‰": the broken words split into pieces that are
    syllables on their own ("hoã", "chã"). Here every token holding a segment is compared with
    its repair: mojibake when repairs turn more broken tokens into clean ones than they break
    clean ones ("XÃ\xa0HỘI" with a no-break space is clean and repairs into "XàHỘI": a vote
    against). Legitimate Latin-1 text almost never holds a segment at all.
    """
    gained = lost = 0
    for start, end in _token_spans(text):
        token = text[start:end]
        fixed = fix_mojibake(token)
        if fixed == token:
            continue
        before, after = _clean_token(token, fixed), _clean_token(fixed, token)
        gained += after and not before
        lost += not after  # a repair that leaves a broken token, or breaks a clean one
    return gained > 0 and gained > lost


def _ncr_char(match: re.Match[str]) -> str:
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return match.group(0)
    return chr(code)


def fix_ncr(text: str) -> str:
    """Replace numeric character references (&#7879; &#x1EC7;) by the characters; NFC."""
    return unicodedata.normalize("NFC", _NCR.sub(_ncr_char, text))


def count_ncr(text: str) -> int:
    return sum(1 for _ in _NCR.finditer(text))


def repair(text: str, kind: str) -> str:
    """Apply the repair ``kind`` ("mojibake" or "ncr")."""
    if kind == "ncr":
        return fix_ncr(text)
    if kind == "mojibake":
        return fix_mojibake(text)
    raise ValueError(f"unknown repair {kind!r}")
