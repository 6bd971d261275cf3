"""Sync fixtures: a real store under a temporary home, its outbox, and a manual clock; the real
service (``portal``, ``secretary``, ``collaborator_token``) comes from tests/portal_fixtures.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from portal_fixtures import collaborator_token, portal, secretary

from editor_app.core.paths import AppPaths, resolve_paths
from editor_app.store import Store, open_store
from editor_app.store.outbox import SqlOutboxRepository
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.outbox import Outbox
from editor_app.sync.retry import ManualClock


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "home")


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    opened = open_store(paths)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def repo(store: Store) -> SqlOutboxRepository:
    return SqlOutboxRepository(store.engine)


@pytest.fixture
def outbox(repo: SqlOutboxRepository, clock: ManualClock) -> Outbox:
    return Outbox(repo, clock)


@pytest.fixture
def client(portal: DemoPortal, collaborator_token: str) -> ReviewQueueClient:
    return ReviewQueueClient(ConnectionOptions(portal.url), token=collaborator_token)


__all__ = ["collaborator_token", "portal", "secretary"]  # fixtures shared with tests/submit_ui
