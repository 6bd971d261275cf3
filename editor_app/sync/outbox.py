"""The outbox: drafts on their way to the portal, persisted so nothing is lost or sent twice.

An item is written to the local store, with its idempotency key and a snapshot of the content,
*before* the first network attempt; each attachment's tus URL and offset are written as they
change. A crash or a restart therefore resumes every upload and repeats the create with the same
key, which the portal answers with the submission it already made.

Persistence is the store's job (``editor_app.store.outbox`` implements :class:`OutboxRepository`);
sync and store are sibling layers that may not import each other, so the seam is this protocol of
plain JSON-like records, with :class:`OutboxItem` giving them meaning on this side.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from editor_app.core.articles import Article
from editor_app.core.errors import UserError
from editor_app.sync.remote import FINAL_REMOTE_STATES, RemoteStatus
from editor_app.sync.retry import Clock, utc_now


class ItemState(StrEnum):
    WAITING = "waiting"          # queued, or waiting for the next retry
    UPLOADING = "uploading"      # attachments going out (see OutboxItem.percent)
    SENT = "sent"                # the portal holds the submission
    FAILED = "failed"            # stopped; last_error says why; retry() puts it back
    NEEDS_LOGIN = "needs_login"  # the token was refused; resumes after a login
    PAUSED = "paused"            # the user paused it
    CANCELLED = "cancelled"      # the user gave up on it before it was sent


ACTIVE_STATES = frozenset({ItemState.WAITING, ItemState.UPLOADING, ItemState.NEEDS_LOGIN,
                           ItemState.PAUSED, ItemState.FAILED})


class Kind(StrEnum):
    CREATE = "create"        # POST /submissions with the idempotency key
    RESUBMIT = "resubmit"    # PATCH the returned submission (If-Match), then ``resubmit``


@dataclass
class UploadSlot:
    """One attachment of an outbox item and how far its upload got."""

    position: int
    sha256: str
    filename: str
    size: int
    media_type: str = "application/octet-stream"
    caption: str = ""
    url: str | None = None
    offset: int = 0
    upload_id: str | None = None
    done: bool = False


@dataclass
class OutboxItem:
    article_uid: str
    idempotency_key: str
    payload: dict[str, Any]
    uploads: list[UploadSlot] = field(default_factory=list)
    kind: Kind = Kind.CREATE
    state: ItemState = ItemState.WAITING
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""
    last_error_en: str = ""
    retryable: bool = False      # failed for a passing reason: requeued when the portal is back
    remote_id: int | None = None
    base_revision: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    @property
    def total_bytes(self) -> int:
        return sum(slot.size for slot in self.uploads)

    @property
    def sent_bytes(self) -> int:
        return sum(slot.size if slot.done else slot.offset for slot in self.uploads)

    @property
    def percent(self) -> int:
        total = self.total_bytes
        return 100 if total == 0 else int(100 * self.sent_bytes / total)

    def status_text(self, language: str = "vi") -> str:
        """The short state shown in lists: waiting / uploading n% / sent / failed: why / …"""
        return status_text(self.state, self.percent,
                           self.last_error if language == "vi" else self.last_error_en, language)

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["kind"], record["state"] = str(self.kind), str(self.state)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> OutboxItem:
        values = dict(record)
        values["uploads"] = [UploadSlot(**slot) for slot in values.get("uploads", [])]
        values["kind"] = Kind(values.get("kind", Kind.CREATE))
        values["state"] = ItemState(values.get("state", ItemState.WAITING))
        return cls(**values)


_LABELS = {
    ItemState.WAITING: ("đang chờ gửi", "waiting"),
    ItemState.UPLOADING: ("đang tải lên {percent}%", "uploading {percent}%"),
    ItemState.SENT: ("đã gửi", "sent"),
    ItemState.FAILED: ("lỗi: {why}", "failed: {why}"),
    ItemState.NEEDS_LOGIN: ("cần đăng nhập", "needs login"),
    ItemState.PAUSED: ("tạm dừng", "paused"),
    ItemState.CANCELLED: ("đã huỷ", "cancelled"),
}


def status_text(state: ItemState, percent: int = 0, why: str = "", language: str = "vi") -> str:
    vi, en = _LABELS[state]
    return (vi if language == "vi" else en).format(percent=percent, why=why)


class OutboxRepository(Protocol):
    """Where outbox items and pulled portal states are kept (implemented by the store)."""

    def insert_item(self, record: dict[str, Any]) -> int:
        """Insert item and uploads in one transaction; an existing key returns the existing id."""
        ...

    def update_item(self, item_id: int, changes: dict[str, Any]) -> None: ...
    def update_upload(self, item_id: int, position: int, changes: dict[str, Any]) -> None: ...
    def load_item(self, item_id: int) -> dict[str, Any] | None: ...
    def load_items(self, states: Collection[str] | None = None,
                   article_uid: str | None = None) -> list[dict[str, Any]]: ...
    def upsert_remote(self, record: dict[str, Any]) -> None: ...
    def load_remotes(self, article_uid: str | None = None) -> list[dict[str, Any]]: ...
    def get_value(self, key: str) -> str | None: ...
    def set_value(self, key: str, value: str) -> None: ...


class NotReadyError(UserError):
    """The draft still has errors: it cannot go to the outbox."""


def count_errors(findings: Iterable[Any]) -> int:
    """Findings whose severity is ``error`` (duck-typed: sync may not import validation)."""
    return sum(1 for finding in findings if str(getattr(finding, "severity", "")) == "error")


def payload_for(article: Article) -> dict[str, Any]:
    """The content snapshot sent to the portal: what the draft was when the user pressed Submit."""
    return {
        "title": article.title, "summary": article.summary, "body_html": article.body_html,
        "category": article.category,
        "author": {"pen_name": article.pen_name, "real_name": article.real_name},
        "source": article.source, "language": article.language, "tags": list(article.tags),
        "metadata": dict(article.metadata), "client_uid": article.uid,
        # no "unit": the portal files it under the account's own unit (a local display name
        # could differ from the portal's unit code and be refused)
    }


def slots_for(article: Article) -> list[UploadSlot]:
    return [UploadSlot(position=i, sha256=ref.sha256, filename=ref.filename, size=ref.size,
                       media_type=ref.media_type, caption=ref.caption)
            for i, ref in enumerate(article.attachments)]


def _new_key() -> str:
    return str(uuid.uuid4())


class Outbox:
    """What the UI calls: submit a checked draft, list, pause, retry, cancel."""

    def __init__(self, repo: OutboxRepository, clock: Clock = utc_now) -> None:
        self.repo = repo
        self._clock = clock

    def submit(self, article: Article, findings: Iterable[Any] = ()) -> OutboxItem:
        """Queue ``article``; an item already on its way is returned rather than doubled."""
        errors = count_errors(findings)
        if errors:
            raise NotReadyError(f"Bài còn {errors} lỗi, cần sửa trước khi gửi.",
                                f"The draft still has {errors} error(s); fix them first.")
        item = OutboxItem(article_uid=article.uid, idempotency_key=article.uid,
                          payload=payload_for(article), uploads=slots_for(article),
                          created_at=self._clock(), updated_at=self._clock())
        self._aim(item, self.remote_for(article.uid))
        item.id = self.repo.insert_item(item.to_record())
        return self.get(item.id)

    def _aim(self, item: OutboxItem, remote: RemoteStatus | None) -> None:
        """Create, or resubmit what the portal returned; refuse what is already in review."""
        if remote is None:
            return
        if remote.state == "returned":
            item.kind, item.remote_id = Kind.RESUBMIT, remote.remote_id
            item.base_revision = remote.revision
            reuse_uploads(item, remote.submission.get("attachments") or [])
        elif remote.state in FINAL_REMOTE_STATES:
            item.idempotency_key = _new_key()  # a new submission of the same draft
        else:
            raise UserError("Bài đang được Ban biên tập xử lý, chưa gửi lại được.",
                            "The portal is already reviewing this item.")

    def get(self, item_id: int) -> OutboxItem:
        record = self.repo.load_item(item_id)
        if record is None:
            raise KeyError(f"no outbox item {item_id}")
        return OutboxItem.from_record(record)

    def items(self, states: Collection[str] | None = None,
              article_uid: str | None = None) -> list[OutboxItem]:
        return [OutboxItem.from_record(r) for r in self.repo.load_items(states, article_uid)]

    def remote_for(self, article_uid: str) -> RemoteStatus | None:
        records = self.repo.load_remotes(article_uid)
        newest = max(records, key=lambda r: r["remote_id"], default=None)
        return RemoteStatus.from_record(newest) if newest else None

    def pause(self, item_id: int) -> None:
        self._move(item_id, ItemState.PAUSED, {ItemState.WAITING, ItemState.UPLOADING,
                                               ItemState.FAILED, ItemState.NEEDS_LOGIN})

    def retry(self, item_id: int) -> None:
        """Back to waiting now, with a fresh burst of attempts (also resumes a paused item)."""
        self._move(item_id, ItemState.WAITING, ACTIVE_STATES,
                   attempts=0, next_attempt_at=None, last_error="", last_error_en="")

    def cancel(self, item_id: int) -> None:
        """Stop sending; what already reached the portal stays there (pull will show it)."""
        self._move(item_id, ItemState.CANCELLED, ACTIVE_STATES)

    def resume_after_login(self) -> None:
        for item in self.items([ItemState.NEEDS_LOGIN]):
            self.retry(item.id or 0)

    def _move(self, item_id: int, state: ItemState, allowed: Collection[ItemState],
              **changes: Any) -> None:
        item = self.get(item_id)
        if item.state not in allowed:
            raise UserError(f"Không thể chuyển từ trạng thái {item.status_text('vi')}.",
                            f"Not possible while {item.status_text('en')}.")
        self.repo.update_item(item_id, {"state": str(state), "updated_at": self._clock(),
                                        **changes})

    def referenced_blobs(self, candidates: set[str]) -> set[str]:
        """Blobs still needed by unsent items (for the store's blob garbage collection)."""
        needed = {slot.sha256 for item in self.items(ACTIVE_STATES) for slot in item.uploads
                  if not slot.done}
        return candidates & needed


def reuse_uploads(item: OutboxItem, attachments: Iterable[dict[str, Any]]) -> None:
    """Attachments the portal already holds (same sha256) are not sent again on resubmit."""
    held = {a.get("sha256"): a.get("upload_id") for a in attachments}
    for slot in item.uploads:
        if held.get(slot.sha256):
            slot.upload_id, slot.done, slot.offset = held[slot.sha256], True, slot.size
