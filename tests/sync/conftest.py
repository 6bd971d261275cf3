"""Sync fixtures: a real store under a temporary home, its outbox, and a manual clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.core.paths import AppPaths, resolve_paths
from editor_app.store import Store, open_store
from editor_app.store.outbox import SqlOutboxRepository
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
