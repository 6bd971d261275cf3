"""Diacritic- and case-insensitive search over drafts with SQLite FTS5.

Vietnamese users type without tone marks ("quyet dinh" for "Quyết định"), and SQLite's own
``remove_diacritics`` leaves "đ" alone (it is a letter, not a d with a mark), so the store indexes a
copy of each article folded here in Python: NFD, combining marks dropped, đ→d, casefolded. The
query is folded the same way; the last word matches as a prefix because the user is still typing.

Order: drafts whose title matches come first, then the rest; newest first within each group.
Both lookups walk the index in rowid order and stop at the limit, so a common word over 50,000
drafts costs as little as a rare one; ranking every match with bm25 cost 5-20x more there
(measured by benchmarks/bench_search.py) and a user looks for their own recent draft anyway.
:func:`find_summaries` runs them as three small statements on the driver connection (title ids,
the other ids only while the list is not full, then the rows), merging in Python: half the time
of one SQL statement that grouped and joined the same ids (2.1 ms -> about 1 ms a query).
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from editor_app.core.articles import ArticleSummary
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


# ArticleSummary's fields, in order, as the articles table names them
SUMMARY_COLUMNS = ("id", "uid", "title", "category", "state", "unit", "updated_at")
_IDS = "SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"
_TITLE_IDS = _IDS.format(table=FTS_TITLE_TABLE)
_ANY_IDS = _IDS.format(table=FTS_TABLE)


def find_summaries(conn: Connection, expression: str, limit: int) -> list[ArticleSummary]:
    """Up to ``limit`` (negative: no limit) articles matching ``expression`` (a
    :func:`match_expression`): title matches first, then the others, newest first in each.

    The title index holds the same folded titles as the full index's title column, so every
    title match is also a full-index match: when the title lookup fills the list the full index
    is not read at all, and otherwise its newest ``limit`` ids are enough to fill the rest. Only
    the rows shown are read from ``articles``. Statements go to the driver's connection (no
    SQLAlchemy result processing), inside ``conn``'s transaction, so all three see one snapshot.
    """
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    ids = [row[0] for row in driver.execute(_TITLE_IDS, (expression, limit))]
    if limit < 0 or len(ids) < limit:
        seen = set(ids)
        others = [row[0] for row in driver.execute(_ANY_IDS, (expression, limit))
                  if row[0] not in seen]
        ids += others if limit < 0 else others[:limit - len(ids)]
    return _summaries(driver, ids)


def _summaries(conn: sqlite3.Connection, ids: list[int]) -> list[ArticleSummary]:
    """The summaries of ``ids`` in that order (ids with no article left are skipped)."""
    rows: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start:start + _ID_CHUNK]
        sql = (f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM articles "
               f"WHERE id IN ({', '.join('?' * len(chunk))})")
        rows.update((row[0], row) for row in conn.execute(sql, chunk))
    found = (rows.get(article_id) for article_id in ids)
    # updated_at is stored as naive UTC ("2026-01-05 08:00:00.000000", see store.base.UTCDateTime);
    # parsing it with its offset is 6x faster than parse_utc's replace(), the same value
    return [ArticleSummary(row[0], row[1], row[2], row[3], row[4], row[5],
                           datetime.fromisoformat(row[6] + "+00:00"))
            for row in found if row is not None]


_ID_CHUNK = 500  # bound parameters per statement, well under SQLite's limit


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
