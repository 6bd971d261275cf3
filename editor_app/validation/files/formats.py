"""The attachment formats a portal may accept, and the national defaults for their limits.

The ids are the profile's vocabulary (shared/REGULATIONS.md §2, 004 Điều 11.2); the profile module
owns the real per-portal values. Until a profile is available these defaults keep every check
working, so the inspector never depends on the profile engineer's code being present.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

MB = 1024 * 1024
GB = 1024 * MB


@dataclass(frozen=True)
class FormatInfo:
    """One allowed format: its id, a human name, the extensions it is usually saved under."""

    id: str
    name: str
    extensions: tuple[str, ...]
    family: str          # text, archive, image, video, audio
    default_max_bytes: int


FORMATS: Mapping[str, FormatInfo] = MappingProxyType({
    info.id: info
    for info in (
        FormatInfo("txt", "TXT", (".txt",), "text", 20 * MB),
        FormatInfo("doc", "DOC (Word 97–2003)", (".doc", ".dot"), "text", 50 * MB),
        FormatInfo("docx", "DOCX", (".docx", ".docm", ".dotx", ".dotm"), "text", 50 * MB),
        FormatInfo("odt", "ODT", (".odt", ".ott"), "text", 50 * MB),
        FormatInfo("pdf", "PDF", (".pdf",), "text", 100 * MB),
        FormatInfo("zip", "ZIP", (".zip",), "archive", 2 * GB),
        FormatInfo("rar", "RAR", (".rar",), "archive", 2 * GB),
        FormatInfo("bmp", "BMP", (".bmp", ".dib"), "image", 50 * MB),
        FormatInfo("jpg", "JPG", (".jpg", ".jpeg", ".jpe", ".jfif"), "image", 30 * MB),
        FormatInfo("gif", "GIF", (".gif",), "image", 20 * MB),
        FormatInfo("png", "PNG", (".png",), "image", 30 * MB),
        FormatInfo("psd", "PSD", (".psd",), "image", 500 * MB),
        FormatInfo("mp4", "MP4", (".mp4", ".m4v", ".m4a"), "video", 4 * GB),
        FormatInfo("avi", "AVI", (".avi",), "video", 4 * GB),
        FormatInfo("wmv", "WMV", (".wmv", ".asf"), "video", 4 * GB),
        FormatInfo("wma", "WMA", (".wma", ".asf"), "audio", 500 * MB),
        FormatInfo("mp3", "MP3", (".mp3",), "audio", 500 * MB),
        FormatInfo("wav", "WAV", (".wav",), "audio", 1 * GB),
    )
})

ALL_FORMAT_IDS: tuple[str, ...] = tuple(FORMATS)


@dataclass(frozen=True)
class AttachmentLimits:
    """What one portal accepts: the subset of :data:`FORMATS` and the limits that apply."""

    allowed: tuple[str, ...] = ALL_FORMAT_IDS
    max_bytes: Mapping[str, int] = field(
        default_factory=lambda: {fid: info.default_max_bytes for fid, info in FORMATS.items()}
    )
    min_image_width: int = 0
    min_image_height: int = 0
    require_signed_pdf_for_legal: bool = False
    # archive limits: not in the profile, the same for every portal
    max_archive_depth: int = 3
    max_archive_entries: int = 10_000
    max_unpacked_bytes: int = 4 * GB
    max_ratio: int = 100

    def max_for(self, format_id: str) -> int:
        return int(self.max_bytes.get(format_id, FORMATS[format_id].default_max_bytes))

    def allowed_names(self) -> str:
        """The allowed formats as a user reads them in a message: "TXT, DOC, …"."""
        return ", ".join(fid.upper() for fid in self.allowed)


DEFAULT_LIMITS = AttachmentLimits()


def extension_matches(format_id: str, filename: str) -> bool:
    name = filename.lower()
    return any(name.endswith(ext) for ext in FORMATS[format_id].extensions)
