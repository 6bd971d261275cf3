"""The sync engine: takes due outbox items to the portal, one careful step at a time.

Every step is recorded before the next one starts (upload URL, offsets, upload ids, the created
submission), and the create carries the item's idempotency key, so the engine can be killed at any
instant and simply run again: uploads resume from the server's offset and the create returns the
submission the portal already holds. Failures are sorted by :func:`errors.is_transient`: passing
ones wait with backoff (and, after the burst of attempts, until the portal answers again), lasting
ones stop with the reason shown, an expired login waits for the user.

Plain code with an injected clock, a cancel event and a change callback: the UI runs it on its
network pool and shows the states; tests drive it directly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, BinaryIO, Protocol

from editor_app.core import wire
from editor_app.core.errors import Cancelled, UserError
from editor_app.core.interchange.html_clean import clean_html
from editor_app.sync.client import PortalAdapter
from editor_app.sync.errors import (
    AuthExpiredError,
    ConflictError,
    PortalError,
    RejectedError,
    ServerBusyError,
    StaleRevisionError,
    is_transient,
)
from editor_app.sync.outbox import ItemState, Kind, Outbox, OutboxItem, UploadSlot
from editor_app.sync.remote import RemoteStatus
from editor_app.sync.retry import Clock, RetryPolicy, utc_now
from editor_app.sync.uploads import UploadJob, absolute_location, stored_location

log = logging.getLogger("editor_app.sync.engine")

DUE_STATES = (ItemState.WAITING, ItemState.UPLOADING)
KEY_REUSED = "idempotency-key-reused"  # the portal's code: same key, other content
CONTENT_FIELDS = ("title", "summary", "body_html", "category", "source", "language")


class BlobSource(Protocol):
    """Opens attachment bytes by sha256 (the store's BlobStore fits)."""

    def open(self, sha256: str) -> BinaryIO: ...


class LocalArticles(Protocol):
    """What the engine and the puller change on local drafts (implemented over the store)."""

    def mark_state(self, article_uid: str, state: str) -> None: ...
    def reopen(self, article_uid: str, content: dict[str, Any] | None) -> None: ...


class SyncEngine:
    def __init__(self, portal: PortalAdapter, outbox: Outbox, blobs: BlobSource, *,
                 articles: LocalArticles | None = None, policy: RetryPolicy | None = None,
                 clock: Clock = utc_now,
                 on_change: Callable[[OutboxItem], None] | None = None) -> None:
        self.portal = portal
        self.outbox = outbox
        self.repo = outbox.repo
        self.blobs = blobs
        self.articles = articles
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self.on_change = on_change

    # -- scheduling ---------------------------------------------------------------------------

    def run_due(self, cancel: threading.Event | None = None) -> list[OutboxItem]:
        """Process every item whose time has come; returns them as they ended up."""
        self._requeue_if_portal_back()
        done = []
        for item in self.outbox.items(DUE_STATES):
            if cancel is not None and cancel.is_set():
                break
            if item.next_attempt_at is None or item.next_attempt_at <= self.clock():
                done.append(self.process(item.id or 0, cancel))
        return done

    def next_wakeup(self) -> datetime | None:
        """The earliest time an item is due again (None: nothing waits on a timer)."""
        times = [i.next_attempt_at for i in self.outbox.items(DUE_STATES) if i.next_attempt_at]
        return min(times, default=None)

    def _requeue_if_portal_back(self) -> None:
        """Items that ran out of attempts for a passing reason go again once the portal answers."""
        stalled = [i for i in self.outbox.items([ItemState.FAILED]) if i.retryable]
        if not stalled:
            return
        try:
            self.portal.health()
        except UserError:
            return
        for item in stalled:
            self.outbox.retry(item.id or 0)

    # -- one item -----------------------------------------------------------------------------

    def process(self, item_id: int, cancel: threading.Event | None = None) -> OutboxItem:
        item = self.outbox.get(item_id)
        if item.state not in DUE_STATES:
            return item
        try:
            self._upload_all(item, cancel)
            submission = self._deliver(item)
        except Cancelled:
            return self._after_cancel(item_id)
        except UserError as exc:
            current = self.outbox.get(item_id)
            if current.state in (ItemState.PAUSED, ItemState.CANCELLED):
                return current  # the user stopped it meanwhile: their choice stands
            if isinstance(exc, AuthExpiredError):
                return self._stop(item, ItemState.NEEDS_LOGIN, exc)
            return self._failed(item, exc)
        return self._sent(item, submission)

    def _save(self, item: OutboxItem, **changes: Any) -> OutboxItem:
        changes["updated_at"] = self.clock()
        self.repo.update_item(item.id or 0, changes)
        for key, value in changes.items():
            setattr(item, key, value)
        if self.on_change is not None:
            self.on_change(item)
        return item

    def _upload_all(self, item: OutboxItem, cancel: threading.Event | None) -> None:
        pending = [slot for slot in item.uploads if not slot.done]
        if pending:
            self._save(item, state=ItemState.UPLOADING)
        for slot in pending:
            self._upload(item, slot, cancel)

    def _upload(self, item: OutboxItem, slot: UploadSlot, cancel: threading.Event | None) -> None:
        def record(**changes: Any) -> None:
            self.repo.update_upload(item.id or 0, slot.position, changes)
            for key, value in changes.items():
                setattr(slot, key, value)

        def progress(sent: int, _total: int) -> None:
            slot.offset = sent
            if self.on_change is not None:
                self.on_change(item)

        base = self.portal.base_url
        job = UploadJob(open=lambda: self.blobs.open(slot.sha256), size=slot.size,
                        filename=slot.filename, media_type=slot.media_type,
                        url=absolute_location(slot.url, base))
        upload_id = self.portal.upload(
            job, on_url=lambda url: record(url=stored_location(url, base), offset=0),
            on_offset=lambda offset: record(offset=offset), progress=progress, cancel=cancel)
        record(upload_id=upload_id, offset=slot.size, done=True)

    def _deliver(self, item: OutboxItem) -> wire.Submission:
        attachments = [wire.AttachmentIn(upload_id=slot.upload_id or "", filename=slot.filename,
                                         caption=slot.caption) for slot in item.uploads]
        if item.kind is Kind.RESUBMIT:
            submission = self._resubmit(item, attachments)
        else:
            body = wire.SubmissionCreate.model_validate(
                {**item.payload, "attachments": [a.model_dump() for a in attachments]})
            try:
                submission = self.portal.create_submission(body, item.idempotency_key)
            except RejectedError as exc:
                if exc.code != KEY_REUSED or not isinstance(exc.body.get("current"), dict):
                    raise
                submission = self._adopt(item, wire.Submission.model_validate(
                    exc.body["current"]), attachments)
        _check_attachments(item, submission)
        return submission

    def _adopt(self, item: OutboxItem, held: wire.Submission,
               attachments: list[wire.AttachmentIn]) -> wire.Submission:
        """The portal made a submission from an earlier send of this draft whose answer never
        came back, and the draft has changed since (the key is the draft's uid): take that
        submission over and bring it up to date, rather than leave the draft stuck or make a
        second item. Only while it is still the author's to edit; otherwise say so."""
        self._save(item, remote_id=held.id)
        if held.state is not wire.State.SUBMITTED:
            raise PortalError(
                "Cổng đã có bản gửi trước của bài này và đang xử lý, chưa cập nhật được.",
                "The portal already holds an earlier send of this draft and is working on it; "
                "it cannot be updated now.")
        patch = _patch_for(item, attachments)
        log.info("outbox item %s takes over submission %s made by an earlier send",
                 item.id, held.id)
        return self.portal.patch_submission(held.id, patch, held.revision)

    def _resubmit(self, item: OutboxItem,
                  attachments: list[wire.AttachmentIn]) -> wire.Submission:
        """PATCH the returned item (If-Match), then ``resubmit``; both are safe to repeat."""
        remote_id = item.remote_id or 0
        patch = _patch_for(item, attachments)
        try:
            self.portal.patch_submission(remote_id, patch, item.base_revision or 0)
        except StaleRevisionError as exc:
            if not _same_content(exc.current or {}, item.payload):
                raise  # somebody else changed it: a real conflict, shown to the user
        try:
            return self.portal.transition(remote_id, wire.TransitionRequest(
                action=wire.Action.RESUBMIT))
        except ConflictError:
            current = self.portal.get_submission(remote_id)
            if current.state is wire.State.SUBMITTED:  # our earlier resubmit went through
                return current
            raise

    # -- outcomes -----------------------------------------------------------------------------

    def _sent(self, item: OutboxItem, submission: wire.Submission) -> OutboxItem:
        status = RemoteStatus.from_wire(submission, [], self.clock(), item.article_uid)
        self.repo.upsert_remote(status.to_record())
        self._save(item, state=ItemState.SENT, remote_id=submission.id, last_error="",
                   last_error_en="", retryable=False, next_attempt_at=None)
        if self.articles is not None:
            self.articles.mark_state(item.article_uid, str(submission.state))
        log.info("outbox item %s sent as submission %s", item.id, submission.id)
        return item

    def _after_cancel(self, item_id: int) -> OutboxItem:
        """A cancel event stops work; the item stays resumable unless the user paused it."""
        item = self.outbox.get(item_id)
        if item.state is ItemState.UPLOADING:
            self._save(item, state=ItemState.WAITING)
        return item

    def _stop(self, item: OutboxItem, state: ItemState, exc: UserError,
              retryable: bool = False) -> OutboxItem:
        log.info("outbox item %s: %s (%s)", item.id, state, exc.message_en)
        return self._save(item, state=state, last_error=exc.message_vi,
                          last_error_en=exc.message_en, retryable=retryable,
                          next_attempt_at=None)

    def _failed(self, item: OutboxItem, exc: UserError) -> OutboxItem:
        if not is_transient(exc):
            return self._stop(item, ItemState.FAILED, exc)
        attempts = item.attempts + 1
        retry_after = exc.retry_after if isinstance(exc, ServerBusyError) else None
        when = self.policy.next_attempt(self.clock(), attempts, retry_after)
        if when is None:
            self._save(item, attempts=attempts)
            return self._stop(item, ItemState.FAILED, exc, retryable=True)
        log.info("outbox item %s: attempt %s failed (%s); next at %s", item.id, attempts,
                 exc.message_en, when.isoformat())
        return self._save(item, state=ItemState.WAITING, attempts=attempts, next_attempt_at=when,
                          last_error=exc.message_vi, last_error_en=exc.message_en)


def _patch_for(item: OutboxItem, attachments: list[wire.AttachmentIn]) -> wire.SubmissionPatch:
    """The draft's content as an edit of the submission it became."""
    return wire.SubmissionPatch.model_validate(
        {**{k: v for k, v in item.payload.items() if k not in ("unit", "client_uid")},
         "attachments": [a.model_dump() for a in attachments]})


def _same_content(current: dict[str, Any], payload: dict[str, Any]) -> bool:
    """Whether the portal already holds what we sent (our earlier PATCH went through and only
    its reply was lost). The portal stores the body as :func:`clean_html` leaves it, never the
    client's own markup, so our body counts as held in that form too."""
    def held(key: str) -> bool:
        mine, theirs = payload.get(key), current.get(key)
        if key == "body_html" and isinstance(mine, str) and mine != theirs:
            return clean_html(mine) == theirs
        return mine == theirs

    return all(held(key) for key in CONTENT_FIELDS)


def _check_attachments(item: OutboxItem, submission: wire.Submission) -> None:
    """The portal must hold every byte we meant to send: compare sha256 per upload."""
    held = {a.upload_id: a.sha256 for a in submission.attachments}
    for slot in item.uploads:
        if slot.upload_id in held and held[slot.upload_id] != slot.sha256:
            raise PortalError(f"Tệp {slot.filename} trên cổng không khớp tổng kiểm.",
                              f"{slot.filename} on the portal does not match its checksum.")
