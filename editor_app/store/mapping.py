"""Rows to plain dataclasses and back: the UI and sync only ever see :mod:`editor_app.core`."""

from __future__ import annotations

import mimetypes

from editor_app.core.articles import Article, ArticleSummary, AttachmentRef
from editor_app.store.models import ArticleRow, AttachmentRow

_CONTENT_FIELDS = ("title", "summary", "body_html", "category", "pen_name", "real_name",
                   "source", "language", "unit", "state")


def to_article(row: ArticleRow) -> Article:
    return Article(
        **{name: getattr(row, name) for name in _CONTENT_FIELDS},
        tags=list(row.tags or []), metadata=dict(row.meta or {}),
        attachments=[to_ref(item) for item in row.attachments],
        uid=row.uid, id=row.id, created_at=row.created_at, updated_at=row.updated_at,
    )


def to_ref(row: AttachmentRow) -> AttachmentRef:
    return AttachmentRef(sha256=row.sha256, filename=row.filename, size=row.size,
                         media_type=row.media_type, caption=row.caption, id=row.id)


def to_summary(row: ArticleRow) -> ArticleSummary:
    return ArticleSummary(id=row.id, uid=row.uid, title=row.title, category=row.category,
                          state=row.state, unit=row.unit, updated_at=row.updated_at)


def apply_fields(row: ArticleRow, article: Article) -> None:
    """Copies the editable content of ``article`` onto ``row`` (not ids, uid or timestamps)."""
    for name in _CONTENT_FIELDS:
        setattr(row, name, getattr(article, name))
    row.tags = list(article.tags)
    row.meta = dict(article.metadata)


def new_attachment_row(ref: AttachmentRef, position: int) -> AttachmentRow:
    return AttachmentRow(sha256=ref.sha256, filename=ref.filename, size=ref.size,
                         media_type=ref.media_type or guess_media_type(ref.filename),
                         caption=ref.caption, position=position)


def guess_media_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"
