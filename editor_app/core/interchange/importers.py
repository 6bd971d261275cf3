"""``import_file``: one entry point that picks the importer by content, not by file name.

A .docx renamed .doc, or an ODT saved with the wrong extension, still imports; a ZIP that is
neither is refused with a clear message. The legacy-encoding converter is a parameter (see
:class:`~editor_app.core.interchange.model.TextConverter`): the app passes the text engine's.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from editor_app.core.interchange.docx_import import import_docx
from editor_app.core.interchange.html_clean import clean_html
from editor_app.core.interchange.model import (
    ImportedDraft,
    InterchangeError,
    PlainConverter,
    TextConverter,
)
from editor_app.core.interchange.odt_import import ODT_MIMETYPE, import_odt
from editor_app.core.interchange.text_html import import_html, import_text

log = logging.getLogger("editor_app.interchange")

SUPPORTED_SUFFIXES = (".docx", ".odt", ".txt", ".html", ".htm")


def detect_kind(path: Path) -> str:
    """"docx", "odt", "html" or "txt", from the bytes first and the suffix second."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return "html"
    if suffix in (".txt", ".text", "") or _looks_textual(head):
        return "txt"
    raise InterchangeError(
        f"Không nhập được {path.name}: chỉ hỗ trợ DOCX, ODT, TXT và HTML.",
        f"Cannot import {path.name}: only DOCX, ODT, TXT and HTML are supported.",
    )


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype")[:100].strip() == \
                    ODT_MIMETYPE.encode():
                return "odt"
    except zipfile.BadZipFile as exc:
        raise InterchangeError(f"{path.name} là tệp nén hỏng.",
                               f"{path.name} is a damaged archive.") from exc
    raise InterchangeError(
        f"{path.name} là tệp nén nhưng không phải DOCX hay ODT (gói bản thảo dùng “Nhập gói”).",
        f"{path.name} is a ZIP but neither DOCX nor ODT (draft packages use Import package).",
    )


def _looks_textual(head: bytes) -> bool:
    return b"\x00" not in head.replace(b"\x00\x00", b"") or head[:2] in (b"\xff\xfe", b"\xfe\xff")


def import_file(path: Path, converter: TextConverter | None = None) -> ImportedDraft:
    """A new, unsaved draft from a DOCX, ODT, TXT or HTML file.

    ``converter`` repairs legacy Vietnamese encodings; without one, text is taken as Unicode.
    Raises :class:`InterchangeError` (a UserError) for anything it cannot read.
    """
    if not path.is_file():
        raise InterchangeError(f"Không tìm thấy tệp {path.name}.", f"File not found: {path.name}")
    chosen = converter or PlainConverter()
    kind = detect_kind(path)
    importer = {"docx": import_docx, "odt": import_odt, "html": import_html,
                "txt": import_text}[kind]
    try:
        draft = importer(path, chosen)
    except InterchangeError:
        raise
    except Exception as exc:
        # Parsers of untrusted files fail in many ways (python-docx raises AttributeError on
        # a damaged [Content_Types].xml); to the user all of them mean "this file is damaged".
        log.warning("import of %s failed", path.name, exc_info=True)
        raise InterchangeError(
            f"Không đọc được {path.name}: tệp bị hỏng hoặc không đúng định dạng.",
            f"Cannot read {path.name}: damaged or not a valid {kind.upper()} "
            f"({type(exc).__name__}).",
        ) from exc
    draft.article.title = " ".join(draft.article.title.split())
    # One sanitiser for every format: a DOCX hyperlink to "javascript:" is dropped like any other.
    draft.article.body_html = clean_html(draft.article.body_html)
    return draft
