"""The review workspace's portal account, in the real workspace against the real service.

It connects with the settings' proxy and CA bundle like the submit path, restores a saved login
from the keyring at start, says when no keyring can keep it, and, when the user chose to keep the
password in the keyring, renews an expired token by itself. The OS keyring cannot run here:
``MemoryKeyring`` stands in for it, and the "no usable keyring" case is the real fail backend.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import certifi
import pytest
from agency_proxy import AgencyProxy
from gui_helpers import PASSWORD, click, click_item, make_context, open_workspace
from keyring.backends import fail
from portal_fixtures import MemoryKeyring, short_token_service
from review_support import article

from editor_app.sync.credentials import CredentialStore
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.review.workspace import ReviewWorkspace

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def context(qapp, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    made = make_context(qapp, tmp_path / "home")
    yield made
    made.runner.shutdown()


def _shown(qtbot, context: AppContext, keys: object) -> ReviewWorkspace:  # type: ignore[no-untyped-def]
    workspace = ReviewWorkspace(context, CredentialStore(keys))  # type: ignore[arg-type]
    qtbot.addWidget(workspace)
    workspace.resize(1400, 860)
    workspace.show()
    return workspace


def _log_in(qtbot, workspace: ReviewWorkspace, url: str, user: str, password: str,  # type: ignore[no-untyped-def]
            remember: bool = False) -> None:
    login = workspace.login
    login.url.setText(url)
    login.username.setText(user)
    login.password.setText(password)
    if remember:
        click(qtbot, login.remember)
    click(qtbot, login.button)
    assert workspace.stack.currentIndex() == 1, login.error.text()


def test_the_review_tab_uses_the_proxy_and_ca_bundle_from_settings(
        qtbot, context: AppContext, board_url: str) -> None:  # type: ignore[no-untyped-def]
    proxy = AgencyProxy(("127.0.0.1", int(board_url.rsplit(":", 1)[1])))
    try:
        context.settings.set("proxy", proxy.url)
        context.settings.set("ca_bundle", certifi.where())
        workspace = _shown(qtbot, context, MemoryKeyring())
        _log_in(qtbot, workspace, "http://cong.sonla.test", "secretary", PASSWORD)
        assert "POST http://cong.sonla.test/api/v1/auth/login" in proxy.targets
        assert any(t.startswith("GET http://cong.sonla.test/api/v1/submissions")
                   for t in proxy.targets)  # the queues too
        client = workspace.session.client
        assert client is not None and client.options.ca_bundle == certifi.where()
        assert client.options.proxy == proxy.url
    finally:
        proxy.close()


def test_a_saved_login_is_restored_when_the_app_starts_again(
        qtbot, qapp, tmp_path: Path, board_url: str) -> None:  # type: ignore[no-untyped-def]
    keys = MemoryKeyring()
    first = make_context(qapp, tmp_path / "home")
    try:
        open_workspace(qtbot, first, board_url, "secretary", keys)
    finally:
        first.runner.shutdown()
    kinds = {account.rsplit("/", 1)[1] for _service, account in keys.saved}
    assert kinds == {"token"}  # the password was not asked to be kept
    again = make_context(qapp, tmp_path / "home")  # the same home: settings name the account
    try:
        workspace = _shown(qtbot, again, keys)
        assert workspace.stack.currentIndex() == 1  # no login page: the token was restored
        assert set(workspace.queues) == {"incoming", "publication", "archive"}
        assert workspace.session.username == "secretary"
    finally:
        again.runner.shutdown()


def test_without_a_usable_keyring_the_login_page_says_so(
        qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    bare = _shown(qtbot, context, fail.Keyring())
    assert bare.login.keyring_note.isVisible() and not bare.login.remember.isVisible()
    assert "session only" in bare.login.keyring_note.text()
    kept = _shown(qtbot, context, MemoryKeyring())
    assert kept.login.remember.isVisible() and not kept.login.keyring_note.isVisible()
    assert kept.login.remember.accessibleName()


def test_a_password_kept_in_the_keyring_renews_an_expired_login(
        qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The service's token lifetime is 2 s here instead of 12 h, so it really expires."""
    keys = MemoryKeyring()
    with short_token_service(tmp_path / "service", timedelta(seconds=2)) as url:
        workspace = _shown(qtbot, context, keys)
        _log_in(qtbot, workspace, url, "secretary", "demo-secretary", remember=True)
        token = workspace.session.connection.client.token  # type: ignore[union-attr]
        reply = workspace.session.connection.require_login().last_reply
        assert reply is not None
        time.sleep(max(0.0, (reply.expires_at - datetime.now(UTC)).total_seconds()) + 0.3)
        author = ReviewClient.connect(url)
        author.login("collaborator", "demo-collaborator")
        item = author.create_submission(article(title="Tin gửi sau khi phiên hết hạn"),
                                        "review-relogin-1")
        incoming = workspace.queues["incoming"]
        click(qtbot, incoming.refresh_button)
        click_item(qtbot, incoming, item.id)  # listed: the expired token was renewed
        assert workspace.stack.currentIndex() == 1 and not workspace.session.expired
        renewed = workspace.session.connection.client.token  # type: ignore[union-attr]
        assert renewed != token and (f"editor-app:{url}", "secretary/token") in keys.saved
        assert keys.saved[(f"editor-app:{url}", "secretary/token")] == renewed


def test_without_a_kept_password_an_expired_login_asks_once_and_resumes(
        qtbot, context: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    keys = MemoryKeyring()
    with short_token_service(tmp_path / "service", timedelta(seconds=1)) as url:
        workspace = _shown(qtbot, context, keys)
        _log_in(qtbot, workspace, url, "secretary", "demo-secretary")
        reply = workspace.session.connection.require_login().last_reply
        assert reply is not None
        time.sleep(max(0.0, (reply.expires_at - datetime.now(UTC)).total_seconds()) + 0.3)
        workspace.notifications.refresh()  # the minute's poll meets the expired token
        assert workspace.session.expired and workspace.stack.currentIndex() == 0
        login = workspace.login
        assert "expired" in login.error.text()
        assert (login.url.text(), login.username.text()) == (url, "secretary")
        login.password.setText("demo-secretary")
        click(qtbot, login.button)
        assert workspace.stack.currentIndex() == 1 and not workspace.session.expired
        assert set(workspace.queues) == {"incoming", "publication", "archive"}
