"""Importing plain text and HTML files into a new draft.

Text: blank lines separate paragraphs; single line breaks inside a paragraph are kept as
``<br>``. HTML: the page's ``<title>`` (or first heading) becomes the title, the body is cleaned
with :func:`clean_html`; images given as ``data:`` URLs or as files beside the page become
attachments. Remote images are not fetched: import never touches the network.
"""

from __future__ import annotations

import base64
import binascii
import html
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import lxml.html
from lxml import etree

from editor_app.core.articles import Article
from editor_app.core.interchange.html_clean import clean_html
from editor_app.core.interchange.model import (
    ImportedDraft,
    ImportedFile,
    InterchangeError,
    TextConverter,
    inline_src,
)

MAX_TEXT_BYTES = 50 * 1024 * 1024
MAX_IMAGE_BYTES = 50 * 1024 * 1024
_BLANK_LINES = re.compile(r"\n\s*\n")


def read_limited(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InterchangeError(
            f"Tệp {path.name} quá lớn để nhập ({size // 1_048_576} MB).",
            f"{path.name} is too large to import ({size // 1_048_576} MB).",
        )
    return path.read_bytes()


def import_text(path: Path, converter: TextConverter) -> ImportedDraft:
    text = converter.decode(read_limited(path)).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in paragraphs[0]:      # one line per paragraph
        paragraphs = [line.strip() for line in paragraphs[0].split("\n") if line.strip()]
    title = paragraphs.pop(0) if len(paragraphs) > 1 and len(paragraphs[0]) <= 250 else path.stem
    body = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    return ImportedDraft(Article(title=title, body_html=body))


def import_html(path: Path, converter: TextConverter) -> ImportedDraft:
    source = converter.decode(read_limited(path))
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise InterchangeError(f"Không đọc được HTML trong {path.name}.",
                               f"Cannot read the HTML in {path.name}: {exc}") from exc
    draft = ImportedDraft(Article())
    _images_to_attachments(root, path.parent, draft)
    title = _page_title(root) or path.stem
    body = root.find("body")
    inner = lxml.html.tostring(body if body is not None else root, encoding="unicode")
    cleaned = clean_html(inner)
    draft.article.title = title
    draft.article.body_html = _drop_leading_title(cleaned, title)
    return draft


def _page_title(root: lxml.html.HtmlElement) -> str:
    for xpath in ("//title", "//h1"):
        found = root.xpath(xpath)
        if found and found[0].text_content().strip():
            return " ".join(found[0].text_content().split())
    return ""


def _drop_leading_title(body: str, title: str) -> str:
    """The title lives in its own field; an identical first heading would show it twice."""
    match = re.match(r"\s*<h1>(.*?)</h1>", body, re.DOTALL)
    if match and " ".join(html.unescape(re.sub("<[^>]+>", "", match.group(1))).split()) == title:
        return body[match.end():].lstrip()
    return body


def _images_to_attachments(root: lxml.html.HtmlElement, folder: Path, draft: ImportedDraft) -> None:
    for image in root.iter("img"):
        found = _image_bytes(image.get("src", ""), folder)
        if found is None:
            image.drop_tree()
            continue
        name, data = found
        item = draft.add_file(ImportedFile(name, data, inline=True), caption=image.get("alt", ""))
        image.set("src", inline_src(item.sha256))


def _image_bytes(src: str, folder: Path) -> tuple[str, bytes] | None:
    """Bytes of a data: URL or of a local file inside the page's folder; else None."""
    if src.startswith("data:"):
        header, _, payload = src.partition(",")
        if ";base64" not in header or len(payload) > MAX_IMAGE_BYTES * 4 // 3:
            return None
        try:
            data = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            return None
        media_type = header[5:].split(";")[0] or "image/png"
        return "image" + (mimetypes.guess_extension(media_type) or ".bin"), data
    parsed = urlparse(src)
    if parsed.scheme not in ("", "file") or not parsed.path:
        return None
    candidate = (folder / unquote(parsed.path)).resolve()
    if not candidate.is_relative_to(folder.resolve()) or not candidate.is_file():
        return None
    if candidate.stat().st_size > MAX_IMAGE_BYTES:
        return None
    return candidate.name, candidate.read_bytes()
