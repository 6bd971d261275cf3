"""Importing an OpenDocument text (.odt): read straight from the ZIP's content.xml with lxml.

No office suite is needed. Styles are resolved from the automatic styles and styles.xml (bold,
italic, underline and the font, which the legacy-text converter wants); lists are numbered or
bulleted according to their list style; pictures come from the archive's Pictures/ folder.
"""

from __future__ import annotations

import html
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from editor_app.core.articles import Article
from editor_app.core.interchange.limits import check_zip
from editor_app.core.interchange.model import (
    ImportedDraft,
    ImportedFile,
    InterchangeError,
    TextConverter,
    inline_src,
)

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
}
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def _q(prefixed: str) -> str:
    prefix, local = prefixed.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _parser() -> etree.XMLParser:
    """No DTDs, no entities, no network: an ODT is untrusted input."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    font: str | None = None
    parent: str | None = None


class _Styles:
    """Text/paragraph styles by name, following ``parent-style-name`` for what is not set."""

    def __init__(self, *roots: etree._Element) -> None:
        self.styles: dict[str, _Style] = {}
        self.list_kinds: dict[str, str] = {}
        for root in roots:
            for node in root.iter(_q("style:style")):
                self.styles[node.get(_q("style:name"), "")] = _read_style(node)
            for node in root.iter(_q("text:list-style")):
                first = next(iter(node), None)
                numbered = first is not None and first.tag == _q("text:list-level-style-number")
                self.list_kinds[node.get(_q("style:name"), "")] = "ol" if numbered else "ul"

    def get(self, name: str | None) -> _Style:
        result, seen = _Style(), set()
        chain = []
        while name and name in self.styles and name not in seen:
            seen.add(name)
            chain.append(self.styles[name])
            name = self.styles[name].parent
        for style in reversed(chain):           # the nearest style wins
            result = _Style(style.bold or result.bold, style.italic or result.italic,
                            style.underline or result.underline, style.font or result.font)
        return result

    def is_title(self, name: str | None) -> bool:
        seen = set()
        while name and name not in seen:
            if name == "Title":
                return True
            seen.add(name)
            name = self.styles[name].parent if name in self.styles else None
        return False


def _read_style(node: etree._Element) -> _Style:
    props = node.find(_q("style:text-properties"))
    style = _Style(parent=node.get(_q("style:parent-style-name")))
    if props is not None:
        style.bold = props.get(_q("fo:font-weight")) == "bold"
        style.italic = props.get(_q("fo:font-style")) == "italic"
        underline = props.get(_q("style:text-underline-style"))
        style.underline = bool(underline) and underline != "none"
        style.font = props.get(_q("style:font-name"))
    return style


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, styles: _Styles, converter: TextConverter,
                 draft: ImportedDraft) -> None:
        self.archive, self.styles, self.converter, self.draft = archive, styles, converter, draft
        self.title = ""

    def blocks(self, parent: etree._Element) -> str:
        out = []
        for node in parent:
            if node.tag == _q("text:p"):
                out.append(self.paragraph(node))
            elif node.tag == _q("text:h"):
                level = min(max(int(node.get(_q("text:outline-level"), "1") or 1), 1), 6)
                content = self.inline(node, self.styles.get(None)).strip()
                out.append(f"<h{level}>{content}</h{level}>" if content else "")
            elif node.tag == _q("text:list"):
                out.append(self.list(node))
            elif node.tag == _q("table:table"):
                out.append(self.table(node))
            elif node.tag == _q("text:section"):
                out.append(self.blocks(node))
        return "".join(out)

    def paragraph(self, node: etree._Element) -> str:
        style_name = node.get(_q("text:style-name"))
        content = self.inline(node, self.styles.get(style_name)).strip()
        if not content:
            return ""
        if self.styles.is_title(style_name) and not self.title:
            self.title = html.unescape(content)
            return ""
        return f"<p>{content}</p>"

    def list(self, node: etree._Element) -> str:
        kind = self.styles.list_kinds.get(node.get(_q("text:style-name"), ""), "ul")
        items = []
        for item in node.iter(_q("text:list-item")):
            if item.getparent() is not node:
                continue
            items.append("<li>" + "".join(self.list_item_part(child) for child in item) + "</li>")
        return f"<{kind}>" + "".join(items) + f"</{kind}>"

    def list_item_part(self, child: etree._Element) -> str:
        if child.tag in (_q("text:p"), _q("text:h")):
            return self.inline(child, self.styles.get(child.get(_q("text:style-name")))).strip()
        return self.list(child) if child.tag == _q("text:list") else ""

    def table(self, node: etree._Element) -> str:
        rows = []
        for row in node.iter(_q("table:table-row")):
            cells = []
            for cell in row:
                if cell.tag != _q("table:table-cell"):
                    continue
                text = "<br>".join(
                    self.inline(p, self.styles.get(p.get(_q("text:style-name")))).strip()
                    for p in cell.iter(_q("text:p"))
                )
                cells.append(f"<td>{text}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return "<table>" + "".join(rows) + "</table>"

    def inline(self, node: etree._Element, style: _Style) -> str:
        out = [self.text(node.text, style)]
        for child in node:
            out.append(self.inline_child(child, style))
            out.append(self.text(child.tail, style))
        return "".join(out)

    def inline_child(self, child: etree._Element, style: _Style) -> str:
        if child.tag == _q("text:span"):
            return self.inline(child, self.styles.get(child.get(_q("text:style-name"))))
        if child.tag == _q("text:a"):
            href = html.escape(child.get(_q("xlink:href"), ""), quote=True)
            return f'<a href="{href}">{self.inline(child, style)}</a>'
        if child.tag == _q("text:s"):
            return " " * min(int(child.get(_q("text:c"), "1") or 1), 100)
        if child.tag == _q("text:tab"):
            return " "
        if child.tag == _q("text:line-break"):
            return "<br>"
        if child.tag == _q("draw:frame"):
            return "".join(self.image(img) for img in child.iter(_q("draw:image")))
        return ""

    def text(self, value: str | None, style: _Style) -> str:
        if not value:
            return ""
        escaped = html.escape(self.converter.fix(value, style.font))
        if not escaped.strip():
            return escaped
        for flag, tag in ((style.bold, "b"), (style.italic, "i"), (style.underline, "u")):
            if flag:
                escaped = f"<{tag}>{escaped}</{tag}>"
        return escaped

    def image(self, node: etree._Element) -> str:
        href = posixpath.normpath(node.get(_q("xlink:href"), ""))
        if href.startswith(("/", "..")) or href not in self.archive.namelist():
            return ""
        data = self.archive.read(href)
        item = self.draft.add_file(ImportedFile(posixpath.basename(href), data, inline=True))
        return f'<img src="{inline_src(item.sha256)}" alt="">'


def import_odt(path: Path, converter: TextConverter) -> ImportedDraft:
    check_zip(path)
    try:
        with zipfile.ZipFile(path) as archive:
            content = etree.fromstring(archive.read("content.xml"), _parser())
            styles_xml = (etree.fromstring(archive.read("styles.xml"), _parser())
                          if "styles.xml" in archive.namelist() else etree.Element("none"))
            meta_title = _meta_title(archive, converter)
            draft = ImportedDraft(Article())
            reader = _Reader(archive, _Styles(styles_xml, content), converter, draft)
            body = content.find(f"{_q('office:body')}/{_q('office:text')}")
            if body is None:
                raise InterchangeError(f"{path.name} không có nội dung văn bản.",
                                       f"{path.name} has no text body.")
            draft.article.body_html = reader.blocks(body)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise InterchangeError(f"{path.name} không phải tệp ODT hợp lệ.",
                               f"{path.name} is not a valid ODT file: {exc}") from exc
    draft.article.title = reader.title or meta_title or path.stem
    return draft


def _meta_title(archive: zipfile.ZipFile, converter: TextConverter) -> str:
    if "meta.xml" not in archive.namelist():
        return ""
    meta = etree.fromstring(archive.read("meta.xml"), _parser())
    found = meta.find(f".//{_q('dc:title')}")
    return converter.fix(found.text or "").strip() if found is not None else ""
