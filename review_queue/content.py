"""What an uploaded file really is, judged by its bytes (never by its name or the client's word).

Returns one of the format ids of the profiles (txt doc docx odt pdf zip rar bmp jpg gif png psd mp4
avi wmv wma mp3 wav), ``asf`` for a Windows Media container (wmv and wma share it), or ``""`` when
the content is none of them. Reads a few kilobytes and, for ZIP/OLE containers, the directory
only; deeper inspection is the attachment inspector's job (see :mod:`review_queue.validate`).
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import BinaryIO

import olefile

_ASF = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
_SIMPLE: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"), (b"Rar!\x1a\x07", "rar"), (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"), (b"GIF89a", "gif"), (b"\x89PNG\r\n\x1a\n", "png"),
    (b"8BPS", "psd"), (_ASF, "asf"), (b"ID3", "mp3"),
)
MEDIA_TYPES = {
    "txt": "text/plain", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text", "pdf": "application/pdf",
    "zip": "application/zip", "rar": "application/vnd.rar", "bmp": "image/bmp",
    "jpg": "image/jpeg", "gif": "image/gif", "png": "image/png",
    "psd": "image/vnd.adobe.photoshop", "mp4": "video/mp4", "avi": "video/x-msvideo",
    "asf": "video/x-ms-asf", "mp3": "audio/mpeg", "wav": "audio/wav",
}
_EXTENSIONS = {"jpeg": "jpg", "jpe": "jpg", "htm": "html"}
# Which detected kinds a file with this extension may hold.
_COMPATIBLE = {
    "wmv": {"asf"}, "wma": {"asf"}, "zip": {"zip", "docx", "odt"}, "doc": {"doc", "docx"},
}


def format_of_name(filename: str) -> str:
    """The format id a file name claims (``report.JPEG`` → ``jpg``)."""
    suffix = PurePath(filename).suffix.lower().lstrip(".")
    return _EXTENSIONS.get(suffix, suffix)


def content_matches(claimed: str, detected: str) -> bool:
    return detected == claimed or detected in _COMPATIBLE.get(claimed, set())


def detect(handle: BinaryIO) -> str:
    """The format of the seekable binary file ``handle`` by its content."""
    handle.seek(0)
    head = handle.read(4096)
    for magic, kind in _SIMPLE:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(handle)
    if head.startswith(olefile.MAGIC):
        return _ole_kind(handle)
    return _riff_or_media(head) or _text_kind(head)


def _zip_kind(handle: BinaryIO) -> str:
    try:
        handle.seek(0)
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist()[:10_000])
            small = "mimetype" in names and archive.getinfo("mimetype").file_size < 200
            if small and b"opendocument.text" in archive.read("mimetype"):
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return ""
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return "docx"
    return "zip"


def _ole_kind(handle: BinaryIO) -> str:
    try:
        handle.seek(0)
        with olefile.OleFileIO(handle) as ole:
            return "doc" if ole.exists("WordDocument") else ""
    except (OSError, ValueError, IndexError, TypeError):
        return ""


def _riff_or_media(head: bytes) -> str:
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return "avi"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"BM") and len(head) >= 18 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return "bmp"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"  # an MPEG audio frame header (layer bits set)
    return ""


def _text_kind(head: bytes) -> str:
    """Plain text in any of the encodings units use: no NUL bytes, few control characters."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"  # UTF-16 with a byte-order mark
    if not head or b"\x00" in head:
        return ""
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 26))
    return "txt" if controls <= len(head) // 100 else ""
