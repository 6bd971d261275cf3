"""Exporting a draft as a Word document (.docx) for people who work in Word.

The body's HTML is walked with lxml and written with python-docx: headings, paragraphs with
bold/italic/underline, bulleted and numbered lists, tables, links (text with the address) and
inline images read from the blob source. The article's fields and its attachments with their
captions follow the body, so the document stands on its own.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import docx
import lxml.html
from docx.document import Document
from docx.shared import Inches
from docx.text.paragraph import Paragraph
from lxml import etree

from editor_app.core.articles import Article
from editor_app.core.interchange.model import BlobSource, inline_sha

log = logging.getLogger("editor_app.interchange")

_PICTURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
           "figure", "div", "hr", "img"}


class _Writer:
    def __init__(self, document: Document, blobs: BlobSource, article: Article) -> None:
        self.document, self.blobs = document, blobs
        self.media = {ref.sha256: ref.media_type for ref in article.attachments}

    def blocks(self, nodes: Iterable[etree._Element]) -> None:
        for node in nodes:
            self.block(node)

    def block(self, node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.inline(self.document.add_heading("", level=int(tag[1])), node)
        elif tag in ("ul", "ol"):
            self.list(node, tag, depth=1)
        elif tag == "table":
            self.table(node)
        elif tag == "blockquote":
            self.inline(self.document.add_paragraph(style="Quote"), node)
        elif tag in ("div", "figure") and any(child.tag in _BLOCKS for child in node):
            self.blocks(node)
        elif tag == "img":
            self.picture(self.document.add_paragraph(), node)
        elif tag != "hr":
            self.inline(self.document.add_paragraph(), node)

    def list(self, node: etree._Element, tag: str, depth: int) -> None:
        base = "List Number" if tag == "ol" else "List Bullet"
        style = base if depth == 1 else f"{base} {min(depth, 3)}"
        for item in node:
            if item.tag != "li":
                continue
            paragraph = self.document.add_paragraph(style=style)
            self.inline(paragraph, item, skip=("ul", "ol"))
            for nested in item:
                if nested.tag in ("ul", "ol"):
                    self.list(nested, nested.tag, depth + 1)

    def table(self, node: etree._Element) -> None:
        rows = [row for row in node.iter("tr")]
        width = max((len([c for c in row if c.tag in ("td", "th")]) for row in rows), default=0)
        if not rows or not width:
            return
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(x for x in row if x.tag in ("td", "th")):
                paragraph = table.cell(r, c).paragraphs[0]
                self.inline(paragraph, cell, bold=cell.tag == "th")

    def inline(self, paragraph: Paragraph, node: etree._Element, bold: bool = False,
               italic: bool = False, underline: bool = False,
               skip: tuple[str, ...] = ()) -> None:
        self.text(paragraph, node.text, bold, italic, underline)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in skip:
                pass
            elif tag == "br":
                paragraph.add_run().add_break()
            elif tag == "img":
                self.picture(paragraph, child)
            else:
                self.inline(paragraph, child, bold or tag in ("b", "strong", "th"),
                            italic or tag in ("i", "em"), underline or tag in ("u", "a"))
                href = child.get("href", "") if tag == "a" else ""
                if href and href != child.text_content().strip():
                    self.text(paragraph, f" ({href})", bold, italic, False)
            self.text(paragraph, child.tail, bold, italic, underline)

    @staticmethod
    def text(paragraph: Paragraph, value: str | None, bold: bool, italic: bool,
             underline: bool) -> None:
        if value:
            run = paragraph.add_run(" ".join(value.split("\n")))
            run.bold, run.italic, run.underline = bold or None, italic or None, underline or None

    def picture(self, paragraph: Paragraph, node: etree._Element) -> None:
        sha256 = inline_sha(node.get("src", ""))
        if sha256 is None or self.media.get(sha256) not in _PICTURE_TYPES:
            alt = node.get("alt", "")
            if alt:
                paragraph.add_run(f"[{alt}]")
            return
        try:
            with self.blobs.open(sha256) as handle:
                data = handle.read()
            paragraph.add_run().add_picture(io.BytesIO(data), width=Inches(5.5))
        except Exception as exc:  # a bad image must not lose the whole export
            log.warning("image %s left out of the DOCX export: %s", sha256, exc)
            paragraph.add_run("[ảnh]")


def export_docx(article: Article, blobs: BlobSource, out: Path) -> Path:
    """Writes ``article`` as a .docx at ``out`` (atomically); returns ``out``."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = article.title
    properties.author = article.pen_name or article.real_name
    properties.keywords = ", ".join(article.tags)
    properties.language = article.language
    document.add_heading(article.title or "(không tiêu đề)", level=0)
    if article.summary:
        run = document.add_paragraph().add_run(article.summary)
        run.bold = run.italic = True
    writer = _Writer(document, blobs, article)
    if article.body_html.strip():
        root = lxml.html.fragment_fromstring(article.body_html, create_parent="div")
        writer.blocks(root)
    _details(document, article)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".", suffix=".partial")
    os.close(fd)
    try:
        document.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def _details(document: Document, article: Article) -> None:
    """The article's fields and attachments, after the body."""
    rows = [("Bút danh", article.pen_name), ("Tác giả", article.real_name),
            ("Nguồn", article.source), ("Đơn vị", article.unit), ("Chuyên mục", article.category),
            ("Từ khoá", ", ".join(article.tags))]
    rows += [(str(key), _value(value)) for key, value in article.metadata.items()]
    rows += [(f"Tệp đính kèm: {ref.filename}", ref.caption) for ref in article.attachments]
    rows = [(label, value) for label, value in rows if value or label.startswith("Tệp")]
    if not rows:
        return
    document.add_heading("Thông tin bài viết", level=2)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value


def _value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items())
    return "" if value is None else str(value)
