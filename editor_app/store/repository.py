"""Drafts in the local store: the one API the UI, import/export and sync use to read and write.

Each method opens its own short Session and commits before returning, so any method may run on
the UI's database worker thread and nothing holds a transaction open between calls. Plain
dataclasses go in and out (editor_app.core.articles); no ORM object leaves this module.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, func, select, text
from sqlalchemy.orm import Session, selectinload

from editor_app.core.articles import Article, ArticleSummary, AttachmentRef, VersionInfo, new_uid
from editor_app.store import search, versions
from editor_app.store.base import utcnow
from editor_app.store.blobs import BlobStore, Progress
from editor_app.store.mapping import (
    apply_fields,
    guess_media_type,
    new_attachment_row,
    to_article,
    to_ref,
)
from editor_app.store.models import ArticleRow, AttachmentRow, VersionRow

log = logging.getLogger("editor_app.store")

SORT_KEYS = {
    "updated_at": ArticleRow.updated_at, "title": ArticleRow.title_key,
    "category": ArticleRow.category, "state": ArticleRow.state,
    "created_at": ArticleRow.created_at,
}
VERSION_INTERVAL_SECONDS = 60.0
MAX_VERSIONS = 200
_ID_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit
BlobReferences = Callable[[set[str]], set[str]]


class DraftRepository:
    """Articles, their attachments and history; safe to call from any one thread at a time."""

    def __init__(
        self, engine: Engine, blobs: BlobStore, *, clock: Callable[[], datetime] = utcnow,
        version_interval: float = VERSION_INTERVAL_SECONDS, max_versions: int = MAX_VERSIONS,
        reader: Engine | None = None,
    ) -> None:
        self._engine = engine
        self._reader = reader or engine
        self._blobs = blobs
        self._clock = clock
        self._interval = version_interval
        self._max_versions = max_versions
        self._reference_sources: list[BlobReferences] = []

    def _session(self) -> Session:
        """A read-only Session (plain BEGIN: never waits for a writer)."""
        return Session(self._reader, expire_on_commit=False)

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One write transaction; blobs it left unreferenced are freed after the commit."""
        session = Session(self._engine, expire_on_commit=False)
        freed: set[str] = set()
        session.info["free"] = freed
        with session, session.begin():
            yield session
        if freed:
            self._free_blobs(freed)

    def add_blob_reference_source(self, source: BlobReferences) -> None:
        """Lets another part (the sync outbox) keep blobs alive: ``source(candidates)`` returns
        those of the candidate sha256s it still needs."""
        self._reference_sources.append(source)

    # -- articles ---------------------------------------------------------------------------

    def create(self, article: Article) -> Article:
        """Stores a new article; its attachments must already be in the blob store."""
        now = self._clock()
        with self._writing() as session:
            uid = article.uid or new_uid()
            if session.scalar(select(ArticleRow.id).where(ArticleRow.uid == uid)) is not None:
                raise ValueError(f"an article with uid {uid} already exists")
            row = ArticleRow(uid=uid, created_at=now, updated_at=now)
            apply_fields(row, article)
            row.title_key = search.fold(article.title)
            self._sync_attachments(row, article.attachments)
            session.add(row)
            session.flush()
            self._index(session, row)
            return to_article(row)

    def save(self, article: Article) -> Article:
        """Writes the whole article; keeps the previous state as a version when it is due."""
        if article.id is None:
            raise ValueError("save() needs a stored article; use create() first")
        now = self._clock()
        with self._writing() as session:
            row = self._row(session, article.id)
            if versions.same_content(versions.content_of(to_article(row)),
                                     versions.content_of(article)):
                return to_article(row)
            if self._version_due(row, now):
                self._keep_version(session, row, now)
            apply_fields(row, article)
            row.title_key = search.fold(article.title)
            self._sync_attachments(row, article.attachments)
            row.updated_at = now
            session.flush()
            self._index(session, row)
            return to_article(row)

    def checkpoint(self, article_id: int) -> None:
        """Keeps the current state as a version now (before a risky change, on close)."""
        with self._writing() as session:
            self._keep_version(session, self._row(session, article_id), self._clock())

    def get(self, article_id: int) -> Article:
        with self._session() as session:
            return to_article(self._row(session, article_id))

    def get_by_uid(self, uid: str) -> Article | None:
        with self._session() as session:
            row = session.scalars(self._article_query().where(ArticleRow.uid == uid)).first()
            return to_article(row) if row else None

    def list(
        self, *, sort: str = "updated_at", descending: bool = True,
        states: Sequence[str] | None = None, limit: int | None = None,
    ) -> builtins.list[ArticleSummary]:
        """Rows for the drafts list, without loading bodies."""
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {sort!r}; choose from {', '.join(SORT_KEYS)}")
        column = SORT_KEYS[sort]
        if descending:
            query = select(*_SUMMARY_COLUMNS).order_by(column.desc(), ArticleRow.id.desc())
        else:
            query = select(*_SUMMARY_COLUMNS).order_by(column.asc(), ArticleRow.id.asc())
        if states is not None:
            query = query.where(ArticleRow.state.in_(list(states)))
        if limit is not None:
            query = query.limit(limit)
        with self._session() as session:
            return [ArticleSummary(*row) for row in session.execute(query)]

    def search(self, query: str, *, limit: int = 200) -> builtins.list[ArticleSummary]:
        """Title matches first, then the rest, newest first; ignores diacritics and case
        (see editor_app.store.search for why this order)."""
        expression = search.match_expression(query)
        if expression is None:
            return self.list(limit=limit)
        # The hot path while the user types: the driver connection, in one read transaction.
        with self._reader.connect() as conn, conn.begin():
            return search.find_summaries(conn, expression, limit)

    def metadata_of(self, article_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Category metadata of these articles, without bodies or attachments.

        Deadlines depend on the portal profile, which the store does not know and which the
        user may switch at any time, so the UI computes them for the listed rows from this.
        """
        ids = sorted(set(article_ids))
        found: dict[int, dict[str, Any]] = {}
        with self._reader.connect() as conn:
            for start in range(0, len(ids), _ID_CHUNK):
                query = select(ArticleRow.id, ArticleRow.meta).where(
                    ArticleRow.id.in_(ids[start:start + _ID_CHUNK]))
                for article_id, meta in conn.execute(query):
                    found[article_id] = dict(meta or {})
        return found

    def delete(self, article_id: int) -> None:
        """Removes the article, its versions and every blob nothing else references."""
        with self._writing() as session:
            row = self._row(session, article_id)
            shas = {item.sha256 for item in row.attachments}
            for blob_shas in session.scalars(
                select(VersionRow.blob_shas).where(VersionRow.article_id == article_id)
            ):
                shas.update(blob_shas)
            session.delete(row)
            search.delete_index(session.connection(), article_id)
            session.info["free"].update(shas)

    # -- attachments ------------------------------------------------------------------------

    def add_attachment(
        self, article_id: int, source: Path, caption: str = "",
        progress: Progress | None = None,
    ) -> AttachmentRef:
        """Copies ``source`` into the blob store first, then records it on the article."""
        sha256, size = self._blobs.put_file(source, progress)
        ref = AttachmentRef(sha256=sha256, filename=source.name, size=size,
                            media_type=guess_media_type(source.name), caption=caption)
        try:
            return self.attach_blob(article_id, ref)
        except KeyError:
            self._free_blobs({sha256})
            raise

    def attach_blob(self, article_id: int, ref: AttachmentRef) -> AttachmentRef:
        """Records an attachment whose bytes are already in the blob store (imports)."""
        if not self._blobs.exists(ref.sha256):
            raise ValueError(f"blob {ref.sha256} is not in the blob store")
        with self._writing() as session:
            row = self._row(session, article_id)
            position = max((item.position for item in row.attachments), default=-1) + 1
            item = new_attachment_row(ref, position)
            row.attachments.append(item)
            row.updated_at = self._clock()
            session.flush()
            return to_ref(item)

    def update_caption(self, article_id: int, attachment_id: int, caption: str) -> None:
        with self._writing() as session:
            item = self._attachment(session, article_id, attachment_id)
            item.caption = caption
            item.article.updated_at = self._clock()

    def remove_attachment(self, article_id: int, attachment_id: int) -> None:
        """Keeps a version first, so a removal can be undone from history."""
        with self._writing() as session:
            item = self._attachment(session, article_id, attachment_id)
            row = item.article
            self._keep_version(session, row, self._clock())
            session.info["free"].add(item.sha256)
            row.attachments.remove(item)
            row.updated_at = self._clock()

    # -- versions ---------------------------------------------------------------------------

    def versions(self, article_id: int) -> builtins.list[VersionInfo]:
        """Earlier versions, newest first."""
        query = (select(VersionRow).where(VersionRow.article_id == article_id)
                 .order_by(VersionRow.id.desc()))
        with self._session() as session:
            return [versions.info(v) for v in session.scalars(query)]

    def version(self, version_id: int) -> Article:
        with self._session() as session:
            found = session.get(VersionRow, version_id)
            if found is None:
                raise KeyError(f"no version {version_id}")
            return versions.as_article(found)

    def restore(self, article_id: int, version_id: int) -> Article:
        """Makes a version current again; the current state is kept as a version first."""
        now = self._clock()
        with self._writing() as session:
            row = self._row(session, article_id)
            found = session.get(VersionRow, version_id)
            if found is None or found.article_id != article_id:
                raise KeyError(f"article {article_id} has no version {version_id}")
            old = versions.as_article(found)
            self._keep_version(session, row, now)
            apply_fields(row, old)
            row.title_key = search.fold(old.title)
            row.attachments.clear()
            self._sync_attachments(row, [r for r in old.attachments
                                         if self._blobs.exists(r.sha256)])
            row.updated_at = now
            session.flush()
            self._index(session, row)
            return to_article(row)

    # -- internals --------------------------------------------------------------------------

    @staticmethod
    def _article_query() -> Select[ArticleRow]:
        return select(ArticleRow).options(selectinload(ArticleRow.attachments))

    def _row(self, session: Session, article_id: int) -> ArticleRow:
        row = session.scalars(self._article_query().where(ArticleRow.id == article_id)).first()
        if row is None:
            raise KeyError(f"no article {article_id}")
        return row

    def _attachment(self, session: Session, article_id: int, attachment_id: int) -> AttachmentRow:
        item = session.get(AttachmentRow, attachment_id)
        if item is None or item.article_id != article_id:
            raise KeyError(f"article {article_id} has no attachment {attachment_id}")
        return item

    def _version_due(self, row: ArticleRow, now: datetime) -> bool:
        last = row.last_version_at
        return last is None or (now - last).total_seconds() >= self._interval

    def _keep_version(self, session: Session, row: ArticleRow, now: datetime) -> None:
        versions.keep_version(session, row, now)
        session.flush()
        session.info["free"].update(versions.prune(session, row.id, self._max_versions))

    def _sync_attachments(self, row: ArticleRow, refs: Iterable[AttachmentRef]) -> None:
        """Updates captions/order of known attachments and adds new ones; never drops any
        (removal is explicit, so a stale copy of the article cannot lose an attachment)."""
        by_id = {item.id: item for item in row.attachments}
        position = 0
        for ref in refs:
            item = by_id.pop(ref.id, None) if ref.id is not None else None
            if item is None:
                if not self._blobs.exists(ref.sha256):
                    raise ValueError(f"attachment {ref.filename!r}: blob not in the store")
                row.attachments.append(new_attachment_row(ref, position))
            else:
                item.caption, item.filename, item.position = ref.caption, ref.filename, position
            position += 1
        for item in sorted(by_id.values(), key=lambda i: i.position):
            item.position = position
            position += 1

    def _index(self, session: Session, row: ArticleRow) -> None:
        columns = search.index_row(row.title, row.summary, row.body_html, row.tags, row.meta)
        search.write_index(session.connection(), row.id, columns)

    def referenced(self, candidates: set[str]) -> set[str]:
        """Those of ``candidates`` still used by an attachment, a version or another source."""
        if not candidates:
            return set()
        params = {f"s{i}": sha for i, sha in enumerate(sorted(candidates))}
        marks = ", ".join(f":{key}" for key in params)
        sql = text(
            f"SELECT sha256 FROM attachments WHERE sha256 IN ({marks}) UNION "
            f"SELECT j.value FROM article_versions v, json_each(v.blob_shas) j "
            f"WHERE j.value IN ({marks})"
        )
        with self._session() as session:
            used = {row[0] for row in session.execute(sql, params)}
        for source in self._reference_sources:
            used |= source(candidates - used)
        return used

    def _free_blobs(self, candidates: set[str]) -> None:
        for sha256 in candidates - self.referenced(candidates):
            self._blobs.delete(sha256)

    def all_referenced(self) -> set[str]:
        """Every blob the store needs (for a full garbage collection)."""
        return self.referenced(self._blobs.all_shas())

    def count(self) -> int:
        with self._session() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


_SUMMARY_COLUMNS = (ArticleRow.id, ArticleRow.uid, ArticleRow.title, ArticleRow.category,
                    ArticleRow.state, ArticleRow.unit, ArticleRow.updated_at)
