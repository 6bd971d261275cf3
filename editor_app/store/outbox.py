"""Outbox and sync state in the local store: what is on its way to the portal, and what came back.

The sync layer owns the meaning (``editor_app.sync.outbox``); this module only keeps it, behind
the record protocol ``OutboxRepository`` (sync and store are sibling layers and may not import
each other). Each method is one short transaction, committed before it returns, with
``synchronous=FULL``: once :meth:`SqlOutboxRepository.insert_item` returns, the idempotency key is
on disk, which is what makes a crash before the first network attempt harmless.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from editor_app.store.base import Base, UTCDateTime
from editor_app.store.repository import DraftRepository

# Kept in step with editor_app.sync.outbox.ACTIVE_STATES (an item still on its way).
ACTIVE_STATES = ("waiting", "uploading", "needs_login", "paused", "failed")


class OutboxItemRow(Base):
    __tablename__ = "outbox_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_uid: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="create")
    idempotency_key: Mapped[str] = mapped_column(String(200), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), index=True, default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_en: Mapped[str] = mapped_column(Text, default="")
    retryable: Mapped[bool] = mapped_column(Boolean, default=False)
    remote_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    base_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    uploads: Mapped[list[OutboxUploadRow]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="OutboxUploadRow.position",
        lazy="selectin")


class OutboxUploadRow(Base):
    __tablename__ = "outbox_uploads"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("outbox_items.id", ondelete="CASCADE"),
                                         index=True)
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    caption: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    offset: Mapped[int] = mapped_column("upload_offset", BigInteger, default=0)
    upload_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    item: Mapped[OutboxItemRow] = relationship(back_populates="uploads")


class RemoteSubmissionRow(Base):
    """The portal's last word on one of our submissions (state, revision, content, history)."""

    __tablename__ = "remote_submissions"

    remote_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    article_uid: Mapped[str] = mapped_column(String(200), index=True)
    state: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    last_comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    pulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    submission: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    comments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class SyncValueRow(Base):
    """Small named values of the sync layer (the pull cursor, the portal profile's ETag …)."""

    __tablename__ = "sync_values"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


_ITEM_COLUMNS = ("article_uid", "kind", "idempotency_key", "payload", "state", "attempts",
                 "next_attempt_at", "last_error", "last_error_en", "retryable", "remote_id",
                 "base_revision", "created_at", "updated_at")
_UPLOAD_COLUMNS = ("position", "sha256", "filename", "size", "media_type", "caption", "url",
                   "offset", "upload_id", "done")
_REMOTE_COLUMNS = ("remote_id", "article_uid", "state", "revision", "title", "last_comment",
                   "updated_at", "pulled_at", "submission", "history", "comments")


def _item_record(row: OutboxItemRow) -> dict[str, Any]:
    record = {name: getattr(row, name) for name in _ITEM_COLUMNS}
    record["id"] = row.id
    record["uploads"] = [{name: getattr(u, name) for name in _UPLOAD_COLUMNS}
                         for u in row.uploads]
    return record


class SqlOutboxRepository:
    """The store's implementation of ``editor_app.sync.outbox.OutboxRepository``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _session(self) -> Session:
        return Session(self._engine, expire_on_commit=False)

    def insert_item(self, record: dict[str, Any]) -> int:
        with self._session() as session, session.begin():
            existing = session.scalar(select(OutboxItemRow.id).where(
                OutboxItemRow.article_uid == record["article_uid"],
                OutboxItemRow.state.in_(ACTIVE_STATES)))
            if existing is not None:
                return existing
            row = OutboxItemRow(**{k: _plain(record[k]) for k in _ITEM_COLUMNS if k in record})
            row.uploads = [OutboxUploadRow(**{k: u[k] for k in _UPLOAD_COLUMNS if k in u})
                           for u in record.get("uploads", [])]
            session.add(row)
            session.flush()
            return row.id

    def update_item(self, item_id: int, changes: dict[str, Any]) -> None:
        with self._session() as session, session.begin():
            row = session.get_one(OutboxItemRow, item_id)
            for key, value in changes.items():
                if key not in _ITEM_COLUMNS:
                    raise KeyError(f"not an outbox item column: {key}")
                setattr(row, key, _plain(value))

    def update_upload(self, item_id: int, position: int, changes: dict[str, Any]) -> None:
        with self._session() as session, session.begin():
            row = session.scalars(select(OutboxUploadRow).where(
                OutboxUploadRow.item_id == item_id, OutboxUploadRow.position == position)).one()
            for key, value in changes.items():
                if key not in _UPLOAD_COLUMNS:
                    raise KeyError(f"not an outbox upload column: {key}")
                setattr(row, key, value)

    def load_item(self, item_id: int) -> dict[str, Any] | None:
        with self._session() as session:
            row = session.get(OutboxItemRow, item_id)
            return _item_record(row) if row else None

    def load_items(self, states: Collection[str] | None = None,
                   article_uid: str | None = None) -> list[dict[str, Any]]:
        query = select(OutboxItemRow).order_by(OutboxItemRow.id)
        if states is not None:
            query = query.where(OutboxItemRow.state.in_([str(s) for s in states]))
        if article_uid is not None:
            query = query.where(OutboxItemRow.article_uid == article_uid)
        with self._session() as session:
            return [_item_record(row) for row in session.scalars(query)]

    def upsert_remote(self, record: dict[str, Any]) -> None:
        with self._session() as session, session.begin():
            row = session.get(RemoteSubmissionRow, record["remote_id"]) or RemoteSubmissionRow()
            for name in _REMOTE_COLUMNS:
                setattr(row, name, record[name])
            session.add(row)

    def load_remotes(self, article_uid: str | None = None) -> list[dict[str, Any]]:
        query = select(RemoteSubmissionRow).order_by(RemoteSubmissionRow.remote_id)
        if article_uid is not None:
            query = query.where(RemoteSubmissionRow.article_uid == article_uid)
        with self._session() as session:
            return [{name: getattr(row, name) for name in _REMOTE_COLUMNS}
                    for row in session.scalars(query)]

    def get_value(self, key: str) -> str | None:
        with self._session() as session:
            row = session.get(SyncValueRow, key)
            return row.value if row else None

    def set_value(self, key: str, value: str) -> None:
        with self._session() as session, session.begin():
            session.merge(SyncValueRow(key=key, value=value))


def _plain(value: Any) -> Any:
    """Enum members (StrEnum states) are stored as their plain string."""
    return str(value) if hasattr(value, "value") and isinstance(value, str) else value


class StoreArticles:
    """``editor_app.sync.engine.LocalArticles`` over the drafts repository."""

    def __init__(self, drafts: DraftRepository) -> None:
        self._drafts = drafts

    def mark_state(self, article_uid: str, state: str) -> None:
        article = self._drafts.get_by_uid(article_uid)
        if article is not None and article.state != state:
            article.state = state
            self._drafts.save(article)

    def reopen(self, article_uid: str, content: dict[str, Any] | None) -> None:
        """A returned item becomes an editable draft again, with the portal's current text."""
        article = self._drafts.get_by_uid(article_uid)
        if article is None:
            return
        self._drafts.checkpoint(article.id or 0)  # the local text stays in the history
        for key, value in (content or {}).items():
            if key == "author":
                article.pen_name = value.get("pen_name", article.pen_name)
                article.real_name = value.get("real_name", article.real_name)
            elif hasattr(article, key):
                setattr(article, key, value)
        article.state = "draft"
        self._drafts.save(article)
