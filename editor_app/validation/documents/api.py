"""Reading and converting documents as units send them: DOC, DOCX, RTF, ODT, PDF, TXT, HTML."""

from __future__ import annotations

import zipfile
from pathlib import Path

from editor_app.validation.documents.errors import DocumentError, UnfixableDocumentError
from editor_app.validation.documents.model import Document
from editor_app.validation.documents.report import ConversionReport
from editor_app.validation.documents.runs import plan_document
from editor_app.validation.text.fonts import DEFAULT_UNICODE_FONT

KINDS = ("doc", "docx", "rtf", "odt", "pdf", "txt", "html")
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024


def detect_kind(path: Path) -> str:
    """The document kind from the file's first bytes (extensions lie; content does not)."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
        return "html"
    return "txt"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and b"opendocument.text" in archive.read("mimetype")[:100]:
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise DocumentError(f"Tệp ZIP bị hỏng: {exc}", f"Damaged ZIP container: {exc}") from exc
    raise DocumentError("Tệp ZIP này không phải tài liệu DOCX hoặc ODT.",
                        "This ZIP file is neither a DOCX nor an ODT document.")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError("Tệp quá lớn để đọc như một văn bản.",
                            "The file is too large to read as a document.")
    return path.read_bytes()


def read_document(path: Path, kind: str | None = None) -> Document:
    """Every run of ``path`` with its raw text and font; kind detected from content when None."""
    path = Path(path)
    try:
        kind = kind or detect_kind(path)
    except OSError as exc:
        raise DocumentError(f"Không đọc được tệp: {exc}", f"Cannot read the file: {exc}") from exc
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    if kind == "doc":
        from editor_app.validation.documents.doc import read_doc

        return read_doc(_read_bytes(path))
    if kind == "rtf":
        from editor_app.validation.documents.rtf import read_rtf

        return read_rtf(_read_bytes(path))
    if kind == "docx":
        from editor_app.validation.documents.docx import read_docx

        return read_docx(path)
    if kind == "pdf":
        from editor_app.validation.documents.pdf_text import read_pdf

        return read_pdf(path)
    from editor_app.validation.documents.plain import read_html, read_odt, read_txt

    reader = {"odt": read_odt, "txt": read_txt, "html": read_html}[kind]
    return reader(path)


def convert_document(src: Path, out: Path, *, from_encoding: str | None = None,
                     tone_style: str = "keep",
                     unicode_font: str = DEFAULT_UNICODE_FONT) -> ConversionReport:
    """Convert ``src`` to a Unicode DOCX at ``out``; the original is never touched.

    DOCX is rewritten in place on a copy (every other property kept); DOC and RTF become a new
    DOCX keeping paragraphs, runs, bold/italic, tables and headings. A PDF raises
    UnfixableDocumentError: its glyphs are the legacy ones, only the source document can be fixed.
    """
    src, out = Path(src), Path(out)
    if out.exists() and src.resolve() == out.resolve():
        raise DocumentError("Tệp kết quả phải khác tệp gốc.",
                            "The output must be a different file from the original.")
    kind = detect_kind(src)
    report = ConversionReport(source=str(src), output=str(out), kind=kind,
                              unicode_font=unicode_font)
    if kind == "pdf":
        raise UnfixableDocumentError(
            "Không thể chuyển mã tệp PDF: hãy yêu cầu gửi văn bản gốc (DOC/DOCX) để chuyển sang "
            "Unicode.",
            "A PDF cannot be converted: ask for the source document (DOC/DOCX) and convert that.",
        )
    if kind == "docx":
        _convert_docx(src, out, report, from_encoding, tone_style, unicode_font)
        return report
    if kind not in ("doc", "rtf"):
        raise DocumentError(
            f"Chuyển đổi tài liệu chỉ dành cho DOCX, DOC và RTF (tệp này là {kind.upper()}).",
            f"Document conversion handles DOCX, DOC and RTF (this file is {kind.upper()}).",
        )
    from editor_app.validation.documents.writer import write_docx

    document = read_document(src, kind)
    plan = plan_document(document, from_encoding)
    write_docx(document, plan, out, report, unicode_font=unicode_font, tone_style=tone_style)
    report.lost.extend(document.warnings)
    return report


def _convert_docx(src: Path, out: Path, report: ConversionReport, from_encoding: str | None,
                  tone_style: str, unicode_font: str) -> None:
    from editor_app.validation.documents.docx import open_package, read_package
    from editor_app.validation.documents.docx_convert import convert_package, write_package

    package = open_package(src)
    document = read_package(package)
    plan = plan_document(document, from_encoding)
    report.runs_total = len(package.elements)
    convert_package(package, document, plan, report, unicode_font=unicode_font,
                    tone_style=tone_style)
    write_package(package, src, out)
