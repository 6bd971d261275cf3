"""Identify a file by its bytes, never by its name.

A renamed executable is the classic way past a portal's filter, so the format comes only from the
content: magic numbers, container directories (which streams an OLE file holds, which parts a ZIP
holds) and, for text, whether the bytes read as text at all. Only the first 64 KiB and, where the
format puts its signature there, the last 512 bytes are read, so sniffing a 4 GB video is instant.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64 * 1024

SCRIPT_EXTENSIONS = (
    ".bat", ".cmd", ".com", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
    ".hta", ".sh", ".bash", ".py", ".pl", ".rb", ".php", ".scr", ".lnk", ".reg", ".msc", ".jar",
)
_ASF_GUID = bytes.fromhex("3026B2758E66CF11A6D900AA0062CE6C")
_ASF_VIDEO_MEDIA = bytes.fromhex("C0EF19BC4D5BCF11A8FD00805F5C442B")
_MP4_OTHER_BRANDS = {
    b"qt  ": ("mov", "QuickTime MOV"), b"heic": ("heic", "HEIC"), b"heix": ("heic", "HEIC"),
    b"mif1": ("heic", "HEIF"), b"avif": ("avif", "AVIF"), b"crx ": ("cr3", "Canon CR3"),
}
_SIMPLE_MAGIC: tuple[tuple[bytes, str, str, bool], ...] = (
    # (prefix, kind, label, dangerous); allowed formats are handled separately below
    (b"MZ", "exe", "Windows executable (EXE/DLL)", True),
    (b"\x7fELF", "elf", "Linux executable (ELF)", True),
    (b"\xfe\xed\xfa\xce", "macho", "macOS executable (Mach-O)", True),
    (b"\xfe\xed\xfa\xcf", "macho", "macOS executable (Mach-O)", True),
    (b"\xce\xfa\xed\xfe", "macho", "macOS executable (Mach-O)", True),
    (b"\xcf\xfa\xed\xfe", "macho", "macOS executable (Mach-O)", True),
    (b"\xca\xfe\xba\xbe", "macho", "macOS/Java executable", True),
    (b"\x00asm", "wasm", "WebAssembly module", True),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "lnk", "Windows shortcut (LNK)", True),
    (b"#!", "script", "script", True),
    (b"vhdxfile", "disk-image", "disk image (VHDX)", True),
    (b"conectix", "disk-image", "disk image (VHD)", True),
    (b"KDMV", "disk-image", "disk image (VMDK)", True),
    (b"QFI\xfb", "disk-image", "disk image (QCOW)", True),
    (b"7z\xbc\xaf\x27\x1c", "7z", "7-Zip archive", False),
    (b"\x1f\x8b", "gzip", "GZIP archive", False),
    (b"BZh", "bzip2", "BZIP2 archive", False),
    (b"\xfd7zXZ\x00", "xz", "XZ archive", False),
    (b"\x28\xb5\x2f\xfd", "zstd", "Zstandard archive", False),
    (b"MSCF", "cab", "Windows cabinet (CAB)", True),
    (b"{\\rtf", "rtf", "RTF", False),
    (b"RIFF", "riff", "RIFF", False),
    (b"II*\x00", "tiff", "TIFF", False),
    (b"MM\x00*", "tiff", "TIFF", False),
)


@dataclass(frozen=True)
class Sniffed:
    """What the bytes are: an allowed ``format_id`` or None, a short ``kind`` and a label."""

    format_id: str | None
    kind: str
    label: str
    dangerous: bool = False
    detail: str = ""


def sniff(path: Path, name: str | None = None) -> Sniffed:
    """Identify ``path``; ``name`` is the file name the user sees (scripts are known by it)."""
    name = (name or path.name).lower()
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        size = handle.seek(0, 2)
        tail = b""
        if size > len(head):
            handle.seek(max(size - 512, 0))
            tail = handle.read(512)
    if not head:
        return Sniffed(None, "empty", "empty file")
    return (
        _sniff_allowed(path, head)
        or _sniff_magic(head, tail)
        or _sniff_text(head, name)
        or Sniffed(None, "unknown", "unknown binary")
    )


def _sniff_allowed(path: Path, head: bytes) -> Sniffed | None:
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", "pdf", "PDF")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(path)
    if head.startswith(b"Rar!\x1a\x07\x00"):
        return Sniffed("rar", "rar", "RAR 4")
    if head.startswith(b"Rar!\x1a\x07\x01\x00"):
        return Sniffed("rar", "rar", "RAR 5")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _sniff_ole(path)
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpg", "jpg", "JPEG")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("gif", "gif", "GIF")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png", "png", "PNG")
    if head.startswith(b"8BPS\x00\x01") or head.startswith(b"8BPS\x00\x02"):
        return Sniffed("psd", "psd", "PSD")
    if head.startswith(b"BM") and _plausible_bmp(head):
        return Sniffed("bmp", "bmp", "BMP")
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI "):
        if head[8:12] == b"WAVE":
            return Sniffed("wav", "wav", "WAV")
        return Sniffed("avi", "avi", "AVI")
    if head.startswith(_ASF_GUID):
        if _ASF_VIDEO_MEDIA in head:
            return Sniffed("wmv", "asf", "WMV (ASF)")
        return Sniffed("wma", "asf", "WMA (ASF)")
    if head.startswith(b"ID3") or _mpeg_audio_frames(head):
        return Sniffed("mp3", "mp3", "MP3")
    return None


def _plausible_bmp(head: bytes) -> bool:
    if len(head) < 26:
        return False
    header_size = struct.unpack_from("<I", head, 14)[0]
    return header_size in (12, 40, 52, 56, 64, 108, 124)


def _sniff_ftyp(head: bytes) -> Sniffed:
    brand = head[8:12]
    if brand in _MP4_OTHER_BRANDS:
        kind, label = _MP4_OTHER_BRANDS[brand]
        return Sniffed(None, kind, label)
    if brand.startswith(b"3g"):
        return Sniffed(None, "3gp", "3GP video")
    return Sniffed("mp4", "mp4", "MP4", detail=brand.decode("latin-1").strip())


_MPEG_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_MPEG_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_length(header: bytes) -> int:
    """Length of the MPEG layer III frame starting with ``header``, or 0 if it is not one."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return 0
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer != 1 or rate_index == 3 or bitrate_index in (0, 15):
        return 0
    bitrate = _MPEG_BITRATES[bitrate_index] * 1000
    if version != 3:  # MPEG 2/2.5 layer III bitrates differ; a rough table is enough to sync
        bitrate //= 2
    rate = _MPEG_RATES[version][rate_index]
    factor = 144 if version == 3 else 72
    return factor * bitrate // rate + ((header[2] >> 1) & 1)


def _mpeg_audio_frames(head: bytes) -> bool:
    """Three consecutive frame headers in a row: a raw MP3 without an ID3 tag."""
    offset = 0
    for _ in range(3):
        length = _mpeg_frame_length(head[offset:offset + 4])
        if length < 24:
            return False
        offset += length
        if offset + 4 > len(head):
            return True
    return True


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = _zip_mimetype(archive, names)
    except Exception:  # any damage (bad zlib data, odd compression …): the ZIP inspector says so
        return Sniffed("zip", "zip", "ZIP", detail="unreadable")
    lowered = {n.lower() for n in names}
    if "[content_types].xml" in lowered:
        if any(n.startswith("word/") for n in lowered):
            return Sniffed("docx", "docx", "DOCX")
        if any(n.startswith("xl/") for n in lowered):
            return Sniffed(None, "xlsx", "Excel workbook (XLSX)")
        if any(n.startswith("ppt/") for n in lowered):
            return Sniffed(None, "pptx", "PowerPoint (PPTX)")
    if mimetype:
        if mimetype in ("application/vnd.oasis.opendocument.text",
                        "application/vnd.oasis.opendocument.text-template"):
            return Sniffed("odt", "odt", "ODT")
        return Sniffed(None, "odf", f"OpenDocument ({mimetype.rsplit('.', 1)[-1]})")
    if "androidmanifest.xml" in lowered:
        return Sniffed(None, "apk", "Android app (APK)", dangerous=True)
    if "meta-inf/manifest.mf" in lowered and any(n.endswith(".class") for n in lowered):
        return Sniffed(None, "jar", "Java program (JAR)", dangerous=True)
    return Sniffed("zip", "zip", "ZIP")


def _zip_mimetype(archive: zipfile.ZipFile, names: list[str]) -> str:
    if "mimetype" not in names:
        return ""
    info = archive.getinfo("mimetype")
    if info.file_size > 200:
        return ""
    return archive.read(info).decode("ascii", "replace").strip()


def _sniff_ole(path: Path) -> Sniffed:
    import olefile  # oletools' dependency; imported here so sniffing plain files stays light

    try:
        with olefile.OleFileIO(str(path)) as ole:
            listing = ole.listdir(streams=True, storages=True)
            streams = {"/".join(entry).lower() for entry in listing}
            clsid = (ole.root.clsid or "").upper() if ole.root else ""
    except Exception:  # olefile raises bare OSError/struct errors on damage: the inspector says so
        return Sniffed("doc", "ole", "OLE (Word?)", detail="unreadable")
    if "worddocument" in streams:
        return Sniffed("doc", "doc", "DOC")
    if clsid.startswith(("000C1084", "000C1086")):
        return Sniffed(None, "msi", "Windows installer (MSI)", dangerous=True)
    if "workbook" in streams or "book" in streams:
        return Sniffed(None, "xls", "Excel workbook (XLS)")
    if "powerpoint document" in streams:
        return Sniffed(None, "ppt", "PowerPoint (PPT)")
    if "encryptedpackage" in streams:
        return Sniffed(None, "encrypted-office", "password-protected Office document")
    return Sniffed(None, "ole", "OLE compound file")


def _sniff_magic(head: bytes, tail: bytes) -> Sniffed | None:
    for prefix, kind, label, dangerous in _SIMPLE_MAGIC:
        if head.startswith(prefix):
            if kind == "riff":
                return Sniffed(None, "riff", f"RIFF {head[8:12].decode('latin-1').strip()}")
            return Sniffed(None, kind, label, dangerous=dangerous)
    for offset in (0x8001, 0x8801, 0x9001):
        if head[offset:offset + 5] == b"CD001":
            return Sniffed(None, "disk-image", "disk image (ISO 9660)", dangerous=True)
    if b"koly" in tail[-512:-508] or tail[-512:].startswith(b"koly"):
        return Sniffed(None, "disk-image", "disk image (DMG)", dangerous=True)
    if tail[-512:].startswith(b"conectix"):
        return Sniffed(None, "disk-image", "disk image (VHD)", dangerous=True)
    if head[257:262] == b"ustar":
        return Sniffed(None, "tar", "TAR archive")
    return None


def _sniff_text(head: bytes, name: str) -> Sniffed | None:
    text = _as_text(head)
    if text is None:
        return None
    sample = text[:8192].lower()
    if any(name.endswith(ext) for ext in SCRIPT_EXTENSIONS) or sample.startswith("@echo off"):
        return Sniffed(None, "script", "script", dangerous=True)
    if "<script" in sample and ("<html" in sample or "<svg" in sample or "<body" in sample
                                or "<!doctype" in sample or "<head" in sample):
        return Sniffed(None, "html-script", "HTML with script", dangerous=True)
    if sample.lstrip("\ufeff \r\n\t").startswith(("<!doctype html", "<html")):
        return Sniffed(None, "html", "HTML")
    if "<svg" in sample[:2048]:
        return Sniffed(None, "svg", "SVG")
    return Sniffed("txt", "txt", "TXT")


def _as_text(head: bytes) -> str | None:
    """Text if the bytes read as UTF-8/UTF-16, or as 8-bit legacy text with few control codes.

    Legacy Vietnamese encodings (TCVN3, VNI …) are text too: the text engine decides which one
    and reports it, so they must not be thrown out here as "binary".
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].decode("utf-16", "ignore")
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a character cut by the 64 KiB head
            return head[:exc.start].decode("utf-8")
    if b"\x00" in head:
        return None
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 26, 27))
    if controls > len(head) // 20:  # TCVN3 and VISCII put capitals in 0x01-0x1F
        return None
    return head.decode("latin-1")
