"""Importing a Word document (.docx): headings, paragraphs, emphasis, lists, tables, images.

python-docx gives paragraphs and tables in document order; lists are recognised from the
paragraph's numbering (bullet or numbered, read from the numbering part) or its list style, and
pictures are read from the relationships the runs point at. Every piece of text passes through the
:class:`TextConverter` with its font, so legacy TCVN3/VNI documents can be converted.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from editor_app.core.articles import Article
from editor_app.core.interchange.limits import check_zip
from editor_app.core.interchange.model import (
    ImportedDraft,
    ImportedFile,
    InterchangeError,
    TextConverter,
    inline_src,
)

_BLIP_EMBEDS = ".//a:blip/@r:embed"


class _Reader:
    """Walks one document and writes HTML; holds the state lists need between paragraphs."""

    def __init__(self, document: Document, converter: TextConverter, draft: ImportedDraft):
        self.document = document
        self.converter = converter
        self.draft = draft
        self.parts: list[str] = []
        self.open_list: str | None = None
        self.title = ""

    def read(self) -> None:
        for block in self.document.iter_inner_content():
            if isinstance(block, Paragraph):
                self.paragraph(block)
            else:
                self.close_list()
                self.parts.append(self.table(block))
        self.close_list()

    def paragraph(self, paragraph: Paragraph) -> None:
        style = paragraph.style.name if paragraph.style is not None else ""
        content = self.inline(paragraph).strip()
        list_kind = _list_kind(paragraph, style, self.document)
        if list_kind:
            if self.open_list != list_kind:
                self.close_list()
                self.parts.append(f"<{list_kind}>")
                self.open_list = list_kind
            self.parts.append(f"<li>{content}</li>")
            return
        self.close_list()
        if not content:
            return
        if style == "Title" and not self.title:
            self.title = _plain(paragraph, self.converter)
            return
        level = _heading_level(style)
        self.parts.append(f"<h{level}>{content}</h{level}>" if level else f"<p>{content}</p>")

    def close_list(self) -> None:
        if self.open_list:
            self.parts.append(f"</{self.open_list}>")
            self.open_list = None

    def inline(self, paragraph: Paragraph) -> str:
        pieces = []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                text = "".join(self.run(run) for run in item.runs)
                address = html.escape(item.address or "", quote=True)
                pieces.append(f'<a href="{address}">{text}</a>' if address else text)
            else:
                pieces.append(self.run(item))
        return "".join(pieces)

    def run(self, run: Run) -> str:
        images = "".join(self.image(rid) for rid in run._r.xpath(_BLIP_EMBEDS))
        text = html.escape(self.converter.fix(run.text, run.font.name))
        text = text.replace("\n", "<br>").replace("\t", " ")
        if text.strip():
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            if run.underline:
                text = f"<u>{text}</u>"
        return images + text

    def image(self, rid: str) -> str:
        part: Any = self.document.part.related_parts.get(rid)
        if part is None or not hasattr(part, "blob"):
            return ""
        name = Path(str(part.partname)).name
        item = self.draft.add_file(ImportedFile(name, part.blob, part.content_type, inline=True))
        return f'<img src="{inline_src(item.sha256)}" alt="">'

    def table(self, table: Table) -> str:
        rows = []
        for row in table.rows:
            seen: set[int] = set()
            cells = []
            for cell in row.cells:
                if id(cell._tc) in seen:        # a merged cell repeats; show it once
                    continue
                seen.add(id(cell._tc))
                text = "<br>".join(self.inline(p).strip() for p in cell.paragraphs)
                cells.append(f"<td>{text}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return "<table>" + "".join(rows) + "</table>"


def import_docx(path: Path, converter: TextConverter) -> ImportedDraft:
    check_zip(path)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InterchangeError(f"{path.name} không phải tệp Word (.docx) hợp lệ.",
                               f"{path.name} is not a valid Word (.docx) file: {exc}") from exc
    draft = ImportedDraft(Article())
    reader = _Reader(document, converter, draft)
    reader.read()
    core_title = converter.fix(document.core_properties.title or "").strip()
    draft.article.title = reader.title or core_title or _first_heading(reader.parts) or path.stem
    draft.article.body_html = "".join(reader.parts)
    return draft


def _plain(paragraph: Paragraph, converter: TextConverter) -> str:
    return " ".join(converter.fix(run.text, run.font.name) for run in paragraph.runs).strip()


def _heading_level(style: str) -> int:
    if style.startswith("Heading "):
        suffix = style.removeprefix("Heading ")
        if suffix.isdigit():
            return min(max(int(suffix), 1), 6)
    return 0


def _first_heading(parts: list[str]) -> str:
    for part in parts:
        if part.startswith("<h1>"):
            return html.unescape(part[4:-5]).strip()
    return ""


def _list_kind(paragraph: Paragraph, style: str, document: Document) -> str | None:
    """"ul", "ol" or None, from the paragraph's numbering or its list style."""
    num_ids = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if num_ids and num_ids[0] != "0":
        levels = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        return _numbering_kind(document, num_ids[0], levels[0] if levels else "0")
    if style.startswith("List Bullet"):
        return "ul"
    if style.startswith("List Number"):
        return "ol"
    return None


def _numbering_kind(document: Document, num_id: str, level: str) -> str:
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return "ul"
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
    if not abstract:
        return "ul"
    formats = numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]'
        "/w:numFmt/@w:val"
    )
    return "ul" if not formats or formats[0] in ("bullet", "none") else "ol"
