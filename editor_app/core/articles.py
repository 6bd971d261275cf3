"""The article as the whole app sees it: plain dataclasses, handed between store, UI and sync.

The store maps these to SQLAlchemy models; the UI and validation never see a Session. Category
specific metadata (legal document number, gazette issue, project budget …) lives in ``metadata``, a
JSON object whose fields the portal profile declares, so a profile can add fields without a
database migration (shared/REGULATIONS.md §5).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def new_uid() -> str:
    """A stable identity that survives export/import and doubles as the submit idempotency key."""
    return str(uuid.uuid4())


@dataclass
class AttachmentRef:
    """A file attached to an article; its bytes live in the blob store under ``sha256``."""

    sha256: str
    filename: str
    size: int
    media_type: str = "application/octet-stream"
    caption: str = ""
    id: int | None = None


@dataclass
class Article:
    """One article (bài viết) with its metadata; ``id`` is None until first saved."""

    title: str = ""
    summary: str = ""           # sapo
    body_html: str = ""
    category: str = "news"
    pen_name: str = ""          # bút danh
    real_name: str = ""         # tên thật
    source: str = ""            # nguồn
    language: str = "vi"
    tags: list[str] = field(default_factory=list)
    unit: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    attachments: list[AttachmentRef] = field(default_factory=list)
    state: str = "draft"
    uid: str = field(default_factory=new_uid)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the drafts list: enough to sort and show without loading bodies."""

    id: int
    uid: str
    title: str
    category: str
    state: str
    unit: str
    updated_at: datetime
    deadline: str | None = None   # ISO date computed from the profile, when known


@dataclass(frozen=True)
class VersionInfo:
    """An earlier saved version of a draft that the user can view and restore."""

    id: int
    article_id: int
    saved_at: datetime
    title: str
