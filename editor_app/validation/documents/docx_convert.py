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

from editor_app.validation.documents.docx import DocxPackage, STORY_PART, w
from editor_app.validation.documents.report import ConversionReport
from editor_app.validation.documents.runs import Plan, convert_text
from editor_app.validation.text.fonts import font_encoding

_FONT_ATTRS = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")


def convert_package(package: DocxPackage, plan: Plan, report: ConversionReport, *,
                    unicode_font: str, tone_style: str) -> None:
    """Rewrite the parsed trees of ``package`` following ``plan``; counts go to ``report``."""
    for run_id, element in package.elements.items():
        decision = plan.decisions.get(run_id)
        if decision is not None and decision.legacy:
            _convert_run(element, decision, tone_style)
            report.count(decision.encoding)
            _set_font(element, unicode_font)
        elif _has_legacy_font(element):
            _set_font(element, unicode_font)
    for name in ("word/styles.xml", "word/stylesWithEffects.xml", "word/numbering.xml"):
        root = package.tree(name)
        if root is not None:
            report.fonts_replaced += _replace_declared_fonts(root, unicode_font)
    for name in list(package.data):
        if STORY_PART.match(name) and package.tree(name) is not None:
            report.fonts_replaced += _replace_declared_fonts(package.trees[name], unicode_font)
    fonts = package.tree("word/fontTable.xml")
    if fonts is not None:
        _drop_legacy_font_entries(fonts)


def _convert_run(element: etree._Element, decision: object, tone_style: str) -> None:
    _merge_soft_hyphens(element)
    for child in element:
        if child.tag in (w("t"), w("delText")) and child.text:
            child.text = convert_text(child.text, decision, tone_style)  # type: ignore[arg-type]
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


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


def _drop_legacy_font_entries(root: etree._Element) -> None:
    for font in list(root.iter(w("font"))):
        if font_encoding(font.get(w("name"))):
            parent = font.getparent()
            if parent is not None:
                parent.remove(font)


def write_package(package: DocxPackage, source: Path, out: Path) -> None:
    """Write the converted copy atomically: changed XML parts serialised, the rest copied as is."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=out.parent, suffix=".docx.part")
    os.close(handle)
    try:
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(temp_name, "w") as dst:
            for info in package.infos:
                tree = package.trees.get(info.filename)
                data = (etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                       standalone=True)
                        if tree is not None else src.read(info))
                dst.writestr(info, data, compress_type=info.compress_type)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
