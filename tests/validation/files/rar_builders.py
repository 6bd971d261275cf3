"""RAR 4 and RAR 5 archives written byte by byte from the published format descriptions.

No RAR writer is free software, so the fixtures are laid out here: the RAR 5 headers from RARLAB's
"RAR 5.0 archive format" technote, the RAR 4 headers from its "RAR 4.x" technote (technote.txt of
WinRAR 4), and the compressed data in the LZ bit streams those formats' decoders read (the
RAR 2.9 "Unpack29" stream for RAR 4, the "Unpack5" block stream for RAR 5).

The compressor is the simplest valid one: a single Huffman table in which every byte value is a
literal, and no matches. The output is therefore a little larger than the input, but every real
decoder (unrar, unar, libarchive's bsdtar) unpacks it to the original bytes and checks its CRC.
``garbage=True`` writes random bytes in place of the stream: an entry flagged compressed whose
content no tool can read, for the listing-only checks.
"""

from __future__ import annotations

import os
import stat
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

RAR4_SIGNATURE = b"Rar!\x1a\x07\x00"
RAR5_SIGNATURE = b"Rar!\x1a\x07\x01\x00"
_DOS_TIME = 0x5A210000   # 2025-01-01 00:00, a fixed time so fixtures are byte-identical


@dataclass(frozen=True)
class RarEntry:
    """One member: its bytes, and the header flags that make it hostile or ordinary."""

    name: str
    data: bytes = b""
    compressed: bool = True
    encrypted: bool = False   # flagged as encrypted (the data is left as written)
    symlink: str | None = None  # target of a Unix symbolic link
    directory: bool = False
    declared_size: int | None = None  # the unpacked size the header claims (bomb tests)
    garbage: bool = False     # compressed flag with undecodable data


class _Bits:
    """Most-significant-bit-first bit writer, as both RAR decoders read their input."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.count = 0

    def put(self, value: int, width: int) -> None:
        self.parts.append(format(value & ((1 << width) - 1), f"0{width}b"))
        self.count += width

    def to_bytes(self) -> bytes:
        bits = "".join(self.parts)
        bits += "0" * (-len(bits) % 8)
        return int(bits, 2).to_bytes(len(bits) // 8, "big") if bits else b""


def _payload(entry: RarEntry, rar5: bool) -> bytes:
    if entry.directory or (entry.symlink is not None and rar5):
        return b""
    if entry.symlink is not None:
        return entry.symlink.encode()
    if entry.garbage:
        return os.urandom(max(len(entry.data), 32))
    if not entry.compressed or entry.encrypted:
        return entry.data
    return _lz5(entry.data) if rar5 else _lz29(entry.data)


# --- RAR 5 ---------------------------------------------------------------------------------------
def _lz5(data: bytes) -> bytes:
    """One Unpack5 block: table present, last block; literal b has the 8-bit code b."""
    bits = _Bits()
    for index in range(20):  # bit-length table: symbol 0 and symbol 8 are both 1 bit long
        bits.put(1 if index in (0, 8) else 0, 4)
    for index in range(306 + 64 + 16 + 44):  # main, distance, low-distance, repeat tables
        bits.put(1 if index < 256 else 0, 1)  # '1' = length 8 (the literals), '0' = unused
    for byte in data:
        bits.put(byte, 8)
    body = bits.to_bytes()
    last_bits = bits.count - 8 * (len(body) - 1)
    size_bytes = max(1, (len(body).bit_length() + 7) // 8)
    flags = 0x80 | 0x40 | ((size_bytes - 1) << 3) | (last_bits - 1)
    size = len(body).to_bytes(size_bytes, "little")
    check = 0x5A ^ flags
    for byte in size:
        check ^= byte
    return bytes([flags, check]) + size + body


def _vint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _block5(kind: int, flags: int, fields: bytes, extra: bytes = b"", data: bytes = b"") -> bytes:
    if extra:
        flags |= 0x0001
    if data:
        flags |= 0x0002
    header = _vint(kind) + _vint(flags)
    header += (_vint(len(extra)) if extra else b"") + (_vint(len(data)) if data else b"")
    header += fields + extra
    header = _vint(len(header)) + header
    return struct.pack("<I", zlib.crc32(header)) + header + data


def _record(kind: int, body: bytes) -> bytes:
    body = _vint(kind) + body
    return _vint(len(body)) + body


def _file5(entry: RarEntry) -> bytes:
    data = _payload(entry, rar5=True)
    size = entry.declared_size if entry.declared_size is not None else len(entry.data)
    file_flags = 0x0002 | (0x0001 if entry.directory else 0x0004)
    method = 0 if entry.directory or entry.symlink is not None or not entry.compressed else 3
    mode = 0o120777 if entry.symlink else (0o040755 if entry.directory else 0o100644)
    fields = _vint(file_flags) + _vint(size) + _vint(mode) + struct.pack("<I", 1735689600)
    if not entry.directory:
        fields += struct.pack("<I", zlib.crc32(entry.data))
    name = entry.name.encode()
    fields += _vint(method << 7) + _vint(1) + _vint(len(name)) + name  # host OS 1 = Unix
    extra = b""
    if entry.encrypted:  # AES-256, version 0, no check value; 16-byte salt, 16-byte IV
        extra += _record(0x01, _vint(0) + _vint(0) + bytes([15]) + bytes(16) + bytes(16))
    if entry.symlink is not None:
        target = entry.symlink.encode()
        extra += _record(0x05, _vint(1) + _vint(0) + _vint(len(target)) + target)
    return _block5(2, 0, fields, extra, data)


def rar5_file(path: Path, entries: list[RarEntry]) -> Path:
    """A RAR 5 archive of ``entries``: main header, one file header each, end of archive."""
    out = RAR5_SIGNATURE + _block5(1, 0, _vint(0))
    out += b"".join(_file5(entry) for entry in entries)
    out += _block5(5, 0, _vint(0))
    path.write_bytes(out)
    return path


# --- RAR 4 ---------------------------------------------------------------------------------------
def _lz29(data: bytes) -> bytes:
    """An Unpack29 LZ block ending with the end-of-file code.

    Literals 0-254 have 8-bit codes equal to their value; literal 255 and symbol 256 (end of
    block) share the last 8-bit prefix with 9 bits each, so the code is complete.
    """
    bits = _Bits()
    bits.put(0, 1)  # LZ, not PPMd
    bits.put(0, 1)  # fresh tables
    lengths = {0: 1, 8: 2, 9: 2}  # bit-length code: '0' -> 0, '10' -> 8, '11' -> 9
    for index in range(20):
        bits.put(lengths.get(index, 0), 4)
    codes = {0: (0b0, 1), 8: (0b10, 2), 9: (0b11, 2)}
    for index in range(299 + 60 + 17 + 28):
        length = 8 if index < 255 else 9 if index in (255, 256) else 0
        bits.put(*codes[length])
    for byte in data:
        bits.put(*((byte, 8) if byte < 255 else (0b111111110, 9)))
    bits.put(0b111111111, 9)  # symbol 256: end of block ...
    bits.put(0b00, 2)        # ... and of the file, no new table
    return bits.to_bytes() + bytes(8)


def _block4(head_type: int, flags: int, body: bytes, add: bytes = b"") -> bytes:
    size = 7 + len(body)
    raw = struct.pack("<BHH", head_type, flags, size) + body
    return struct.pack("<H", zlib.crc32(raw) & 0xFFFF) + raw + add


def _file4(entry: RarEntry) -> bytes:
    data = _payload(entry, rar5=False)
    size = entry.declared_size if entry.declared_size is not None else len(entry.data)
    crc = zlib.crc32(entry.symlink.encode() if entry.symlink else entry.data)
    stored = entry.directory or entry.symlink is not None or not entry.compressed
    method = 0x30 if stored else 0x33
    version = 29 if method != 0x30 else 20
    flags = 0x8000 | (0x0004 if entry.encrypted else 0) | (0x00E0 if entry.directory else 0)
    host, mode = 2, 0x10 if entry.directory else 0x20  # Windows host: DOS attributes
    if entry.symlink is not None:  # only a Unix host can store a link: the mode says so
        host, mode, size = 3, stat.S_IFLNK | 0o777, len(entry.symlink.encode())
    name = entry.name.replace("/", "\\").encode()  # RAR 4 separates folders by backslashes
    if not name.isascii():
        flags |= 0x0200  # Unicode name, here in UTF-8 (no NUL-separated legacy copy)
    body = struct.pack("<IIBIIBBHI", len(data), size & 0xFFFFFFFF, host, crc, _DOS_TIME,
                       version, method, len(name), mode)
    if size > 0xFFFFFFFF:  # a 64-bit size: the high halves follow the attributes
        flags |= 0x0100
        body += struct.pack("<II", 0, size >> 32)
    body += name
    if entry.encrypted:
        flags |= 0x0400
        body += bytes(8)  # salt
    return _block4(0x74, flags, body, data)


def rar4_file(path: Path, entries: list[RarEntry]) -> Path:
    """A RAR 4 archive of ``entries``, headers CRC'd as the format requires."""
    out = RAR4_SIGNATURE + _block4(0x73, 0, b"\0" * 6)
    out += b"".join(_file4(entry) for entry in entries)
    out += _block4(0x7B, 0x4000, b"")
    path.write_bytes(out)
    return path
