"""HTML to Unicode NFC: text nodes and human-readable attribute values, markup kept as it is.

Legacy HTML pages carry their text in a .VnTime font or as numeric character references
(&#7879;); both are converted, while the markup, scripts, styles, comments and URLs are copied
unchanged, and references that must stay escaped (&#60; for "<") stay escaped. The charset
declaration is rewritten to UTF-8 because that is what the output is.
"""

from __future__ import annotations

import re

from editor_app.validation.text.convert import TONE_STYLES, _finish, convert_piece
from editor_app.validation.text.detect import detect_text

_TOKEN = re.compile(
    r"(<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!\[CDATA\[.*?\]\]>|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(
    r"""(\s(?:title|alt|content|value|placeholder|summary|aria-label|label)\s*=\s*)(["'])(.*?)\2""",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET = re.compile(r"(charset\s*=\s*[\"']?)[\w.:-]+", re.IGNORECASE)
_NCR = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")
_KEEP_ESCAPED = frozenset("<>&\"'")


def _decode_references(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        if not 0x20 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF or chr(code) in _KEEP_ESCAPED:
            return match.group(0)
        return chr(code)

    return _NCR.sub(replace, text)


def _pieces(html: str) -> list[tuple[bool, str]]:
    """(is_markup, text) pieces in order."""
    return [(bool(i % 2), piece) for i, piece in enumerate(_TOKEN.split(html)) if piece]


def _visible_text(pieces: list[tuple[bool, str]]) -> str:
    texts = [piece for markup, piece in pieces if not markup]
    for markup, piece in pieces:
        if markup and not piece.startswith("<!--"):
            texts += [m.group(3) for m in _ATTRIBUTE.finditer(piece)]
    return "\n".join(_decode_references(t) for t in texts)


def convert_html(
    html: str, encoding: str | None = None, *, tone_style: str = "keep", restore_case: bool = True
) -> str:
    """``html`` with its text converted to Unicode NFC; ``encoding`` detected when None."""
    if tone_style not in TONE_STYLES:
        raise ValueError(f"tone style must be one of {', '.join(TONE_STYLES)}")
    pieces = _pieces(html)
    label = encoding or detect_text(_visible_text(pieces)).encoding

    def convert(text: str) -> str:
        text = _decode_references(text)
        piece_label = detect_text(text).encoding if label == "mixed" else label
        if piece_label == "ncr":  # the references were decoded above, minus the escaped ones
            piece_label = "unicode"
        if piece_label == "mixed":
            from editor_app.validation.text.convert import to_unicode

            return to_unicode(text, tone_style=tone_style, restore_case=restore_case)
        return _finish(convert_piece(text, piece_label), piece_label, tone_style, restore_case)

    out = []
    for markup, piece in pieces:
        if not markup:
            out.append(convert(piece))
        elif piece.startswith(("<!--", "<script", "<style", "<![CDATA[")) or piece[:7].lower() in (
            "<script", "<style"
        ):
            out.append(piece)
        else:
            piece = _ATTRIBUTE.sub(lambda m: m.group(1) + m.group(2) + convert(m.group(3))
                                   + m.group(2), piece)
            out.append(_CHARSET.sub(lambda m: m.group(1) + "utf-8", piece)
                       if piece[:5].lower() == "<meta" else piece)
    return "".join(out)


def html_bytes_to_text(data: bytes) -> str:
    """HTML bytes as str: UTF-8 when valid, else each byte as its Latin-1 character, which the
    legacy decoders accept just like the Windows-1252 view."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
