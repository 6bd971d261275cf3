"""Word-level differences between two versions of an article, for reviewers reading Vietnamese.

A character diff of Vietnamese marks half a syllable ("Hòa" → "Hoà" differs in one code point
and looks identical); a line diff marks a whole paragraph for one changed word. Reviewers read
syllables, so the unit here is the word: letters with their tone marks (text is NFC-normalised
first, and stray combining marks stay with their letter), single punctuation marks, and runs of
white space. The result feeds the side-by-side view (deletions on the left, insertions on the
right) and the conflict dialog.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal

Kind = Literal["equal", "insert", "delete", "replace"]

_TOKEN = re.compile(r"[\w\u0300-\u036f]+|\s+|[^\w\s]", re.UNICODE)
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
           "blockquote", "ul", "ol"}
DELETED_STYLE = "background:#fbd3d0;color:#8a1c12;text-decoration:line-through"
INSERTED_STYLE = "background:#cdeccf;color:#0d5218"


@dataclass(frozen=True)
class Change:
    kind: Kind
    old: str
    new: str


def tokens(text: str) -> list[str]:
    """Words, punctuation marks and white-space runs of ``text`` (NFC), in order."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def diff_words(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``, merged into runs.

    Paragraphs are matched first and only the changed ones are compared word by word (one by
    one when edited in place), so the cost grows with the paragraphs touched, not with the
    square of the article's length.
    """
    a = unicodedata.normalize("NFC", old).splitlines(keepends=True)
    b = unicodedata.normalize("NFC", new).splitlines(keepends=True)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "replace" and i2 - i1 == j2 - j1:  # paragraphs edited in place: pair them
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                changes.extend(_word_changes(x, y))
        elif tag == "replace":
            changes.extend(_word_changes(left, right))
        else:
            changes.append(Change(tag, left, right))
    return changes


def _word_changes(old: str, new: str) -> list[Change]:
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > 4000)
    return [Change(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def changed(changes: Iterable[Change]) -> bool:
    return any(c.kind != "equal" for c in changes)


def ratio(old: str, new: str) -> float:
    """How alike two texts are by words, 0..1 (1: the same words)."""
    a, b = tokens(old), tokens(new)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _span(text: str, style: str) -> str:
    return f'<span style="{style}">{_escape(text)}</span>' if text else ""


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def side_by_side(old: str, new: str) -> tuple[str, str]:
    """HTML for the two panes: the old text with deletions marked, the new with insertions."""
    left, right = [], []
    for change in diff_words(old, new):
        if change.kind == "equal":
            left.append(_escape(change.old))
            right.append(_escape(change.new))
            continue
        left.append(_span(change.old, DELETED_STYLE))
        right.append(_span(change.new, INSERTED_STYLE))
    return "".join(left), "".join(right)


def inline(old: str, new: str) -> str:
    """One HTML text with deletions struck through and insertions highlighted."""
    parts = []
    for change in diff_words(old, new):
        if change.kind == "equal":
            parts.append(_escape(change.old))
        else:
            parts.append(_span(change.old, DELETED_STYLE) + _span(change.new, INSERTED_STYLE))
    return "".join(parts)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f"[{alt or 'ảnh'}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """The readable text of an article body: one paragraph per line, images as [alt]."""
    parser = _TextOf()
    parser.feed(markup or "")
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- whole revisions ----------------------------------------------------------------------------

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Tiêu đề", "Title"),
    ("summary", "Sa pô", "Summary"),
    ("body", "Nội dung", "Body"),
    ("author", "Tác giả", "Author"),
    ("source", "Nguồn", "Source"),
    ("category", "Chuyên mục", "Category"),
    ("tags", "Từ khóa", "Tags"),
    ("metadata", "Thông tin bổ sung", "Metadata"),
    ("attachments", "Tệp đính kèm", "Attachments"),
)


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label_vi: str
    label_en: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def readable(content: Mapping[str, Any]) -> dict[str, str]:
    """A revision or submission (wire JSON) as the texts a reviewer compares, field by field."""
    author = content.get("author") or {}
    pen, real = str(author.get("pen_name", "")), str(author.get("real_name", ""))
    metadata = content.get("metadata") or {}
    files = [str(a.get("filename", "")) for a in content.get("attachments") or []]
    return {
        "title": str(content.get("title", "")), "summary": str(content.get("summary", "")),
        "body": html_to_text(str(content.get("body_html", ""))),
        "author": f"{pen} ({real})" if pen and real else pen or real,
        "source": str(content.get("source", "")), "category": str(content.get("category", "")),
        "tags": ", ".join(str(t) for t in content.get("tags") or []),
        "metadata": "\n".join(f"{k}: {v}" for k, v in sorted(metadata.items())),
        "attachments": "\n".join(files),
    }


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[FieldDiff]:
    """Every field of two versions, old and new text side by side (unchanged ones included)."""
    a, b = readable(old), readable(new)
    return [FieldDiff(name, vi, en, a[name], b[name]) for name, vi, en in FIELDS]
