"""Chunked conversion of large text files: flat memory, close to C speed, chunk-independent.

A file is cut into chunks at line ends (at spaces, or before an ASCII byte, only for lines longer
than two chunks), so no letter is split from its tone byte. Each chunk is handed over with a
little context before and after it, which the capital restorer needs to see sentence ends and
wrapped institution names across a cut; the output does not depend on the chunk size (except for
absurd input: megabyte lines, kilobytes of blanks inside a sentence start, see docs/encodings.md).

Two fast paths avoid the slow general steps:

* TCVN3 and VPS: ``codecs.charmap_decode`` (one character per byte), capital restoration by
  :class:`~capitals_bytes.CapitalRestorer`, and NFC only when the chunk holds a combining-mark
  byte (no other byte of these charsets can change under NFC).
* VNI and Windows-1258 put tone marks after the letter, which otherwise needs CPython's NFC
  (slow: it decomposes and recomposes every character). Vietnamese text has only a few thousand
  distinct words, so chunks are split on spaces and each word is converted once and remembered as
  UTF-8 bytes (:class:`WordCache`); ``b" ".join(map(cache.__getitem__, ...))`` stays in C for
  known words. Text with too many distinct words (random bytes, huge tokens) falls back to the
  whole-chunk conversion.
"""

from __future__ import annotations

import codecs as _stdlib_codecs
import unicodedata
from collections.abc import Callable, Iterator

from editor_app.validation.text.capitals_bytes import CapitalRestorer
from editor_app.validation.text.codecs import byte_meanings, decode_bytes, decode_raw, nfc
from editor_app.validation.text.records import FrozenRecord
from editor_app.validation.text.tones import normalise_tones

TYPE_CHECKING = False  # typing is not imported at run time (faster CLI start)
if TYPE_CHECKING:
    from typing import Protocol

    class Readable(Protocol):
        """What :func:`pieces` reads from: a binary file, or a window of one."""

        def read(self, size: int, /) -> bytes: ...

CHUNK_SIZE = 1 << 20  # ~1 MB: big enough to amortise per-chunk work, small enough for the caches
CONTEXT = 2048        # bytes before a chunk the capital restorer sees
LOOKAHEAD = 1024      # bytes after a chunk it sees
LONG_LINE_CHUNKS = 2   # a line longer than this many chunks is cut at a space (memory bound)
ALLOCATOR_HINT = 16 << 20  # see _keep_chunk_memory (glibc honours up to 32 MiB)
_MAX_WORDS = 1 << 16   # words remembered per stream
_MAX_WORD = 64         # longer "words" are converted but not remembered


class Piece(FrozenRecord):
    """``data[lo:hi]`` is the chunk; the bytes around it are context only."""

    __slots__ = ("data", "lo", "hi", "first")  # noqa: RUF023 (repr order)
    data: bytes
    lo: int
    hi: int
    first: bool

    def __init__(self, data: bytes, lo: int, hi: int, first: bool) -> None:
        self._set("data", data)
        self._set("lo", lo)
        self._set("hi", hi)
        self._set("first", first)

    @property
    def chunk(self) -> bytes:
        return self.data[self.lo:self.hi]


def _cut(buffer: bytes, limit: int) -> int:
    """End of a chunk within ``buffer[:limit]``: after the last newline, else 0."""
    return buffer.rfind(b"\n", 0, limit) + 1


def _cut_long_line(buffer: bytes) -> int:
    """A line too long to keep whole: after the last space or tab, else before the last ASCII
    byte (tone bytes of VNI and Windows-1258 are never ASCII), else everywhere."""
    for separator in (b" ", b"\t"):
        index = buffer.rfind(separator)
        if index > 0:
            return index + 1
    for index in range(len(buffer) - 1, max(0, len(buffer) - 4096), -1):
        if buffer[index] < 0x80:
            return index
    return len(buffer)


def _keep_chunk_memory() -> None:
    """Make the C allocator keep the chunks' buffers instead of mapping fresh pages each time.

    glibc serves blocks above its mmap threshold (128 KiB at start) with fresh pages and returns
    them on free, so every megabyte-sized buffer of every chunk page-faulted again: a fifth of a
    TCVN3 conversion was spent in the kernel. Freeing one mapped block raises that threshold to
    the block's size (the dynamic threshold of mallopt(3)); ``bytes(n)`` is calloc'd and never
    touched, so this costs neither time nor memory. Other allocators simply ignore it."""
    del_after_use = bytes(ALLOCATOR_HINT)
    del del_after_use


def pieces(
    source: Readable, chunk_size: int, before: bytes = b"", first: bool = True, tail: int = 0,
) -> Iterator[Piece]:
    """The chunks of ``source`` with their context.

    A part of a larger file (:mod:`parallel`) passes the bytes that precede it as ``before``,
    ``first=False`` unless it starts the file, and reads on ``tail`` bytes (at most
    ``LOOKAHEAD``) past its end, which are context only."""
    _keep_chunk_memory()
    buffer, eof = b"", False
    while True:
        if not eof:
            block = source.read(chunk_size)
            eof = not block
            buffer = buffer + block if buffer else block
        if eof:
            end = max(0, len(buffer) - tail)
        else:
            end = _cut(buffer, len(buffer) - LOOKAHEAD)
            if not end and len(buffer) < LONG_LINE_CHUNKS * chunk_size + LOOKAHEAD:
                continue  # read on until the line ends
            end = end or _cut_long_line(buffer[: len(buffer) - LOOKAHEAD])
        if not end:
            return
        # the whole buffer goes along: what follows the chunk is its lookahead
        yield Piece(before + buffer, len(before), len(before) + end, first)
        before, first = buffer[max(0, end - CONTEXT):end], False
        buffer = buffer[end:]


class WordCache(dict[bytes, bytes]):
    """Legacy word -> UTF-8 NFC bytes, filled on first sight (bounded)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self.encoding = encoding
        self.misses = 0

    def __missing__(self, word: bytes) -> bytes:
        self.misses += 1
        value = decode_bytes(word, self.encoding).encode("utf-8")
        if len(word) <= _MAX_WORD:
            if len(self) >= _MAX_WORDS:
                self.clear()
            self[word] = value
        return value


ChunkConverter = Callable[[Piece], bytes]


def word_converter(encoding: str) -> ChunkConverter:
    """VNI or Windows-1258 chunks through a :class:`WordCache`; whole chunks while words keep
    being new (then the cache costs more than it saves)."""
    cache = WordCache(encoding)
    lookup = cache.__getitem__
    skip = 0

    def convert(piece: Piece) -> bytes:
        nonlocal skip
        chunk = piece.chunk
        if chunk.isascii():
            return chunk
        if skip:
            skip -= 1
            return decode_bytes(chunk, encoding).encode("utf-8")
        cache.misses = 0
        words = chunk.split(b" ")
        out = b" ".join(map(lookup, words))
        if cache.misses * 4 > len(words):
            skip = 8
        return out

    return convert


def caseless_converter(encoding: str, tone_style: str) -> ChunkConverter:
    """TCVN3 or VPS chunks with their lost capitals restored."""
    restorer = CapitalRestorer(encoding)
    marks = [bytes([b]) for b, meaning in enumerate(byte_meanings(encoding))
             if any(unicodedata.combining(ch) for ch in meaning)]
    decoding = decode_raw(bytes(range(256)), encoding)

    def convert(piece: Piece) -> bytes:
        data = piece.data
        text = _stdlib_codecs.charmap_decode(data, "strict", decoding)[0]
        text = restorer.restore(data, text, piece.lo, piece.hi, piece.first)
        if any(data.find(mark, piece.lo, piece.hi) >= 0 for mark in marks):
            text = nfc(text)  # memchr per mark byte: cheaper than asking unicodedata
        if tone_style != "keep":
            text = normalise_tones(text, tone_style)
        return text.encode("utf-8")

    return convert
