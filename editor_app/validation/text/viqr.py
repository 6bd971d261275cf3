"""VIQR (RFC 1456): Vietnamese in plain ASCII, marks typed after the vowel ("Vie^.t Nam").

VIQR is ambiguous by design: "." and "?" are both tone marks and punctuation. A mark after a vowel
is a tone unless escaped with a backslash, except that a word-final "." or "?" after a word that
already carries a tone is punctuation ("Ha` No^.i." ends with a full stop), which is how people
actually typed it.
"""

from __future__ import annotations

import re
import unicodedata

from editor_app.validation.text.letters import ACUTE, DOT, GRAVE, HOOK, TILDE

TONES = {"'": ACUTE, "`": GRAVE, "?": HOOK, "~": TILDE, ".": DOT}
SHAPES = {"^": "\u0302", "(": "\u0306", "+": "\u031b"}
_VALID_SHAPE = {("a", "^"), ("e", "^"), ("o", "^"), ("a", "("), ("o", "+"), ("u", "+")}
_TOKEN = re.compile(
    r"\\([\^(+'`?~.\\])"                   # escaped mark: literal
    r"|(?:(?<![A-Za-z])|(?<=DD)|(?<=dd)|(?<=[A-Z](?=DD)))(DD|Dd|dd)"  # đ starts a syllable;
    # in capitals it may follow a letter (QDD-UBND is QĐ-UBND)
    r"|([AaEeIiOoUuYy])([\^(+]?)(['`?~.]?)"
)
_TONE_CHARS = frozenset(TONES)


def decode(text: str) -> str:
    """VIQR text as Unicode NFC."""
    return unicodedata.normalize("NFC", _TOKEN.sub(_decode_match, text))


def _decode_match(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    if match.group(2):
        return "đ" if match.group(2) == "dd" else "Đ"
    vowel, shape, tone = match.group(3), match.group(4), match.group(5)
    out = vowel
    if shape and (vowel.lower(), shape) in _VALID_SHAPE:
        out += SHAPES[shape]
    elif shape:
        return vowel + shape + tone  # not VIQR: "a+" in a formula stays as typed
    if tone and _is_tone(match, tone):
        return out + TONES[tone]
    return out + tone


def _is_tone(match: re.Match[str], tone: str) -> bool:
    """Whether a word-final "." / "?" is a tone mark rather than punctuation."""
    if tone not in ".?":
        return True
    text, end = match.string, match.end()
    if end < len(text) and text[end].isalpha():
        return True
    start = match.start()
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in _TONE_CHARS
                         or text[start - 1] in SHAPES):
        start -= 1
    earlier = text[start:match.start()]
    return not any(ch in _TONE_CHARS for ch in earlier)


def encode(text: str) -> str:
    """Unicode -> VIQR; literal mark characters after a vowel are escaped so they survive."""
    out: list[str] = []
    previous_vowel = False
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("dd" if ch == "đ" else "DD")
            previous_vowel = False
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        if base.lower() in "aeiouy" and base.isascii():
            marks = decomposed[1:]
            shape = "".join(k for k, v in SHAPES.items() if v in marks)
            tone = "".join(k for k, v in TONES.items() if v in marks)
            out.append(base + shape + tone)
            previous_vowel = True
            continue
        if (ch in TONES or ch in SHAPES or ch == "\\") and previous_vowel:
            out.append("\\" + ch)
        else:
            out.append(ch)
        previous_vowel = False
    return "".join(out)
