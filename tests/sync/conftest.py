"""Sync fixtures: a real store under a temporary home, its outbox, and a manual clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.core.paths import AppPaths, resolve_paths
from editor_app.store import Store, open_store
from editor_app.store.outbox import SqlOutboxRepository
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal, start_demo_portal
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


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPortal]:
    """The real review-queue service on 127.0.0.1, started the way the app starts its demo."""
    running = start_demo_portal(resolve_paths(tmp_path_factory.mktemp("portal-home")))
    yield running
    running.stop()


def _token(portal: DemoPortal, role: str) -> str:
    account = portal.account(role)
    client = ReviewQueueClient(ConnectionOptions(portal.url))
    return client.login(account.username, account.password).token


@pytest.fixture(scope="session")
def collaborator_token(portal: DemoPortal) -> str:
    return _token(portal, "collaborator")


@pytest.fixture(scope="session")
def secretary(portal: DemoPortal) -> ReviewQueueClient:
    """The board's secretary, to act on submissions from the other side."""
    return ReviewQueueClient(ConnectionOptions(portal.url), token=_token(portal, "secretary"))


@pytest.fixture
def client(portal: DemoPortal, collaborator_token: str) -> ReviewQueueClient:
    return ReviewQueueClient(ConnectionOptions(portal.url), token=collaborator_token)
