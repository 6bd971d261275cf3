"""The demo portal keeps its address across restarts, so an interrupted upload resumes.

Saved logins and cached profiles are keyed by the portal's address, and an upload resumes at its
tus location: the demo portal (the real service as a child process, started the way the app
starts it) reuses its port on the same app home, and when another program holds that port the
upload still resumes on the new one, because the outbox keeps upload locations relative to the
portal.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from portal_fixtures import token_for
from sync_helpers import jpeg_bytes, make_article, make_service

from editor_app.core.paths import resolve_paths
from editor_app.store import Store
from editor_app.sync.demo_portal import DemoPortal, start_demo_portal
from editor_app.sync.outbox import ItemState, OutboxItem
from editor_app.sync.retry import ManualClock
from editor_app.sync.uploads import upload_id

pytestmark = pytest.mark.e2e


def _begin_upload(store: Store, portal: DemoPortal, token: str,
                  clock: ManualClock) -> OutboxItem:
    """Submit a draft with a photo and stop its upload part-way, as quitting the app does."""
    service = make_service(store, portal.url, token, clock, chunk_size=64 * 1024)
    article = make_article(store, files={"anh.jpg": jpeg_bytes(80, 800, 600)})
    item = service.outbox.submit(article)
    stop = threading.Event()
    service.engine.on_change = lambda changed: stop.set() if changed.sent_bytes > 100_000 \
        else None
    service.engine.run_due(stop)
    halfway = service.outbox.get(item.id or 0)
    assert halfway.state is ItemState.WAITING and 0 < halfway.percent < 100
    assert (halfway.uploads[0].url or "").startswith("/api/v1/uploads/")  # relative
    return halfway


def _finish(store: Store, portal: DemoPortal, token: str, clock: ManualClock,
            halfway: OutboxItem) -> None:
    service = make_service(store, portal.url, token, clock, chunk_size=64 * 1024)
    [item] = service.engine.run_due()
    assert item.state is ItemState.SENT
    slot = item.uploads[0]
    assert slot.upload_id == upload_id(halfway.uploads[0].url or "")  # resumed, not restarted
    submission = service.portal.get_submission(item.remote_id or 0)
    [held] = submission.attachments
    assert held.sha256 == slot.sha256


def test_the_demo_portal_restarts_on_its_port_and_the_upload_resumes(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    home = resolve_paths(tmp_path / "app-home")
    first = start_demo_portal(home)
    try:
        token = token_for(first, "collaborator")
        halfway = _begin_upload(store, first, token, clock)
    finally:
        first.stop()
    second = start_demo_portal(home)
    try:
        assert second.url == first.url and second.previous_url is None
        _finish(store, second, token, clock, halfway)
    finally:
        second.stop()


def test_when_its_port_is_taken_the_demo_portal_moves_and_the_upload_still_resumes(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    home = resolve_paths(tmp_path / "app-home")
    first = start_demo_portal(home)
    try:
        token = token_for(first, "collaborator")
        halfway = _begin_upload(store, first, token, clock)
    finally:
        first.stop()
    port = int(first.url.rsplit(":", 1)[1])
    with socket.create_server(("127.0.0.1", port)):  # another program took the port
        moved = start_demo_portal(home)
    try:
        assert moved.url != first.url and moved.previous_url == first.url
        _finish(store, moved, token, clock, halfway)
    finally:
        moved.stop()
    again = start_demo_portal(home)  # the new port is the one remembered now
    try:
        assert again.url == moved.url
    finally:
        again.stop()
