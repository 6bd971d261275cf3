"""Tables of the local store: articles, their attachments, earlier versions and the search index.

An article's category-specific fields (legal document number, gazette issue, project budget …) sit
in the JSON ``metadata`` column, declared by the portal profile, so a profile adds fields without a
migration (REGULATIONS.md §5). The full-text index ``article_fts`` is an FTS5 virtual table created
by the migration (SQLAlchemy cannot model it); it holds a diacritic-folded copy of each article,
and ``article_title_fts`` the folded titles alone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editor_app.store.base import Base, UTCDateTime

FTS_TABLE = "article_fts"
FTS_TITLE_TABLE = "article_title_fts"   # titles alone: small doclists, cheap "title first"


class ArticleRow(Base):
    """One article (bài viết) as it stands now."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    # Folded title (no diacritics, lower case): the list sorts by it so "Đà Nẵng" sits among
    # the d's, not after z as raw code points would put it.
    title_key: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64), default="news")
    pen_name: Mapped[str] = mapped_column(Text, default="")
    real_name: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="vi")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    unit: Mapped[str] = mapped_column(Text, default="")
    # ``metadata`` is reserved by SQLAlchemy's declarative classes, hence the attribute name.
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    state: Mapped[str] = mapped_column(String(32), default="draft")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When the newest earlier version was kept: drives the version throttle without a query.
    last_version_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
        order_by="AttachmentRow.position",
    )

    __table_args__ = (
        Index("ix_articles_updated_at", "updated_at"),
        Index("ix_articles_created_at", "created_at"),
        Index("ix_articles_title_key", "title_key"),
        Index("ix_articles_category", "category"),
        Index("ix_articles_state", "state"),
    )


class AttachmentRow(Base):
    """A file attached to an article; the bytes are in the blob store under ``sha256``."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    caption: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[ArticleRow] = relationship(back_populates="attachments")

    __table_args__ = (
        Index("ix_attachments_article_id", "article_id"),
        Index("ix_attachments_sha256", "sha256"),
    )


class VersionRow(Base):
    """An earlier state of an article, kept whole as JSON (the draft-package form)."""

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Blobs this version needs, so garbage collection keeps them while the version exists.
    blob_shas: Mapped[list[str]] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_article_versions_article_id_saved_at", "article_id", "saved_at"),)
