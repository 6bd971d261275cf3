"""Convert any detected encoding to Unicode NFC, span by span, in memory or streaming.

In memory: :func:`to_unicode` for str (legacy bytes seen as Windows-1252 characters, mojibake,
NCRs, decomposed Unicode, or a mix), :func:`to_unicode_bytes` for file contents. Streaming:
:func:`convert_stream` reads large files in chunks (:mod:`stream`: cut at line ends, fast
paths for TCVN3/VPS and VNI/Windows-1258), so memory stays flat.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from editor_app.validation.text import repair, stream
from editor_app.validation.text.capitals import restore_capitals
from editor_app.validation.text.capitals_bytes import restore_capitals_bytes
from editor_app.validation.text.codecs import (
    LEGACY_ENCODINGS,
    canonical_name,
    decode_bytes,
    decode_chars,
    decode_raw,
    nfc,
)
from editor_app.validation.text.tones import normalise_tones

TYPE_CHECKING = False  # typing is not imported at run time (faster CLI start)
if TYPE_CHECKING:
    from typing import BinaryIO

TONE_STYLES = ("keep", "old", "new")
CASELESS = ("tcvn3", "vps")  # charsets whose plain text loses capitals
CHUNK_SIZE = stream.CHUNK_SIZE


def _check_style(tone_style: str) -> None:
    if tone_style not in TONE_STYLES:
        raise ValueError(f"tone style must be one of {', '.join(TONE_STYLES)}")


def _finish(text: str, encoding: str, tone_style: str, restore_case: bool) -> str:
    if restore_case and encoding in CASELESS:
        text = restore_capitals(text, encoding)
    if tone_style != "keep":
        text = normalise_tones(text, tone_style)
    return text


def convert_piece(text: str, encoding: str) -> str:
    """One piece of text known to be in ``encoding`` (a detection label) as NFC, no casing."""
    if encoding in ("ascii", "unicode", "unicode-decomposed"):
        return unicodedata.normalize("NFC", text)
    if encoding in ("mojibake", "ncr"):
        return repair.repair(text, encoding)
    return decode_chars(text, encoding)


def to_unicode(
    text: str,
    encoding: str | None = None,
    *,
    tone_style: str = "keep",
    restore_case: bool = True,
) -> str:
    """``text`` as Unicode NFC; detected when ``encoding`` is None, mixed text span by span."""
    _check_style(tone_style)
    if encoding is not None:
        name = canonical_name(encoding)
        return _finish(convert_piece(text, name), name, tone_style, restore_case)
    from editor_app.validation.text.detect import detect_text  # loaded only when needed

    detection = detect_text(text)
    if detection.encoding != "mixed" or not detection.spans:
        label = detection.encoding if detection.encoding != "mixed" else "unicode"
        return _finish(convert_piece(text, label), label, tone_style, restore_case)
    pieces = []
    for span in detection.spans:
        piece = convert_piece(text[span.start:span.end], span.encoding)
        pieces.append(_finish(piece, span.encoding, "keep", restore_case))
    return _finish("".join(pieces), "unicode", tone_style, False)


def to_unicode_bytes(
    data: bytes,
    encoding: str | None = None,
    *,
    tone_style: str = "keep",
    restore_case: bool = True,
) -> str:
    """File contents as Unicode NFC; detected when ``encoding`` is None."""
    _check_style(tone_style)
    from editor_app.validation.text.detect import detect_bytes

    name = canonical_name(encoding) if encoding else detect_bytes(data).encoding
    if name == "mixed":
        return _mixed_bytes(data, tone_style, restore_case)
    if name in CASELESS and restore_case:
        text = restore_capitals_bytes(data, decode_raw(data, name), name)
        return _finish(nfc(text), name, tone_style, False)
    if name in LEGACY_ENCODINGS:
        return _finish(decode_bytes(data, name), name, tone_style, restore_case)
    text = decode_bytes(data, "unicode")
    return _finish(convert_piece(text, name), name, tone_style, restore_case)


def _mixed_bytes(data: bytes, tone_style: str, restore_case: bool) -> str:
    """Line by line: UTF-8 lines as Unicode (repairing what needs it), the rest as legacy."""
    from editor_app.validation.text.detect import detect_bytes

    detection = detect_bytes(data)
    pieces = []
    for span in detection.spans:
        chunk = data[span.start:span.end]
        if span.encoding in LEGACY_ENCODINGS:
            piece = _finish(decode_bytes(chunk, span.encoding), span.encoding, "keep", restore_case)
        else:
            piece = convert_piece(decode_bytes(chunk, "unicode"), span.encoding)
        pieces.append(piece)
    return _finish("".join(pieces), "unicode", tone_style, False)


def convert_stream(
    source: BinaryIO,
    target: BinaryIO,
    encoding: str | None = None,
    *,
    tone_style: str = "keep",
    restore_case: bool = True,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = stream.CHUNK_SIZE,
) -> str:
    """Convert ``source`` into UTF-8 NFC on ``target`` chunk by chunk; returns the encoding used.

    The output is the same as :func:`to_unicode_bytes` on the whole file, for any chunk size.
    ``progress`` receives the number of source bytes done so far after each chunk.
    """
    _check_style(tone_style)
    if encoding:
        name = canonical_name(encoding)
    else:
        from editor_app.validation.text.detect import detect_stream

        name = detect_stream(source).encoding
    convert = chunk_converter(name, tone_style, restore_case)
    done = 0
    for piece in stream.pieces(source, chunk_size):
        target.write(convert(piece))
        done += piece.hi - piece.lo
        if progress is not None:
            progress(done)
    return name


def chunk_converter(name: str, tone_style: str, restore_case: bool) -> stream.ChunkConverter:
    """The fastest exact way to convert chunks of ``name`` text."""
    if name in CASELESS and restore_case:
        return stream.caseless_converter(name, tone_style)
    if name in ("vni", "cp1258") and tone_style == "keep":
        return stream.word_converter(name)

    def convert(piece: stream.Piece) -> bytes:
        return _convert_chunk(piece.chunk, name, tone_style, restore_case).encode("utf-8")

    return convert


def _convert_chunk(data: bytes, name: str, tone_style: str, restore_case: bool) -> str:
    if name == "mixed":
        return to_unicode_bytes(data, None, tone_style=tone_style, restore_case=restore_case)
    return to_unicode_bytes(data, name, tone_style=tone_style, restore_case=restore_case)
