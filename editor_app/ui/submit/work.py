"""The submit path's blocking work, run by the operation runner off the GUI thread.

Plain functions over the sync layer and the store: they never touch a widget and return plain
values (rows, reports) that the controller hands to the views on the GUI thread. One row is shown
per draft (its newest outbox item), with the portal's last known word on it, so a collaborator sees
"đã gửi" or "trả lại: …" offline too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from editor_app.core.articles import Article
from editor_app.core.errors import UserError
from editor_app.sync.outbox import ItemState, Outbox, OutboxItem
from editor_app.sync.profile_cache import CachedProfile
from editor_app.sync.remote import RemoteStatus
from editor_app.sync.service import SyncService

PAUSABLE = frozenset({ItemState.WAITING, ItemState.UPLOADING, ItemState.FAILED,
                      ItemState.NEEDS_LOGIN})
RETRYABLE = frozenset({ItemState.FAILED, ItemState.PAUSED, ItemState.NEEDS_LOGIN,
                       ItemState.WAITING})
CANCELLABLE = frozenset({ItemState.WAITING, ItemState.UPLOADING, ItemState.FAILED,
                         ItemState.NEEDS_LOGIN, ItemState.PAUSED})


@dataclass(frozen=True)
class Row:
    """One line of the submissions panel: a draft's newest outbox item and the portal's state."""

    item_id: int
    article_uid: str
    title: str
    state: ItemState
    percent: int
    text_vi: str
    text_en: str
    remote_state: str = ""
    comments: tuple[str, ...] = ()
    updated_at: datetime | None = None

    def text(self, language: str) -> str:
        return self.text_vi if language == "vi" else self.text_en

    @property
    def returned(self) -> bool:
        return self.remote_state == "returned"

    @property
    def can_pause(self) -> bool:
        return self.state in PAUSABLE

    @property
    def can_retry(self) -> bool:
        return self.state in RETRYABLE

    @property
    def can_cancel(self) -> bool:
        return self.state in CANCELLABLE


@dataclass
class RoundReport:
    """What one sync round did, for the views: fresh rows, drafts that changed, any failure."""

    rows: list[Row]
    changed: dict[str, Article] = field(default_factory=dict)   # uid -> fresh draft
    reopened: set[str] = field(default_factory=set)
    error: UserError | None = None
    next_wakeup: datetime | None = None
    profile: CachedProfile | None = None  # the portal's profile, fetched (or cached) this round


def status_texts(item: OutboxItem, remote: RemoteStatus | None) -> tuple[str, str]:
    """(vi, en): the outbox's own state, or the portal's once it holds the item and moved it."""
    if item.state is ItemState.SENT and remote is not None and remote.state != "submitted":
        return remote.status_text("vi"), remote.status_text("en")
    return item.status_text("vi"), item.status_text("en")


def row_for(item: OutboxItem, remote: RemoteStatus | None) -> Row:
    vi, en = status_texts(item, remote)
    following = remote is not None and item.state is ItemState.SENT
    comments = tuple(str(c.get("text", "")) for c in remote.comments) if following and remote \
        else ()
    return Row(item_id=item.id or 0, article_uid=item.article_uid,
               title=str(item.payload.get("title", "")), state=item.state, percent=item.percent,
               text_vi=vi, text_en=en, remote_state=remote.state if following and remote else "",
               comments=comments, updated_at=item.updated_at)


def load_rows(outbox: Outbox) -> list[Row]:
    """Newest item per draft, newest first; cancelled items only while nothing newer exists."""
    newest: dict[str, OutboxItem] = {}
    for item in outbox.items():
        newest[item.article_uid] = item  # items come in id order: the last one wins
    remotes = _newest_remotes(outbox)
    rows = [row_for(item, remotes.get(uid)) for uid, item in newest.items()]
    return sorted(rows, key=lambda r: r.item_id, reverse=True)


def _newest_remotes(outbox: Outbox) -> dict[str, RemoteStatus]:
    found: dict[str, RemoteStatus] = {}
    for record in outbox.repo.load_remotes():
        status = RemoteStatus.from_record(record)
        held = found.get(status.article_uid)
        if held is None or held.remote_id < status.remote_id:
            found[status.article_uid] = status
    return found


def sync_round(service: SyncService, drafts: Any, cancel: threading.Event,
               hurry: bool = False) -> RoundReport:
    """Send what is due, pull what changed, and gather what the views need to show it.

    A portal that cannot be reached is not a failure of the round: items keep waiting (the
    engine recorded why) and the report carries the error for the panel's status line.
    ``hurry`` (the user pressed "Sync now"): items waiting for their next retry go now; their
    attempt count stays, so retries remain bounded.
    """
    if hurry:
        due_now(service.outbox)
    before = {row.article_uid: row for row in load_rows(service.outbox)}
    error: UserError | None = None
    reopened: set[str] = set()
    profile: CachedProfile | None = None
    try:
        result = service.sync_now(cancel)
        if result.pulled is not None:
            reopened = {s.article_uid for s in result.pulled.reopened}
        profile = service.profile()
    except UserError as exc:
        error = exc
    rows = load_rows(service.outbox)
    changed = {row.article_uid for row in rows if before.get(row.article_uid) != row}
    fresh = {uid: drafts.get_by_uid(uid) for uid in changed | reopened}
    return RoundReport(rows=rows, changed={k: v for k, v in fresh.items() if v is not None},
                       reopened=reopened, error=error, next_wakeup=service.engine.next_wakeup(),
                       profile=profile)


def due_now(outbox: Outbox) -> None:
    for item in outbox.items([ItemState.WAITING]):
        if item.next_attempt_at is not None:
            outbox.repo.update_item(item.id or 0, {"next_attempt_at": None})


def validate_draft(article: Article, blobs: Any, profile: Any) -> list[Any]:
    """The whole-article check (text, metadata, policy, attachments) before it may leave,
    against ``profile``: the portal's own profile when known, else the settings' profile id
    (``AppContext.check_profile``)."""
    from editor_app.validation.article import validate_article

    files: list[tuple[Any, Path]] = []
    for ref in article.attachments:
        try:
            files.append((ref, blobs.path(ref.sha256)))
        except ValueError:  # not a blob address: nothing to inspect
            continue
    return list(validate_article(article, files, profile))
