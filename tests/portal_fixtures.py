"""The real review-queue service on 127.0.0.1, shared by the test folders that talk to a portal.

Started the way the app starts its demo portal (``start_demo_portal``), once per session and per
folder that imports these fixtures into its conftest (tests/sync, tests/submit_ui). Import the
fixtures by name: ``from portal_fixtures import portal, secretary, collaborator_token``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from editor_app.core.paths import resolve_paths
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal, start_demo_portal
from editor_app.sync.http import ConnectionOptions


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPortal]:
    """The real review-queue service on 127.0.0.1, started the way the app starts its demo."""
    running = start_demo_portal(resolve_paths(tmp_path_factory.mktemp("portal-home")))
    yield running
    running.stop()


def token_for(portal: DemoPortal, role: str) -> str:
    account = portal.account(role)
    client = ReviewQueueClient(ConnectionOptions(portal.url))
    return client.login(account.username, account.password).token


@pytest.fixture(scope="session")
def collaborator_token(portal: DemoPortal) -> str:
    return token_for(portal, "collaborator")


@pytest.fixture(scope="session")
def secretary(portal: DemoPortal) -> ReviewQueueClient:
    """The board's secretary, to act on submissions from the other side."""
    return ReviewQueueClient(ConnectionOptions(portal.url), token=token_for(portal, "secretary"))
