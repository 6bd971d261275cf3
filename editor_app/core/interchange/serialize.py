"""Article <-> JSON-safe dict: one form for draft packages and for the store's saved versions.

Keeping a single form means a version restored from history and a draft read from a USB stick go
through the same, tested conversion, and unknown keys from a newer writer are ignored, not fatal.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from editor_app.core.articles import Article, AttachmentRef, new_uid

_TEXT_FIELDS = ("title", "summary", "body_html", "category", "pen_name", "real_name", "source",
                "language", "unit", "state", "uid")


def attachment_to_dict(ref: AttachmentRef) -> dict[str, Any]:
    return {"sha256": ref.sha256, "filename": ref.filename, "size": ref.size,
            "media_type": ref.media_type, "caption": ref.caption}


def attachment_from_dict(data: dict[str, Any]) -> AttachmentRef:
    """Raises ValueError/TypeError on a malformed entry; callers turn that into a user error."""
    if not isinstance(data, dict):
        raise TypeError("attachment entry is not an object")
    size = data.get("size", 0)
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"bad attachment size {size!r}")
    return AttachmentRef(
        sha256=_text(data, "sha256").lower(), filename=_text(data, "filename"), size=size,
        media_type=_text(data, "media_type") or "application/octet-stream",
        caption=_text(data, "caption"),
    )


def article_to_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(article, name) for name in _TEXT_FIELDS}
    data["tags"] = list(article.tags)
    data["metadata"] = dict(article.metadata)
    data["attachments"] = [attachment_to_dict(ref) for ref in article.attachments]
    data["created_at"] = _iso(article.created_at)
    data["updated_at"] = _iso(article.updated_at)
    return data


def article_from_dict(data: dict[str, Any]) -> Article:
    """Builds an Article (without a database id); raises ValueError/TypeError when malformed."""
    if not isinstance(data, dict):
        raise TypeError("article is not an object")
    article = Article()
    for name in _TEXT_FIELDS:
        if name in data:
            setattr(article, name, _text(data, name))
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise TypeError("tags must be a list of strings")
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict):
        raise TypeError("metadata must be an object")
    attachments = data.get("attachments", [])
    if not isinstance(attachments, list):
        raise TypeError("attachments must be a list")
    article.uid = article.uid or new_uid()
    article.tags = list(tags)
    article.metadata = metadata
    article.attachments = [attachment_from_dict(item) for item in attachments]
    article.created_at = _parse_iso(data.get("created_at"))
    article.updated_at = _parse_iso(data.get("updated_at"))
    return article


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_iso(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("timestamps must be ISO 8601 strings")
    return datetime.fromisoformat(value)
