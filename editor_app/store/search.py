"""Diacritic- and case-insensitive search over drafts with SQLite FTS5.

Vietnamese users type without tone marks ("quyet dinh" for "Quyết định"), and SQLite's own
``remove_diacritics`` leaves "đ" alone (it is a letter, not a d with a mark), so the store indexes a
copy of each article folded here in Python: NFD, combining marks dropped, đ→d, casefolded. The
query is folded the same way; the last word matches as a prefix because the user is still typing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from editor_app.store.models import FTS_TABLE

_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def fold(value: str) -> str:
    """The searchable form of ``value``: no diacritics, đ→d, lower case."""
    decomposed = unicodedata.normalize("NFD", value.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def html_to_text(body_html: str) -> str:
    """Visible text of an HTML body; tags become spaces so words of adjacent blocks stay apart."""
    without_code = _SCRIPT_STYLE.sub(" ", body_html)
    return html.unescape(_TAG.sub(" ", without_code))


def _flatten(value: Any) -> Iterable[str]:
    """Every string inside a JSON value (metadata can nest lists of documents)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)


def index_row(
    title: str, summary: str, body_html: str, tags: list[str], metadata: dict[str, Any]
) -> dict[str, str]:
    """The folded columns stored in the FTS table for one article."""
    return {
        "title": fold(title),
        "summary": fold(summary),
        "body": fold(html_to_text(body_html)),
        "extra": fold(" ".join([*tags, *_flatten(metadata)])),
    }


def write_index(conn: Connection, article_id: int, columns: dict[str, str]) -> None:
    """Replace the article's entry in the FTS table (inside the caller's transaction)."""
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id})
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, extra) "
             "VALUES (:id, :title, :summary, :body, :extra)"),
        {"id": article_id, **columns},
    )


def delete_index(conn: Connection, article_id: int) -> None:
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": article_id})


def match_expression(query: str) -> str | None:
    """FTS5 MATCH text for what the user typed, or None when there is nothing to search.

    Every word must occur (AND); words are quoted so FTS5 operators typed by the user are plain
    text; the last word is a prefix unless the query ends with a space (the word is finished).
    """
    words = _WORD.findall(fold(query))
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if not query[-1:].isspace():
        terms[-1] += "*"
    return " ".join(terms)
