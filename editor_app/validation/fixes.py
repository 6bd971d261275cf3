"""The safe automatic fixes for attachments; each writes a NEW file and never touches the original.

- ``strip-gps``: remove the EXIF GPS block (and XMP packets that mention GPS) from a JPEG without
  re-encoding it, so quality and the EXIF orientation stay exactly as they were; PNG is re-saved
  losslessly by Pillow with the cleaned EXIF.
- ``strip-properties``: blank author, last-modified-by, company and manager in DOCX (docProps) and
  ODT (meta.xml), copying every other part byte for byte.
- ``rename-extension``: a copy of the file under the extension its content really has.
"""

from __future__ import annotations

import re
import shutil
import struct
import zipfile
from pathlib import Path

from lxml import etree

from editor_app.core.errors import UserError

FIX_IDS = ("strip-gps", "strip-properties", "rename-extension")
_GPS_IFD = 0x8825
_CORE_BLANK = ("creator", "lastModifiedBy")
_APP_BLANK = ("Company", "Manager")
_ODF_META_BLANK = ("initial-creator", "creator")


class FixError(UserError):
    """The fix cannot be applied to this file (wrong format, damaged file)."""


def apply_fix(path: Path, fix_id: str, out: Path) -> Path:
    """Write the fixed copy of ``path`` to ``out`` (or next to it for renames); return its path."""
    path, out = Path(path), Path(out)
    if path.resolve() == out.resolve():
        raise FixError("Bản sửa không bao giờ ghi đè tệp gốc.",
                       "A fix never overwrites the original file.")
    from editor_app.validation.files.sniff import sniff

    format_id = sniff(path).format_id
    if fix_id == "strip-gps" and format_id == "jpg":
        out.write_bytes(strip_jpeg_gps(path.read_bytes()))
    elif fix_id == "strip-gps" and format_id == "png":
        _strip_png_gps(path, out)
    elif fix_id == "strip-properties" and format_id in ("docx", "odt"):
        _strip_package_properties(path, out, format_id)
    elif fix_id == "rename-extension" and format_id:
        from editor_app.validation.files.formats import FORMATS

        out = out.with_suffix(FORMATS[format_id].extensions[0])
        shutil.copyfile(path, out)
    else:
        kind = (format_id or "?").upper()
        raise FixError(f"Không áp dụng được cách sửa “{fix_id}” cho tệp {kind}.",
                       f"The fix “{fix_id}” does not apply to a {kind} file.")
    return out


def strip_jpeg_gps(data: bytes) -> bytes:
    """The JPEG with its EXIF GPS block removed, the compressed image data copied unchanged."""
    from PIL import Image

    if not data.startswith(b"\xff\xd8"):
        raise FixError("Tệp không phải JPEG.", "Not a JPEG file.")
    out, offset = bytearray(b"\xff\xd8"), 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            raise FixError("Tệp JPEG bị hỏng.", "The JPEG file is damaged.")
        marker = data[offset + 1]
        if marker == 0xDA:  # start of scan: the rest is image data, copied as is
            out += data[offset:]
            return bytes(out)
        length = struct.unpack(">H", data[offset + 2:offset + 4])[0]
        segment = data[offset:offset + 2 + length]
        body = segment[4:]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            exif = Image.Exif()
            exif.load(body[6:])
            exif.pop(_GPS_IFD, None)
            cleaned = exif.tobytes()
            out += b"\xff\xe1" + struct.pack(">H", len(cleaned) + 2) + cleaned
        elif marker == 0xE1 and b"http://ns.adobe.com/xap/1.0/" in body[:40] and b"GPS" in body:
            pass  # an XMP packet carrying GPS position: dropped whole
        else:
            out += segment
        offset += 2 + length
    raise FixError("Tệp JPEG bị cắt cụt.", "The JPEG file is truncated.")


def _strip_png_gps(path: Path, out: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        exif = image.getexif()
        exif.pop(_GPS_IFD, None)
        image.save(out, format="PNG", exif=exif.tobytes(), pnginfo=None)


def _strip_package_properties(path: Path, out: Path, format_id: str) -> None:
    """Copy the ZIP package entry by entry, rewriting only the property parts."""
    targets = {"docProps/core.xml": _CORE_BLANK, "docProps/app.xml": _APP_BLANK} \
        if format_id == "docx" else {"meta.xml": _ODF_META_BLANK}
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in targets:
                data = _blank_elements(data, targets[info.filename])
            target.writestr(info, data)


def _blank_elements(xml: bytes, local_names: tuple[str, ...]) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(xml, parser)
    for element in root.iter():
        if isinstance(element.tag, str) and re.sub(r"^\{.*\}", "", element.tag) in local_names:
            element.text = ""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
