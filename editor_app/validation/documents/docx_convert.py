"""DOCX -> DOCX conversion in place, on a copy: only run text and legacy font names change.

Every run whose plan says "legacy" gets its text converted and its font replaced by the Unicode
font; runs that merely inherit a legacy font but hold Unicode keep their text and lose the legacy
font. Styles and document defaults naming a legacy font are repointed too, and unused legacy
entries leave the font table, so no legacy font is left for Word to fall back on. All other ZIP
entries are copied byte for byte, with their names, order and compression.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from editor_app.validation.documents.docx import STORY_PART, DocxPackage, w
from editor_app.validation.documents.model import Document
from editor_app.validation.documents.report import ConversionReport
from editor_app.validation.documents.runs import Decision, Plan, convert_paragraph, convert_text
from editor_app.validation.text.fonts import font_encoding

_FONT_ATTRS = ("ascii", "hAnsi", "cs", "eastAsia")
_ONE_CHAR = tuple(w(tag) for tag in ("tab", "br", "cr", "noBreakHyphen"))
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")


def convert_package(package: DocxPackage, document: Document, plan: Plan,
                    report: ConversionReport, *, unicode_font: str, tone_style: str) -> None:
    """Rewrite the parsed trees of ``package`` following ``plan``; counts go to ``report``."""
    for _, _, paragraph in document.paragraphs():
        texts = convert_paragraph(paragraph, plan, tone_style)
        for run, text in zip(paragraph.runs, texts, strict=True):
            element = package.elements[id(run)]
            decision = plan.decide(run)
            if font_encoding(run.font):
                report.font_replaced(run.font)  # set directly or by a style: replaced either way
            if decision.legacy:
                _write_run(element, text, decision, tone_style)
                report.count(decision.encoding)
                _set_font(element, unicode_font)
                package.touch(element)
            elif _has_legacy_font(element):
                _set_font(element, unicode_font)
                package.touch(element)
    declaring = ["word/styles.xml", "word/stylesWithEffects.xml", "word/numbering.xml",
                 *(name for name in package.data if STORY_PART.match(name))]
    for name in declaring:
        root = package.tree(name)
        replaced = _replace_declared_fonts(root, unicode_font) if root is not None else 0
        if replaced:
            report.font_replaced(None, replaced)
            package.dirty.add(name)
    fonts = package.tree("word/fontTable.xml")
    if fonts is not None and _drop_legacy_font_entries(fonts):
        package.dirty.add("word/fontTable.xml")


def _write_run(element: etree._Element, text: str, decision: Decision, tone_style: str) -> None:
    """Put the run's converted ``text`` back into its w:t elements, each its own slice.

    ``text`` is the whole run converted (capitals restored with paragraph context), laid out as
    :func:`text_of_run` reads the children: each w:t's slice is as long as its own conversion,
    and a tab, break or hyphen element takes one character.
    """
    _merge_soft_hyphens(element)
    texts = [c for c in element if c.tag in (w("t"), w("delText"))]
    if len(texts) == 1 and not any(c.tag in _ONE_CHAR for c in element):
        texts[0].text = text
        texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return
    pieces: list[tuple[etree._Element | None, int]] = []
    for child in element:
        if child.tag in (w("t"), w("delText")):
            pieces.append((child, len(convert_text(child.text or "", decision, tone_style))))
        elif child.tag in _ONE_CHAR:
            pieces.append((None, 1))
    if sum(length for _, length in pieces) != len(text):
        # A multi-byte sequence split by a tab: convert each w:t alone rather than misplace text.
        for node, _ in pieces:
            if node is not None and node.text:
                node.text = convert_text(node.text, decision, tone_style)
        return
    offset = 0
    for node, length in pieces:
        if node is not None and node.text:
            node.text = text[offset : offset + length]
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        offset += length


def _merge_soft_hyphens(element: etree._Element) -> None:
    """In a legacy run, w:softHyphen is TCVN3 "ư": make it text and join it to its neighbours."""
    for hyphen in element.findall(w("softHyphen")):
        text = etree.Element(w("t"))
        text.text = "\xad"
        element.replace(hyphen, text)
    previous = None
    for child in list(element):
        if child.tag == w("t") and previous is not None and previous.tag == w("t"):
            previous.text = (previous.text or "") + (child.text or "")
            element.remove(child)
            continue
        previous = child


def _has_legacy_font(element: etree._Element) -> bool:
    fonts = element.find(f"{w('rPr')}/{w('rFonts')}")
    return fonts is not None and any(font_encoding(fonts.get(w(a))) for a in _FONT_ATTRS)


def _set_font(element: etree._Element, unicode_font: str) -> None:
    rpr = element.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        element.insert(0, rpr)
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        fonts = etree.Element(w("rFonts"))
        style = rpr.find(w("rStyle"))
        rpr.insert(0 if style is None else rpr.index(style) + 1, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(w(attr), None)
    for attr in ("ascii", "hAnsi"):
        fonts.set(w(attr), unicode_font)
    for attr in ("cs", "eastAsia"):
        if font_encoding(fonts.get(w(attr))):
            fonts.set(w(attr), unicode_font)


def _replace_declared_fonts(root: etree._Element, unicode_font: str) -> int:
    """Repoint every remaining rFonts attribute naming a legacy font; returns how many."""
    replaced = 0
    for fonts in root.iter(w("rFonts")):
        for attr in _FONT_ATTRS:
            if font_encoding(fonts.get(w(attr))):
                fonts.set(w(attr), unicode_font)
                replaced += 1
    return replaced


def _drop_legacy_font_entries(root: etree._Element) -> int:
    dropped = 0
    for font in list(root.iter(w("font"))):
        parent = font.getparent()
        if font_encoding(font.get(w("name"))) and parent is not None:
            parent.remove(font)
            dropped += 1
    return dropped


def write_package(package: DocxPackage, source: Path, out: Path) -> None:
    """Write the converted copy atomically: changed XML parts serialised, the rest copied as is."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=out.parent, suffix=".docx.part")
    os.close(handle)
    try:
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(temp_name, "w") as dst:
            for info in package.infos:
                tree = package.trees.get(info.filename) if info.filename in package.dirty else None
                data = (etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                       standalone=True)
                        if tree is not None else src.read(info))
                dst.writestr(info, data, compress_type=info.compress_type)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
