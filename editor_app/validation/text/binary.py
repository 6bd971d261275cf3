"""Is a file text at all? The CLI's guard before detecting or converting an encoding.

Every byte sequence decodes as *some* 8-bit charset, so a JPEG "detects" as TCVN3 and "converts"
into garbage. Text in any encoding this engine reads has no NUL byte (UTF-16 announces itself
with a byte-order mark) and few control codes; the codes VISCII and VPS spend on capitals
(0x02 Ẳ, 0x14 Ỷ …) are allowed, the rest are not. Reads the head only, so it is instant on a
large file, and imports nothing heavy (the CLI starts fast).
"""

from __future__ import annotations

HEAD_BYTES = 64 * 1024
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Control codes text can hold: tab, LF, VT, FF, CR, SUB, ESC, and the VISCII/VPS capitals.
_TEXT_CONTROLS = frozenset((9, 10, 11, 12, 13, 26, 27, 2, 3, 4, 5, 6, 16, 17, 18, 19, 20, 21,
                            25, 28, 29, 30))
_STRAY = bytes(b for b in (*range(32), 127) if b not in _TEXT_CONTROLS)
_STRAY_SHARE = 0.02


def looks_binary(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) cannot be text in any supported encoding."""
    if not head or head.startswith(_BOMS):
        return False
    if b"\x00" in head:
        return True
    stray = len(head) - len(head.translate(None, _STRAY))
    return stray > max(2, len(head) * _STRAY_SHARE)


def file_looks_binary(path: str) -> bool:
    with open(path, "rb") as handle:
        return looks_binary(handle.read(HEAD_BYTES))
