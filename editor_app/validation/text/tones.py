"""Tone-mark placement: the old style (hòa, khỏe, thủy) and the new style (hoà, khoẻ, thuỷ).

Both styles are correct Vietnamese and both occur, even within one official document; they differ
only in open syllables ending in oa, oe and uy. The converter keeps what the source wrote unless
asked to normalise; the checks warn when one text mixes the two.
"""

from __future__ import annotations

import re

from editor_app.validation.text.letters import split_letter, with_tone

_O = "oòóỏõọOÒÓỎÕỌ"
_U = "uùúủũụUÙÚỦŨỤ"
_A = "aàáảãạAÀÁẢÃẠ"
_E = "eèéẻẽẹEÈÉẺẼẸ"
_Y = "yỳýỷỹỵYỲÝỶỸỴ"
_PAIR = re.compile(
    f"(?<![QqÂĂÊÔƠƯâăêôơư{_O}{_U}])(?:([{_O}])([{_A}{_E}])|([{_U}])([{_Y}]))(?![^\\W\\d_])"
)
STYLES = ("old", "new")


def _parts(match: re.Match[str]) -> tuple[str, str]:
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    return first, second


def _style(first: str, second: str) -> str | None:
    first_tone, second_tone = split_letter(first)[1], split_letter(second)[1]
    if first_tone and not second_tone:
        return "old"
    if second_tone and not first_tone:
        return "new"
    return None


def normalise_tones(text: str, style: str) -> str:
    """Move tone marks of oa/oe/uy words to ``style`` ("old": hòa, "new": hoà)."""
    if style not in STYLES:
        raise ValueError(f"tone style must be 'old' or 'new', not {style!r}")

    def move(match: re.Match[str]) -> str:
        first, second = _parts(match)
        current = _style(first, second)
        if current is None or current == style:
            return match.group(0)
        (bare1, tone1), (bare2, tone2) = split_letter(first), split_letter(second)
        tone = tone1 or tone2
        if style == "old":
            return with_tone(bare1, tone) + bare2
        return bare1 + with_tone(bare2, tone)

    return _PAIR.sub(move, text)


def style_counts(text: str) -> dict[str, int]:
    """How many words are written in each style."""
    counts = {"old": 0, "new": 0}
    for match in _PAIR.finditer(text):
        style = _style(*_parts(match))
        if style:
            counts[style] += 1
    return counts


def tone_style_of(text: str) -> str:
    """"old", "new", "mixed", or "none" when no word tells the styles apart."""
    counts = style_counts(text)
    if counts["old"] and counts["new"]:
        return "mixed"
    if counts["old"]:
        return "old"
    return "new" if counts["new"] else "none"


def style_matches(text: str) -> list[tuple[int, int, str]]:
    """``(offset, length, style)`` of every word ending that shows a style (for findings)."""
    found = []
    for match in _PAIR.finditer(text):
        style = _style(*_parts(match))
        if style:
            found.append((match.start(), match.end() - match.start(), style))
    return found
