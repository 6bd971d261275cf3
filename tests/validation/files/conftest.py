"""Fixtures for the attachment tests: a folder of freshly built files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from editor_app.validation.isolation import WorkerPool


@pytest.fixture(scope="session")
def pool() -> Iterator[WorkerPool]:
    """Two real worker processes shared by the tests that need isolation."""
    with WorkerPool(2) as workers:
        yield workers
