"""DOCX reader: every run of every story part with the font it is really drawn in.

The package is read as a ZIP of XML parts with lxml rather than through python-docx's object
model, because conversion must rewrite runs in place in every story (body, headers, footers,
footnotes, endnotes, comments, text boxes, hyperlinks, fields) while leaving each byte of every
other part alone, and the reader and the converter must agree on exactly the same runs.
A run's font is resolved the way Word does: the run's rFonts, its character style, the paragraph
style (with their basedOn chains) and the document defaults.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editor_app.validation.documents.errors import DocumentError, damaged
from editor_app.validation.documents.model import Document, Paragraph, Run
from editor_app.validation.text.fonts import font_encoding

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_XML_BYTES = 256 * 1024 * 1024
MAX_STYLE_DEPTH = 20
STORY_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_blank_text=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part_label(name: str) -> str:
    """"word/header1.xml" -> "header1"; the main document is "body"."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".xml")
    return "body" if stem == "document" else stem


def run_font(rpr: etree._Element | None) -> str | None:
    """The font named by an rPr's rFonts (the legacy one first), or None when it names none."""
    if rpr is None:
        return None
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        return None
    names = [fonts.get(w(attr)) for attr in ("ascii", "hAnsi", "cs", "eastAsia")]
    names = [n for n in names if n]
    legacy = [n for n in names if font_encoding(n)]
    return (legacy or names or [None])[0]


class StyleFonts:
    """Fonts declared by styles.xml: per style id (through basedOn) and the document default."""

    def __init__(self, styles: etree._Element | None) -> None:
        self.own: dict[str, str | None] = {}
        self.based_on: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.default_paragraph: str | None = None
        self.default_font: str | None = None
        if styles is not None:
            self._load(styles)

    def _load(self, styles: etree._Element) -> None:
        default = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_font = run_font(default)
        for style in styles.iter(w("style")):
            style_id = style.get(w("styleId"))
            if not style_id:
                continue
            self.own[style_id] = run_font(style.find(w("rPr")))
            based = style.find(w("basedOn"))
            if based is not None and based.get(w("val")):
                self.based_on[style_id] = based.get(w("val"), "")
            name = style.find(w("name"))
            self.names[style_id] = name.get(w("val"), style_id) if name is not None else style_id
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_paragraph = style_id

    def font(self, style_id: str | None) -> str | None:
        for _ in range(MAX_STYLE_DEPTH):
            if style_id is None:
                return None
            if self.own.get(style_id):
                return self.own[style_id]
            style_id = self.based_on.get(style_id)
        return None

    def effective(self, rpr: etree._Element | None, paragraph_style: str | None) -> str | None:
        """The font a run is drawn in: its own, its character style's, its paragraph's, default."""
        own = run_font(rpr)
        if own:
            return own
        if rpr is not None:
            rstyle = rpr.find(w("rStyle"))
            if rstyle is not None:
                font = self.font(rstyle.get(w("val")))
                if font:
                    return font
        return self.font(paragraph_style or self.default_paragraph) or self.default_font


@dataclass
class DocxPackage:
    """The opened package: raw entries, parsed story parts and the run elements behind the model."""

    infos: list[zipfile.ZipInfo]
    data: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)
    elements: dict[int, etree._Element] = field(default_factory=dict)  # id(Run) -> w:r
    dirty: set[str] = field(default_factory=set)  # parts changed: only these are re-serialised
    _names: dict[int, str] = field(default_factory=dict)  # id(root) -> part name

    def touch(self, element: etree._Element) -> None:
        """Mark the part holding ``element`` as changed."""
        name = self._names.get(id(element.getroottree().getroot()))
        if name:
            self.dirty.add(name)

    def tree(self, name: str) -> etree._Element | None:
        if name not in self.trees and name in self.data:
            try:
                self.trees[name] = etree.fromstring(self.data[name], _PARSER)
                self._names[id(self.trees[name])] = name
            except etree.XMLSyntaxError as exc:
                raise damaged("docx", f"{name}: {exc}") from exc
        return self.trees.get(name)


def open_package(path: Path) -> DocxPackage:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_XML_BYTES * 4:
                raise damaged("docx", "unpacks to an implausible size")
            data = {
                info.filename: archive.read(info)
                for info in infos
                if info.filename.endswith((".xml", ".rels")) and info.file_size <= MAX_XML_BYTES
            }
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise damaged("docx", str(exc) or type(exc).__name__) from exc
    if "word/document.xml" not in data:
        raise DocumentError("Tệp không phải tài liệu Word (thiếu word/document.xml).",
                            "Not a Word document: word/document.xml is missing.")
    return DocxPackage(infos=infos, data=data)


def text_of_run(run: etree._Element) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag in (w("t"), w("delText")):
            out.append(child.text or "")
        elif tag == w("tab"):
            out.append("\t")
        elif tag in (w("br"), w("cr")):
            out.append("\n")
        elif tag == w("softHyphen"):
            out.append("\xad")  # in a legacy font this is TCVN3 "ư", not a hyphen
        elif tag == w("noBreakHyphen"):
            out.append("-")
    return "".join(out)


def _paragraph_of(run: etree._Element) -> etree._Element | None:
    return next(run.iterancestors(w("p")), None)


def _in_fallback(run: etree._Element) -> bool:
    return any(a.tag == f"{{{MC}}}Fallback" for a in run.iterancestors())


def read_package(package: DocxPackage) -> Document:
    """The model of every story part; package.elements maps each Run back to its w:r."""
    styles = StyleFonts(package.tree("word/styles.xml"))
    document = Document(kind="docx")
    for name in sorted(package.data, key=_story_order):
        if not STORY_PART.match(name):
            continue
        root = package.tree(name)
        if root is None:
            continue
        _read_part(document, package, root, part_label(name), styles)
    fonts = package.tree("word/fontTable.xml")
    if fonts is not None:
        document.fonts = [f.get(w("name"), "") for f in fonts.iter(w("font"))]
    return document


_STORY_RANK = ("document", "header", "footer", "footnotes", "endnotes", "comments")


def _story_order(name: str) -> tuple[int, str]:
    """Body first, then headers, footers, notes and comments: the order a reader meets them."""
    label = name.rsplit("/", 1)[-1]
    rank = next((i for i, kind in enumerate(_STORY_RANK) if label.startswith(kind)), 9)
    return rank, name


def _read_part(document: Document, package: DocxPackage, root: etree._Element, label: str,
               styles: StyleFonts) -> None:
    paragraphs: dict[int, Paragraph] = {}
    for element in root.iter(w("r")):
        p = _paragraph_of(element)
        if p is None:
            continue
        part_name = "alternate" if _in_fallback(element) else label
        paragraph = paragraphs.get(id(p))
        if paragraph is None:
            paragraph = _new_paragraph(p, styles)
            paragraphs[id(p)] = paragraph
            document.part(part_name).blocks.append(paragraph)
        run = _run(element, paragraph.style, styles)
        package.elements[id(run)] = element
        paragraph.runs.append(run)


def _new_paragraph(p: etree._Element, styles: StyleFonts) -> Paragraph:
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    style_id = style.get(w("val")) if style is not None else None
    paragraph = Paragraph(style=style_id)
    name = styles.names.get(style_id or "", "")
    if name.lower().startswith("heading ") and name[8:].strip().isdigit():
        paragraph.heading = int(name[8:].strip())
    return paragraph


def _run(element: etree._Element, paragraph_style: str | None, styles: StyleFonts) -> Run:
    rpr = element.find(w("rPr"))
    run = Run(text_of_run(element), font=styles.effective(rpr, paragraph_style))
    if rpr is not None:
        run.bold = _on(rpr.find(w("b")))
        run.italic = _on(rpr.find(w("i")))
        underline = rpr.find(w("u"))
        run.underline = underline is not None and underline.get(w("val")) not in ("none", None)
        size = rpr.find(w("sz"))
        if size is not None and (size.get(w("val")) or "").isdigit():
            run.size = int(size.get(w("val"), "0")) / 2
    return run


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off")


def read_docx(path: Path) -> Document:
    return read_package(open_package(path))
