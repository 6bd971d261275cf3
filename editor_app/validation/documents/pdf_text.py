"""PDF text layer with the font of every text chunk, to find legacy-font (TCVN3/VNI) PDFs.

A PDF printed from a `.VnTime` document keeps the legacy codes in its text layer: pypdf returns
them as their Windows-1252 characters, except that Acrobat's glyph names turn byte 0xAD ("ư") into
U+2212 MINUS SIGN and 0xB7 ("ã") into U+2219 BULLET OPERATOR; both are mapped back before the
run is decided. Such a file cannot be repaired (its glyphs are the legacy ones): the checks say so
and ask for the source document.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from editor_app.validation.documents.errors import damaged
from editor_app.validation.documents.model import Document, Paragraph, Run
from editor_app.validation.text.fonts import font_encoding

MAX_PAGES = 2000
_PDF_SUBSTITUTES = str.maketrans({"\u2212": "\xad", "\u2219": "\xb7"})


def _font_name(font_dict: Any) -> str | None:
    try:
        name = font_dict.get("/BaseFont") if font_dict else None
    except Exception:
        return None
    return str(name).lstrip("/") if name else None


def _page_paragraphs(page: Any) -> list[Paragraph]:
    chunks: list[tuple[str, str | None]] = []

    def visit(text: str, _cm: Any, _tm: Any, font_dict: Any, size: Any) -> None:
        if text:
            chunks.append((text, _font_name(font_dict)))

    page.extract_text(visitor_text=visit)
    paragraphs = [Paragraph()]
    for text, font in chunks:
        if font_encoding(font):
            text = text.translate(_PDF_SUBSTITUTES)
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if index:
                paragraphs.append(Paragraph())
            if line:
                _append(paragraphs[-1], Run(line, font=font))
    return [p for p in paragraphs if p.text.strip()]


def _append(paragraph: Paragraph, run: Run) -> None:
    if paragraph.runs and paragraph.runs[-1].font == run.font:
        paragraph.runs[-1].text += run.text
    else:
        paragraph.runs.append(run)


def read_pdf(path: Path) -> Document:
    """One part per page ("page 1", …) of paragraphs (text lines) with their fonts."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        document = Document(kind="pdf")
        fonts: set[str] = set()
        for number, page in enumerate(reader.pages, start=1):
            if number > MAX_PAGES:
                document.warnings.append(f"only the first {MAX_PAGES} pages were read")
                break
            paragraphs = _page_paragraphs(page)
            fonts.update(r.font for p in paragraphs for r in p.runs if r.font)
            document.part(f"page {number}").blocks.extend(paragraphs)
        document.fonts = sorted(fonts)
        return document
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, NotImplementedError) as exc:
        raise damaged("pdf", str(exc) or type(exc).__name__) from exc
