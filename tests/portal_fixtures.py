"""The real review-queue service on 127.0.0.1, shared by the test folders that talk to a portal.

Started the way the app starts its demo portal (``start_demo_portal``), once per session and per
folder that imports these fixtures into its conftest (tests/sync, tests/submit_ui). Import the
fixtures by name: ``from portal_fixtures import portal, secretary, collaborator_token``.

:func:`short_token_service` runs the same service in a thread with a token lifetime of seconds
(the service's ``Settings.token_ttl``), so tests see real token expiry; :class:`MemoryKeyring`
stands in for the OS keyring, which cannot run here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import keyring.backend
import keyring.errors
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


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Stands in for the OS keyring only (it cannot run here): secrets in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.saved.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@contextmanager
def short_token_service(folder: Path, token_ttl: timedelta) -> Iterator[str]:
    """The real service on 127.0.0.1 (uvicorn in a thread) with the demo accounts, whose tokens
    expire after ``token_ttl``; yields its address."""
    from review_queue.db import make_engine, session_factory, session_scope, upgrade
    from review_queue.demo import create_demo
    from review_queue.settings import Settings
    from review_queue.testing import serve_in_thread

    settings = Settings(data_dir=folder, token_ttl=token_ttl, failure_delay_s=0.0,
                        failure_delay_max_s=0.0)
    engine = make_engine(settings)
    upgrade(engine)
    with session_scope(session_factory(engine)) as db:
        create_demo(db)
    engine.dispose()
    with serve_in_thread(settings) as url:
        yield url
