"""Store fixtures: a real SQLite file under a temporary app home, and a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editor_app.core.paths import AppPaths, resolve_paths
from editor_app.store import Store, open_store
from editor_app.store.repository import DraftRepository


class FakeClock:
    """Time that moves only when the test says so (the version throttle counts seconds)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "home")


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    opened = open_store(paths)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def drafts(store: Store, clock: FakeClock) -> DraftRepository:
    """The store's repository, but on the fake clock."""
    return DraftRepository(store.engine, store.blobs, clock=clock)
