"""Cleaning HTML from outside (Word paste, imported pages) down to the structure we publish.

Word's HTML is full of styling junk (``mso-*`` styles, ``<o:p>``, conditional comments, class
soup) that would carry into the portal; only structure survives here: headings, paragraphs,
emphasis, lists, links, tables and images. Word writes bulleted lists as paragraphs styled
``mso-list``; those are turned back into real ``<ul>``/``<ol>`` lists before sanitising.
"""

from __future__ import annotations

import re

import lxml.html
import nh3
from lxml import etree

TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "sub",
    "sup", "ul", "ol", "li", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "img", "blockquote", "pre", "code", "hr", "figure", "figcaption",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "attachment"}
DROP_WITH_CONTENT = {"script", "style", "head", "title", "xml", "template", "iframe", "object",
                     "embed", "noscript", "svg", "math"}
_ORDERED_BULLET = re.compile(r"^\s*(\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]")
_EMPTY_PARAGRAPH = re.compile(r"<p>(\s|&nbsp;|\u00a0|<br\s*/?>)*</p>")


def clean_html(html: str) -> str:
    """Safe, structural HTML: what the composer keeps when pasting and what imports store."""
    if not html.strip():
        return ""
    restructured = _word_lists_to_html_lists(html)
    cleaned = nh3.clean(
        restructured, tags=TAGS, clean_content_tags=DROP_WITH_CONTENT, attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True,
    )
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()


def _word_lists_to_html_lists(html: str) -> str:
    """``<p style="mso-list:l0 level1 lfo1">·&nbsp;text</p>`` runs become ``<ul><li>``."""
    if "mso-list" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for paragraph in list(root.iter("p")):
        if "mso-list" in paragraph.get("style", "") and "Ignore" not in paragraph.get("style", ""):
            _to_list_item(paragraph)
    _group_list_items(root)
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in root) or html


def _to_list_item(paragraph: lxml.html.HtmlElement) -> None:
    marker = ""
    for span in list(paragraph.iter("span")):
        if "mso-list:ignore" in span.get("style", "").replace(" ", "").lower():
            marker += span.text_content()
            span.drop_tree()
    paragraph.tag = "li"
    paragraph.set("data-ordered", "1" if _ORDERED_BULLET.match(marker) else "0")


def _group_list_items(root: lxml.html.HtmlElement) -> None:
    """Consecutive loose ``<li>`` become one list, ordered or not by their first marker."""
    for item in list(root.iter("li")):
        if item.getparent() is None or item.getparent().tag in ("ul", "ol"):
            continue
        ordered = item.get("data-ordered") == "1"
        wrapper = lxml.html.Element("ol" if ordered else "ul")
        item.addprevious(wrapper)
        while item is not None and item.tag == "li" and item.get("data-ordered") is not None:
            following = item.getnext()
            del item.attrib["data-ordered"]
            wrapper.append(item)
            item = following
