"""Readers for the simpler kinds: plain text, HTML and ODT (OpenDocument text).

They fill the same model as the Word readers so that checks and conversion treat every kind
alike: legacy 8-bit text is kept as its Windows-1252 characters, fonts come from ``<font face>``,
CSS ``font-family`` or ODF text styles.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.documents.errors import damaged
from editor_app.validation.documents.model import Document, Paragraph, Run

MAX_TEXT_BYTES = 256 * 1024 * 1024
_SINGLE_BYTE = {"tcvn3", "viscii", "vps", "cp1258", "vni"}
_FAMILY = re.compile(r"font-family\s*:\s*['\"]?([^;'\",]+)", re.IGNORECASE)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "pre", "blockquote",
           "title", "dt", "dd"}
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SVG_NS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"


def _text_of_bytes(data: bytes) -> str:
    """Legacy 8-bit text as its Windows-1252 view (decided later), anything else decoded."""
    from editor_app.validation.text.codecs import decode_bytes
    from editor_app.validation.text.detect import detect_bytes

    detection = detect_bytes(data)
    if detection.encoding in _SINGLE_BYTE:
        return decode_8bit(data)
    return decode_bytes(data, detection.encoding if detection.encoding != "mixed" else "unicode")


def read_txt(path: Path) -> Document:
    text = _text_of_bytes(path.read_bytes()[:MAX_TEXT_BYTES])
    document = Document(kind="txt")
    body = document.part("body")
    for line in text.splitlines():
        body.blocks.append(Paragraph([Run(line)] if line else []))
    return document


def read_html(path: Path) -> Document:
    text = _text_of_bytes(path.read_bytes()[:MAX_TEXT_BYTES])
    document = Document(kind="html")
    try:
        root = lxml_html.document_fromstring(text or "<html></html>")
    except (etree.ParserError, ValueError) as exc:
        raise damaged("html", str(exc)) from exc
    body = document.part("body")
    for element in root.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in element.iterdescendants()):
            continue
        paragraph = Paragraph(heading=int(element.tag[1]) if element.tag[0] == "h" and
                              element.tag[1:].isdigit() else None)
        for node_text, font in _html_runs(element):
            if node_text:
                paragraph.runs.append(Run(node_text, font=font))
        body.blocks.append(paragraph)
    return document


def _html_runs(element: lxml_html.HtmlElement) -> list[tuple[str, str | None]]:
    runs = []
    for node in element.xpath(".//text()"):
        parent = node.getparent()
        runs.append((str(node), _html_font(parent)))
    return runs


def _html_font(element: etree._Element | None) -> str | None:
    while element is not None:
        face = element.get("face")
        if face:
            return str(face).split(",")[0].strip()
        match = _FAMILY.search(element.get("style") or "")
        if match:
            return match.group(1).strip()
        element = element.getparent()
    return None


def read_odt(path: Path) -> Document:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_TEXT_BYTES:
                raise damaged("odt", "content.xml is implausibly large")
            root = etree.fromstring(archive.read(info),
                                    etree.XMLParser(resolve_entities=False, no_network=True))
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as exc:
        raise damaged("odt", str(exc) or type(exc).__name__) from exc
    fonts = _odt_style_fonts(root)
    document = Document(kind="odt", fonts=sorted(set(fonts.values())))
    body = document.part("body")
    for element in root.iter(f"{{{TEXT_NS}}}p", f"{{{TEXT_NS}}}h"):
        style = element.get(f"{{{TEXT_NS}}}style-name")
        paragraph = Paragraph(style=style)
        if element.tag == f"{{{TEXT_NS}}}h":
            paragraph.heading = int(element.get(f"{{{TEXT_NS}}}outline-level", "1") or 1)
        _odt_runs(element, fonts.get(style or ""), fonts, paragraph)
        body.blocks.append(paragraph)
    return document


def _odt_style_fonts(root: etree._Element) -> dict[str, str]:
    faces = {f.get(f"{{{STYLE_NS}}}name"): (f.get(f"{{{SVG_NS}}}font-family") or "").strip("'\"")
             for f in root.iter(f"{{{STYLE_NS}}}font-face")}
    fonts = {}
    for style in root.iter(f"{{{STYLE_NS}}}style"):
        props = style.find(f"{{{STYLE_NS}}}text-properties")
        if props is not None and props.get(f"{{{STYLE_NS}}}font-name"):
            name = props.get(f"{{{STYLE_NS}}}font-name")
            fonts[style.get(f"{{{STYLE_NS}}}name", "")] = faces.get(name) or name or ""
    return fonts


def _odt_runs(element: etree._Element, font: str | None, fonts: dict[str, str],
              paragraph: Paragraph) -> None:
    if element.text:
        paragraph.runs.append(Run(element.text, font=font))
    for child in element:
        if child.tag == f"{{{TEXT_NS}}}span":
            inner = fonts.get(child.get(f"{{{TEXT_NS}}}style-name") or "", font or "") or None
            _odt_runs(child, inner, fonts, paragraph)
        elif child.tag == f"{{{TEXT_NS}}}tab":
            paragraph.runs.append(Run("\t", font=font))
        elif child.tag == f"{{{TEXT_NS}}}s":
            paragraph.runs.append(Run(" ", font=font))
        elif child.tag == f"{{{TEXT_NS}}}line-break":
            paragraph.runs.append(Run("\n", font=font))
        if child.tail:
            paragraph.runs.append(Run(child.tail, font=font))
