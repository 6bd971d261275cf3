"""Earlier versions of a draft: whole snapshots, kept sparingly so history stays bounded.

A snapshot is the article in draft-package JSON form (editor_app.core.interchange.serialize), so
restoring history and importing a package share one conversion. Identical consecutive states are
never stored twice, and the oldest versions beyond a cap are dropped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from editor_app.core.articles import Article, VersionInfo
from editor_app.core.interchange.serialize import article_from_dict, article_to_dict
from editor_app.store.mapping import to_article
from editor_app.store.models import ArticleRow, VersionRow

_VOLATILE = ("created_at", "updated_at")


def content_of(article: Article) -> dict[str, Any]:
    """The part of an article that makes it a different version (not its timestamps)."""
    data = article_to_dict(article)
    for key in _VOLATILE:
        data.pop(key, None)
    return data


def same_content(first: dict[str, Any], second: dict[str, Any]) -> bool:
    return {k: v for k, v in first.items() if k not in _VOLATILE} == {
        k: v for k, v in second.items() if k not in _VOLATILE
    }


def newest(session: Session, article_id: int) -> VersionRow | None:
    return session.scalars(
        select(VersionRow).where(VersionRow.article_id == article_id)
        .order_by(VersionRow.id.desc()).limit(1)
    ).first()


def keep_version(session: Session, row: ArticleRow, now: datetime) -> VersionRow | None:
    """Snapshots ``row`` as it stands unless the newest version already holds that content."""
    snapshot = article_to_dict(to_article(row))
    latest = newest(session, row.id)
    row.last_version_at = now
    if latest is not None and same_content(latest.snapshot, snapshot):
        return None
    version = VersionRow(
        article_id=row.id, saved_at=row.updated_at, title=row.title, snapshot=snapshot,
        blob_shas=sorted({ref["sha256"] for ref in snapshot["attachments"]}),
    )
    session.add(version)
    return version


def prune(session: Session, article_id: int, keep: int) -> set[str]:
    """Drops versions beyond the newest ``keep``; returns the blobs they referred to."""
    count = session.scalar(
        select(func.count()).select_from(VersionRow).where(VersionRow.article_id == article_id)
    ) or 0
    if count <= keep:
        return set()
    old = session.scalars(
        select(VersionRow).where(VersionRow.article_id == article_id)
        .order_by(VersionRow.id.asc()).limit(count - keep)
    ).all()
    shas = {sha for version in old for sha in version.blob_shas}
    session.execute(delete(VersionRow).where(VersionRow.id.in_([v.id for v in old])))
    return shas


def info(version: VersionRow) -> VersionInfo:
    return VersionInfo(id=version.id, article_id=version.article_id, saved_at=version.saved_at,
                       title=version.title)


def as_article(version: VersionRow) -> Article:
    article = article_from_dict(version.snapshot)
    article.id = version.article_id
    return article
