"""Nothing lost, nothing doubled: a fault-injecting proxy between the app and the real service.

Each test submits through :class:`faultproxy.FaultProxy` in front of the review-queue service on
127.0.0.1, with faults aimed at one request: a connection cut mid-upload, a 500 before or after the
service did the work, a reply that never comes (client timeout), a reset. Then the engine retries on
a manual clock, and the service must hold each submission exactly once with every byte intact.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from faultproxy import FaultProxy
from portal_fixtures import MemoryKeyring, short_token_service
from sync_helpers import jpeg_bytes, make_article, make_service

from editor_app.core import wire
from editor_app.core.articles import Article
from editor_app.store import Store
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.credentials import PASSWORD, CredentialStore
from editor_app.sync.demo_portal import DemoPortal, free_port
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.outbox import ItemState
from editor_app.sync.retry import ManualClock
from editor_app.sync.service import SyncService
from review_queue.demo import DEMO_ACCOUNTS

pytestmark = pytest.mark.e2e

UPLOADS = r"^/api/v1/uploads/?$"
CHUNKS = r"^/api/v1/uploads/[0-9a-f]+$"
CREATE = r"^/api/v1/submissions$"
PATCH = r"^/api/v1/submissions/\d+$"
COLLABORATOR = next(a for a in DEMO_ACCOUNTS if a.role == "collaborator")


@pytest.fixture
def proxy(portal: DemoPortal) -> Iterator[FaultProxy]:
    port = int(portal.url.rsplit(":", 1)[1])
    running = FaultProxy(("127.0.0.1", port))
    yield running
    running.close()


def _drain(service: SyncService, clock: ManualClock, rounds: int = 10) -> None:
    """Run the engine until nothing is due, moving the clock to each retry time."""
    for _ in range(rounds):
        service.engine.run_due()
        wake = service.engine.next_wakeup()
        if wake is None:
            return
        clock.now = max(clock.now, wake)


def _assert_held_once(client: ReviewQueueClient, article: Article) -> None:
    """Exactly one submission for the draft, and every attachment whole."""
    held = [s for s in client.list_submissions(mine="true") if s.client_uid == article.uid]
    assert len(held) == 1
    by_name = {a.filename: a.sha256 for a in held[0].attachments}
    assert by_name == {a.filename: a.sha256 for a in article.attachments}


def _article(store: Store, seed: int) -> Article:
    return make_article(store, files={"anh-1.jpg": jpeg_bytes(seed, 600, 400),
                                      "anh-2.jpg": jpeg_bytes(seed + 1, 200, 200)})


def _service(store: Store, proxy: FaultProxy, token: str, clock: ManualClock,
             read_timeout: float = 30.0) -> SyncService:
    return make_service(store, proxy.url, token, clock, chunk_size=64 * 1024,
                        read_timeout=read_timeout)


def test_connection_cut_mid_upload_resumes_from_the_server_offset(
        store: Store, proxy: FaultProxy, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient) -> None:
    article = _article(store, 10)
    proxy.add("PATCH", CHUNKS, "drop", nth=3, arg=30_000)
    service = _service(store, proxy, collaborator_token, clock)
    item = service.outbox.submit(article)
    service.engine.run_due()
    waiting = service.outbox.get(item.id or 0)
    assert waiting.state is ItemState.WAITING and waiting.attempts == 1
    assert waiting.uploads[0].url and waiting.uploads[0].offset == 2 * 64 * 1024
    _drain(service, clock)
    assert service.outbox.get(item.id or 0).state is ItemState.SENT
    _assert_held_once(client, article)
    creates = [entry for entry in proxy.log if entry[0] == "POST" and "uploads" in entry[1]]
    assert len(creates) == 2  # one upload per file: the cut one was resumed, not restarted


@pytest.mark.parametrize("kind", ["error_before", "error_after", "reset_after", "hang_after"])
def test_create_that_fails_or_loses_its_reply_makes_one_submission(
        kind: str, store: Store, proxy: FaultProxy, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient) -> None:
    article = _article(store, 20)
    proxy.add("POST", CREATE, kind)
    service = _service(store, proxy, collaborator_token, clock, read_timeout=1.5)
    item = service.outbox.submit(article)
    service.engine.run_due()
    assert service.outbox.get(item.id or 0).state is ItemState.WAITING
    _drain(service, clock)
    assert service.outbox.get(item.id or 0).state is ItemState.SENT
    _assert_held_once(client, article)
    assert all(rule.fired for rule in proxy.rules)


@pytest.mark.parametrize("kind", ["error_after", "reset_after", "hang_after", "error_before"])
def test_upload_chunk_faults_keep_every_byte(
        kind: str, store: Store, proxy: FaultProxy, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient) -> None:
    article = _article(store, 30)
    proxy.add("PATCH", CHUNKS, kind, nth=2)
    proxy.add("POST", UPLOADS, kind, nth=2)
    service = _service(store, proxy, collaborator_token, clock, read_timeout=1.5)
    item = service.outbox.submit(article)
    _drain(service, clock)
    assert service.outbox.get(item.id or 0).state is ItemState.SENT
    _assert_held_once(client, article)
    assert all(rule.fired for rule in proxy.rules)


def test_retries_back_off_exponentially_with_jitter_and_stay_bounded(
        store: Store, collaborator_token: str, clock: ManualClock) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    service = make_service(store, dead, collaborator_token, clock, max_attempts=5)
    item = service.outbox.submit(make_article(store))
    waits = []
    for _ in range(10):
        service.engine.run_due()
        wake = service.engine.next_wakeup()
        if wake is None:
            break
        waits.append((wake - clock.now).total_seconds())
        clock.now = wake
    assert len(waits) == 4  # attempts 1..4 wait; the 5th ends the burst
    for n, wait in enumerate(waits):
        ceiling = 5.0 * 2 ** n
        assert ceiling / 2 <= wait <= ceiling
    assert len(set(waits)) == len(waits)
    stalled = service.outbox.get(item.id or 0)
    assert stalled.state is ItemState.FAILED and stalled.retryable
    assert stalled.status_text("en") == "failed: Cannot reach the portal; will retry."


@pytest.mark.parametrize("remembered", [True, False], ids=["password-saved", "no-password"])
def test_a_portal_down_for_days_loses_nothing_and_the_outbox_drains_when_it_returns(
        remembered: bool, store: Store, clock: ManualClock, tmp_path: Path) -> None:
    """The token really expires meanwhile (the service's token lifetime set to 2 s instead of
    12 h); the OS keyring is stood in for by an in-memory one (it cannot run here)."""
    keys = MemoryKeyring()
    with short_token_service(tmp_path / "service", timedelta(seconds=2)) as url:
        upstream = ("127.0.0.1", int(url.rsplit(":", 1)[1]))
        port = free_port()
        service = make_service(store, f"http://127.0.0.1:{port}", None, clock,
                               credentials=CredentialStore(keys))
        up = FaultProxy(upstream, port=port)
        try:
            login = service.login(COLLABORATOR.password, remember_password=remembered)
        finally:
            up.close()
        articles = [_article(store, 40 + i) for i in range(3)]
        items = [service.outbox.submit(a) for a in articles]
        for _ in range(4 * 24):  # four days, the app syncing every hour as scheduled
            service.sync_now(pull=False)
            clock.advance(hours=1)
        assert all(service.outbox.get(i.id or 0).state in (ItemState.WAITING, ItemState.FAILED)
                   for i in items)
        assert clock.now - items[0].created_at >= timedelta(days=4)  # type: ignore[operator]
        _sleep_past(login.expires_at)
        back = FaultProxy(upstream, port=port)
        try:
            service.sync_now(pull=False)  # the next scheduled round after the portal returns
            states = [service.outbox.get(i.id or 0).state for i in items]
            if not remembered:
                assert states == [ItemState.NEEDS_LOGIN] * 3
                assert service.outbox.get(items[0].id or 0).status_text("en") == "needs login"
                service.login(COLLABORATOR.password)  # one login resumes every item
                service.sync_now(pull=False)
                states = [service.outbox.get(i.id or 0).state for i in items]
        finally:
            back.close()
        assert states == [ItemState.SENT] * 3
        logins = [entry for entry in back.log if entry[1] == "/api/v1/auth/login"]
        assert len(logins) == 1  # logged in again once, not once per item
        assert service.portal.token != login.token
        checker = ReviewQueueClient(ConnectionOptions(url))
        checker.login(COLLABORATOR.username, COLLABORATOR.password)
        for article in articles:
            _assert_held_once(checker, article)


def test_a_saved_password_the_portal_refuses_is_forgotten(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    keys = MemoryKeyring()
    with short_token_service(tmp_path / "service", timedelta(seconds=1)) as url:
        credentials = CredentialStore(keys)
        service = make_service(store, url, None, clock, credentials=credentials)
        login = service.login(COLLABORATOR.password, remember_password=True)
        assert service.account.can_relogin()
        credentials.set(url, "collaborator", "not the password any more", PASSWORD)
        item = service.outbox.submit(_article(store, 70))
        _sleep_past(login.expires_at)
        service.sync_now(pull=False)
        assert service.outbox.get(item.id or 0).state is ItemState.NEEDS_LOGIN
        assert not service.account.can_relogin()  # not tried again and again
        assert not [value for value in keys.saved.values() if "not the password" in value]


def _sleep_past(moment: datetime) -> None:
    left = (moment - datetime.now(UTC)).total_seconds()
    time.sleep(max(0.0, left) + 0.2)


def test_cancel_mid_upload_pause_and_resume(store: Store, proxy: FaultProxy, clock: ManualClock,
                                            collaborator_token: str,
                                            client: ReviewQueueClient) -> None:
    import threading

    article = _article(store, 50)
    service = _service(store, proxy, collaborator_token, clock)
    item = service.outbox.submit(article)
    stop = threading.Event()
    seen: list[int] = []

    def on_change(changed):  # type: ignore[no-untyped-def]
        seen.append(changed.percent)
        if changed.sent_bytes > 100_000:
            service.outbox.pause(item.id or 0)
            stop.set()  # what the UI's Pause button does

    service.engine.on_change = on_change
    service.engine.run_due(stop)
    paused = service.outbox.get(item.id or 0)
    assert paused.state is ItemState.PAUSED and 0 < paused.percent < 100
    assert service.engine.run_due() == []  # a paused item stays put
    service.engine.on_change = None
    service.outbox.retry(item.id or 0)
    service.engine.run_due()
    assert service.outbox.get(item.id or 0).state is ItemState.SENT
    _assert_held_once(client, article)


def test_a_pause_during_a_failing_attempt_is_respected(store: Store, clock: ManualClock,
                                                       collaborator_token: str) -> None:
    service = make_service(store, f"http://127.0.0.1:{free_port()}", collaborator_token, clock)
    item = service.outbox.submit(_article(store, 60))

    def pause_once_uploading(changed):  # type: ignore[no-untyped-def]
        if changed.state is ItemState.UPLOADING:
            service.outbox.pause(item.id or 0)  # the user clicks Pause while it is trying

    service.engine.on_change = pause_once_uploading
    service.engine.run_due()
    assert service.outbox.get(item.id or 0).state is ItemState.PAUSED


def test_a_resubmit_whose_edit_reply_is_lost_is_not_taken_for_a_conflict(
        store: Store, proxy: FaultProxy, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient, secretary: ReviewQueueClient) -> None:
    """The portal stores the body as its own sanitiser leaves it, so after a lost PATCH reply
    the retry's 412 carries a body that differs from ours only in markup: ours, already held."""
    article = make_article(store)
    service = _service(store, proxy, collaborator_token, clock, read_timeout=1.5)
    item = service.outbox.submit(article)
    _drain(service, clock)
    remote_id = service.outbox.get(item.id or 0).remote_id or 0
    secretary.transition(remote_id, wire.TransitionRequest(action=wire.Action.CLAIM))
    secretary.transition(remote_id, wire.TransitionRequest(action=wire.Action.RETURN,
                                                           comment="Bổ sung nội dung"))
    service.puller.pull()
    edited = store.drafts.get_by_uid(article.uid)
    edited.body_html = ('<p style="margin-top:0px; -qt-block-indent:0;">Nội dung đã '
                        '<span style=" font-weight:700;">bổ sung</span>.</p>')
    store.drafts.save(edited)
    proxy.add("PATCH", PATCH, "error_after")
    again = service.outbox.submit(store.drafts.get_by_uid(article.uid))
    _drain(service, clock)
    assert all(rule.fired for rule in proxy.rules)
    sent = service.outbox.get(again.id or 0)
    assert sent.state is ItemState.SENT, sent.status_text("en")
    remote = client.get_submission(remote_id)
    assert remote.state == "submitted" and "bổ sung" in remote.body_html
    assert "style" not in remote.body_html


def test_a_draft_changed_after_a_lost_create_reply_takes_over_what_the_portal_made(
        store: Store, proxy: FaultProxy, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient) -> None:
    """The first send went through but its answer was lost; the user cancelled, edited and sent
    again under the same key (the draft's uid). The portal refuses the new body for that key
    and names the submission it made: the app adopts it and brings it up to date."""
    article = make_article(store)
    proxy.add("POST", CREATE, "error_after")
    service = _service(store, proxy, collaborator_token, clock, read_timeout=1.5)
    first = service.outbox.submit(article)
    service.engine.run_due()
    assert service.outbox.get(first.id or 0).state is ItemState.WAITING
    service.outbox.cancel(first.id or 0)
    edited = store.drafts.get_by_uid(article.uid)
    edited.summary = "Chiều nay, UBND tỉnh tổ chức hội nghị tổng kết năm."
    store.drafts.save(edited)
    again = service.outbox.submit(store.drafts.get_by_uid(article.uid))
    _drain(service, clock)
    sent = service.outbox.get(again.id or 0)
    assert sent.state is ItemState.SENT, sent.status_text("en")
    held = [s for s in client.list_submissions(mine="true") if s.client_uid == article.uid]
    assert [s.id for s in held] == [sent.remote_id]
    assert held[0].summary == edited.summary and held[0].revision == 2
