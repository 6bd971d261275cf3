"""Bring back the capitals TCVN3 (and VPS) plain text lost.

ABC typists wrote toned capitals with lowercase codes because .VnTime has none ("QUYếT ĐịNH"),
relying on .VnTimeH fonts to draw them big; in plain text that information is gone. It comes back
from context: a word whose other letters are capitals is a capital word; a sentence or paragraph
starts with a capital, and so does a list item ("- ", "• ") where a sentence could start; a
bracketed run of capitalised words that could all be capitals is capitals ("(ĐÃ KÝ)" under a
signature: a typist who meant "(Đã ký)" wrote the "k" small); institution names such as "Ủy ban
nhân dân" are capitalised. Only letters the charset cannot hold as capitals are touched, so
nothing the typist wrote is changed.

Speed matters (50 MB files): lines are only examined when a cheap regex says a lost letter touches
a capital, sits at a sentence start or begins a known name; raw bytes take the faster path in
:mod:`capitals_bytes`.
"""

from __future__ import annotations

import re
from functools import cache

from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.letters import LETTERS_LOWER, VIETNAMESE_NON_ASCII
from editor_app.validation.text.records import FrozenRecord
from editor_app.validation.text.syllables import is_vietnamese_syllable

_WORD = re.compile(r"[^\W\d_]+")
# Names whose first letter TCVN3 loses, matched case-sensitively on the decoded (lowercase) form:
# the words of each name and what must follow it ("body": one of the bodies below or a capital
# word; "end": the end of a word). One declaration, drawn as a str pattern here and as byte
# patterns for raw TCVN3/VPS in capitals_bytes.
BODIES = (("nhân", "dân"), ("thường", "vụ"), ("mặt", "trận"), ("kiểm", "tra"), ("quốc", "gia"))
BODY_CAPITALS = "A-ZĐÂĂÊÔƠƯ"
NAMES = (
    (("ủy", "ban"), "body"), (("uỷ", "ban"), "body"), (("ấn", "độ"), ""), (("ả", "rập"), ""),
    (("đông", "nam", "á"), "end"), (("châu", "á"), "end"), (("châu", "úc"), "end"),
)
BULLET_MARKS = "-–•+*"  # marks that open a list item
_NAME_HEADS = ("ủy", "uỷ", "ấn", "ả r", "đông nam á", "châu á", "châu úc")


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


class _Patterns(FrozenRecord):
    """Every pattern starts with a literal or a character class, so the regex engine scans for
    it at C speed instead of trying each position (a 50 MB file must not take minutes)."""

    __slots__ = ("caps", "starts", "fixed_lower", "brackets", "names")  # noqa: RUF023 (repr order)
    caps: tuple[re.Pattern[str], ...]   # a lost letter inside a capital word
    starts: tuple[re.Pattern[str], ...]  # a lost letter opening a sentence or paragraph
    fixed_lower: re.Pattern[str]         # a lowercase letter the charset does have
    brackets: re.Pattern[str]            # "(Đã Ký)": capitalised words that may all be capitals
    names: re.Pattern[str]

    def __init__(self, caps: tuple[re.Pattern[str], ...], starts: tuple[re.Pattern[str], ...],
                 fixed_lower: re.Pattern[str], brackets: re.Pattern[str],
                 names: re.Pattern[str]) -> None:
        self._set("caps", caps)
        self._set("starts", starts)
        self._set("fixed_lower", fixed_lower)
        self._set("brackets", brackets)
        self._set("names", names)


@cache
def _patterns(encoding: str) -> _Patterns:
    lost = "".join(sorted(lost_letters(encoding)))
    upper = "A-ZĐÂĂÊÔƠƯ" + lost.upper()
    opening = f"[\"“‘(\\[]*[{lost}]"
    word = f"[{upper}][{upper}{lost}]*"
    item = f"(?:[{re.escape(BULLET_MARKS)}][ \\t]*)?"  # a list item's mark
    return _Patterns(
        caps=(re.compile(f"[{lost}][{upper}]"), re.compile(f"[{upper}]{{2}}[{lost}]")),
        starts=(re.compile(f"[.!?…]\\s+{item}{opening}"),
                re.compile(f"[:;]\\s*\\n\\s*{item}{opening}"),
                re.compile(f"\\n\\s*\\n\\s*{item}{opening}"),
                re.compile(f"\\A\\s*{item}{opening}")),
        fixed_lower=re.compile(f"[{''.join(sorted(set(LETTERS_LOWER) - set(lost)))}]"),
        brackets=re.compile(f"\\([ \\t]*{word}(?:[ \\t]+{word})+[ \\t]*\\)"),
        names=names_pattern(),
    )


@cache
def names_pattern() -> re.Pattern[str]:
    """The institution names, on decoded lowercase text; each alternative starts with a letter,
    which keeps the scan fast."""
    bodies = "|".join(r"\s+".join(words) for words in BODIES)
    tails = {"body": rf"(?=\s+(?:{bodies}|[{BODY_CAPITALS}]))", "end": r"\b", "": ""}
    return re.compile("|".join(r"\s+".join(words) + tails[tail] for words, tail in NAMES))


def restore_capitals(text: str, encoding: str = "tcvn3") -> str:
    """``text`` freshly decoded from ``encoding`` with its lost capitals put back."""
    if not lost_letters(encoding):
        return text
    patterns = _patterns(encoding)
    text = patterns.brackets.sub(_upper_all, _restore_words(text, encoding, patterns))
    for pattern in patterns.starts:
        text = pattern.sub(_capitalise_last, text)
    return _restore_names(text, patterns.names)


def restore_brackets(line: str, encoding: str = "tcvn3") -> str:
    """``line`` with its bracketed runs of possible capital words ("(Đã Ký)") in capitals."""
    return _patterns(encoding).brackets.sub(_upper_all, line)


def _upper_all(match: re.Match[str]) -> str:
    return match.group(0).upper()


def _capitalise_last(match: re.Match[str]) -> str:
    whole = match.group(0)
    return whole[:-1] + whole[-1].upper()


def _restore_names(text: str, names: re.Pattern[str]) -> str:
    """Institution names; each alternative starts with a letter, which keeps the scan fast."""
    pieces, last = [], 0
    for match in names.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalpha()):
            continue
        pieces += [text[last:start], text[start].upper()]
        last = start + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _restore_words(text: str, encoding: str, patterns: _Patterns) -> str:
    """Upper-case the lost letters of capital words, only on lines where a capital touches one."""
    starts = set()
    for pattern in patterns.caps:
        for match in pattern.finditer(text):
            starts.add(text.rfind("\n", 0, match.start()) + 1)
    if not starts:
        return text
    pieces, last = [], 0
    for start in sorted(starts):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        fixed = restore_line(line, encoding) if patterns.fixed_lower.search(line) else line.upper()
        pieces += [text[last:start], fixed]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


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
    if word.islower() or (word[0].isupper() and word[1:].islower()):  # the usual words: fast
        return "maybe" if all(ch in lost for ch in word[1:]) else "lower"
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


def restore_capitals_bytes(data: bytes, text: str, encoding: str) -> str:
    """:func:`restore_capitals` for ``text`` decoded one character per byte from ``data``; the
    byte-level fast path lives in :mod:`capitals_bytes` (kept here for existing callers)."""
    from editor_app.validation.text.capitals_bytes import restore_capitals_bytes as fast

    return fast(data, text, encoding)
