"""Diacritic- and case-insensitive search over drafts with SQLite FTS5.

Vietnamese users type without tone marks ("quyet dinh" for "Quyết định"), and SQLite's own
``remove_diacritics`` leaves "đ" alone (it is a letter, not a d with a mark), so the store indexes a
copy of each article folded here in Python: NFD, combining marks dropped, đ→d, casefolded. The
query is folded the same way; the last word matches as a prefix because the user is still typing.

Order: drafts whose title matches come first, then the rest; newest first within each group.
Both lookups walk the index in rowid order and stop at the limit, so a common word over 50,000
drafts costs as little as a rare one; ranking every match with bm25 cost 5-20x more there
(measured by benchmarks/bench_search.py) and a user looks for their own recent draft anyway.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from editor_app.core.fold import fold  # lives in core (shared with review_queue); re-exported
from editor_app.store.models import FTS_TABLE, FTS_TITLE_TABLE

_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


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
    """Replace the article's entries in the FTS tables (inside the caller's transaction)."""
    delete_index(conn, article_id)
    conn.execute(text(f"INSERT INTO {FTS_TITLE_TABLE} (rowid, title) VALUES (:id, :title)"),
                 {"id": article_id, "title": columns["title"]})
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, extra) "
             "VALUES (:id, :title, :summary, :body, :extra)"),
        {"id": article_id, **columns},
    )


def delete_index(conn: Connection, article_id: int) -> None:
    for table in (FTS_TABLE, FTS_TITLE_TABLE):
        conn.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": article_id})


def ranked_matches(columns: Sequence[str]) -> str:
    """SQL selecting ``columns`` of matching articles (alias ``a``): title matches first, then
    the others, newest first in each group. Parameters: ``q`` (a :func:`match_expression`),
    ``n`` (the limit) and ``n2`` (twice the limit).

    Each FTS lookup walks its doclists in rowid order and stops at its limit; ids are merged
    and cut to ``limit`` before the join, so only the rows shown are read from ``articles``,
    whatever the size of the store.
    """
    wanted = ", ".join(f"a.{name}" for name in columns)
    return (
        f"WITH hits(id, grp) AS ("
        f"SELECT * FROM (SELECT rowid, 0 FROM {FTS_TITLE_TABLE} WHERE {FTS_TITLE_TABLE} MATCH :q "
        f"ORDER BY rowid DESC LIMIT :n) UNION ALL "
        f"SELECT * FROM (SELECT rowid, 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
        f"ORDER BY rowid DESC LIMIT :n2)), "
        f"best(id, grp) AS (SELECT id, min(grp) FROM hits GROUP BY id "
        f"ORDER BY 2, 1 DESC LIMIT :n) "
        f"SELECT {wanted} FROM best JOIN articles a ON a.id = best.id "
        f"ORDER BY best.grp, a.id DESC"
    )


def match_expression(query: str) -> str | None:
    """FTS5 MATCH text for what the user typed, or None when there is nothing to search.

    Every word must occur (AND); words are quoted so FTS5 operators typed by the user are plain
    text; the last word is a prefix unless the query ends with a space (the word is finished).
    A lone first letter after other words is left out until the next key: it would match almost
    every draft anyway, at the price of merging thousands of index terms.
    """
    words = _WORD.findall(fold(query))
    typing = not query[-1:].isspace()
    if typing and len(words) > 1 and len(words[-1]) == 1:
        words.pop()
        typing = False          # the word before it was finished with a space
    if not words:
        return None
    terms = [f'"{word}"' for word in words]
    if typing:
        terms[-1] += "*"
    return " ".join(terms)
