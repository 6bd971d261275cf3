"""Runs of an HTML page or clipboard fragment with the font each one is drawn in.

Word puts legacy-font text on the clipboard as HTML whose characters are the legacy bytes seen as
Windows-1252 ("bé tµi chÝnh"), and the only witness of the encoding is the font: an inline
``font-family:".VnTime"``, an old ``<font face>``, an ``mso-ascii-font-family``, or, most often,
nothing on the run at all but a class whose rule in the page's ``<style>`` names the font
(``p.MsoNormal {font-family:".VnTime"}``, ``h1 {font-family:".VnTimeH"}``). Sanitising drops all
of that, so the fonts are read here first, into the documents model, where the same per-run
rules as for DOC and DOCX decide and convert; the converted text is written back into the tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from editor_app.validation.documents.model import Document, Paragraph, Run

_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "pre",
                     "blockquote", "dt", "dd", "caption", "body", "figcaption"})
_NO_TEXT = frozenset({"style", "script", "head", "title", "xml", "template", "noscript"})
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/|<!--|-->", re.DOTALL)
_SELECTOR = re.compile(r"^([a-zA-Z][\w:]*)?(?:\.([\w-]+))?$")
_FONT_PROPERTIES = ("font-family", "mso-ascii-font-family", "mso-hansi-font-family")
_DEFAULT_CLASSES = ("MsoChpDefault", "MsoNormal")


def _first_family(value: str) -> str | None:
    family = value.split(",")[0].strip().strip("'\"").strip()
    return family or None


def declared_font(style: str) -> str | None:
    """The font a CSS declaration list names: ``font-family`` first, then Word's mso-* twins
    (a substring search would take ``mso-fareast-font-family`` for the font)."""
    found: dict[str, str] = {}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        if name in _FONT_PROPERTIES and name not in found and value.strip():
            found[name] = value
    for name in _FONT_PROPERTIES:
        if name in found:
            return _first_family(found[name])
    return None


def style_rules(root: etree._Element) -> dict[tuple[str, str], str]:
    """(tag, class) -> font for the simple selectors of every ``<style>`` block ("p.MsoNormal",
    "h1", ".MsoChpDefault"); @font-face and @page blocks name no run's font and are skipped."""
    rules: dict[tuple[str, str], str] = {}
    for style in root.iter("style"):
        css = _COMMENT.sub(" ", style.text or "")
        for selectors, body in _RULE.findall(css):
            if "@" in selectors:
                continue
            font = declared_font(body)
            if font is None:
                continue
            for selector in selectors.split(","):
                match = _SELECTOR.match(selector.strip())
                if match and (match.group(1) or match.group(2)):
                    rules[((match.group(1) or "").lower(), match.group(2) or "")] = font
    return rules


@dataclass
class HtmlRuns:
    """The parsed tree, its text as a Document, and where each run's text lives in the tree."""

    root: etree._Element
    document: Document
    slots: dict[int, tuple[etree._Element, str]] = field(default_factory=dict)

    def write(self, run: Run, text: str) -> None:
        element, attribute = self.slots[id(run)]
        setattr(element, attribute, text)

    def html(self) -> str:
        return str(lxml.html.tostring(self.root, encoding="unicode"))


class _FontResolver:
    def __init__(self, rules: dict[tuple[str, str], str]) -> None:
        self.rules = rules
        self.default = next((rules[("", c)] for c in _DEFAULT_CLASSES if ("", c) in rules), None)
        self.cache: dict[int, str | None] = {}

    def font(self, element: etree._Element | None) -> str | None:
        chain = []
        while element is not None:
            if id(element) in self.cache:
                found = self.cache[id(element)]
                break
            chain.append(element)
            found = self._own(element)
            if found:
                break
            element = element.getparent()
        else:
            found = self.default
        for seen in chain:
            self.cache[id(seen)] = found
        return found

    def _own(self, element: etree._Element) -> str | None:
        face = element.get("face")
        if face:
            return _first_family(face)
        inline = declared_font(element.get("style") or "")
        if inline:
            return inline
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        for css_class in (element.get("class") or "").split():
            for key in ((tag, css_class), ("", css_class)):
                if key in self.rules:
                    return self.rules[key]
        return self.rules.get((tag, ""))


def _text_slots(element: etree._Element) -> Iterator[tuple[etree._Element, str, etree._Element]]:
    """(element holding the text, "text" or "tail", element whose font applies), in order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() not in _NO_TEXT and isinstance(element.tag, str) and element.text:
        yield element, "text", element
    if tag.lower() not in _NO_TEXT:
        for child in element:
            yield from _text_slots(child)
            if child.tail:
                yield child, "tail", element


def _block_of(element: etree._Element) -> etree._Element:
    while element.getparent() is not None and (
            not isinstance(element.tag, str) or element.tag.lower() not in _BLOCKS):
        element = element.getparent()
    return element


def read_html_runs(html: str) -> HtmlRuns:
    """Parse ``html`` (a page or a fragment) into runs grouped by block, each with its font."""
    root = lxml.html.document_fromstring(html)
    resolver = _FontResolver(style_rules(root))
    document = Document(kind="html")
    runs = HtmlRuns(root, document)
    paragraphs: dict[int, Paragraph] = {}
    body = document.part("body")
    for holder, attribute, styled in _text_slots(root):
        block = _block_of(styled)
        paragraph = paragraphs.get(id(block))
        if paragraph is None:
            paragraph = paragraphs[id(block)] = Paragraph()
            body.blocks.append(paragraph)
        run = Run(getattr(holder, attribute), font=resolver.font(styled))
        paragraph.runs.append(run)
        runs.slots[id(run)] = (holder, attribute)
    document.fonts = sorted({r.font for p in paragraphs.values() for r in p.runs if r.font})
    return runs
