"""One portal account for the whole window: the portal's profile in force, the role's shape, and
a password kept in the keyring on request. Real window, real service on 127.0.0.1.

The OS keyring cannot run here: where a test needs one that persists, ``MemoryKeyring`` stands in
for it; elsewhere the real "no usable keyring" backend is used.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import pytest
from portal_fixtures import MemoryKeyring
from PySide6.QtCore import Qt
from submit_helpers import click_send, log_in, make_draft, open_draft

from editor_app.core.paths import resolve_paths
from editor_app.store import Store
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.demo_portal import DemoPortal, service_command, start_demo_portal
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.review import ReviewClient
from editor_app.ui.app import build_context
from editor_app.ui.context import AppContext
from editor_app.validation.article import validate_article

pytestmark = pytest.mark.e2e

# How a province tightens its profile (docs/profiles.md): Sơn La's rules, plus the event date of
# every news item required.
SON_LA_PORTAL = """schema = 1
extends = "son-la"
id = "son-la"

[categories.news.fields.event_date]
required = true
reference = "003 Điều 16.7"
"""


def _son_la_portal(tmp_path: Path, home: Path) -> DemoPortal:
    rules = tmp_path / "son-la-portal.toml"
    rules.write_text(SON_LA_PORTAL, encoding="utf-8")
    own = start_demo_portal(resolve_paths(home))
    subprocess.run([*service_command(), "--data", str(own.data_dir), "profile", "set",
                    str(rules)], check=True, capture_output=True, timeout=120)
    return own


def _send_and_refuse(qtbot, window) -> list:  # type: ignore[no-untyped-def]
    refused: list[list] = []
    window.submit.controller.sig_refused.connect(refused.append)
    click_send(qtbot, window)
    qtbot.waitUntil(lambda: bool(refused))
    return refused[0]


def _required_missing(findings: list) -> list[str]:
    return [f.location.field for f in findings if f.code == "metadata.required-missing"]


def test_offline_checks_follow_the_portals_profile_not_the_settings(
        qtbot, qapp, window, store: Store, app_home: Path, tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:  # type: ignore[no-untyped-def]
    own = _son_la_portal(tmp_path, tmp_path_factory.mktemp("son-la-portal"))
    try:
        assert window.context.settings.get("profile_id") == "national"
        log_in(qtbot, window, own)
        note = window.submit.panel.profile_note
        qtbot.waitUntil(lambda: "son-la" in note.text())
        assert note.isVisible()
        assert note.text() == ("Bài được kiểm tra theo quy định của Cổng: "
                               "Cổng Thông tin điện tử tỉnh Sơn La (son-la).")
    finally:
        own.stop()  # from here on the portal is unreachable
    draft = make_draft(store, tmp_path / "files")  # a news item without its event date
    assert _required_missing(validate_article(draft, [], "national")) == []  # fine locally
    open_draft(qtbot, window, draft)
    findings = _send_and_refuse(qtbot, window)
    assert _required_missing(findings) == ["metadata.event_date"]
    current = window.editor.findings.tree.currentItem()
    assert current is not None and "Ngày diễn ra sự kiện" in current.text(0)
    assert "Sơn La" in window.message_bar.text
    assert not window.submit.controller.outbox.items()
    window.editor_controller.check_now()  # the editor's own checks (F7) use it too
    shown = window.editor.findings.tree
    assert any("Ngày diễn ra sự kiện" in shown.topLevelItem(i).text(0)
               for i in range(shown.topLevelItemCount()))

    again = _restart(qapp, app_home, store)  # the app starts again, the portal still down
    try:
        later = _main_window(qtbot, again)
        again.set_demo_portal(own)  # its address, remembered in the app home
        note = later.submit.panel.profile_note
        qtbot.waitUntil(lambda: "(bản lấy về lần trước): Cổng Thông tin điện tử tỉnh Sơn La"
                        in note.text())  # "the portal's rules as last fetched"
        open_draft(qtbot, later, draft)
        assert _required_missing(_send_and_refuse(qtbot, later)) == ["metadata.event_date"]
    finally:
        again.runner.shutdown()
        again.languages.set_language("en")


def _restart(qapp, app_home: Path, store: Store) -> AppContext:  # type: ignore[no-untyped-def]
    context = build_context(qapp, resolve_paths(app_home).ensure(),
                            argparse.Namespace(lang="vi", no_error_dialogs=True), inline=True)
    context.set_store(store)
    context.load_profile()
    return context


def _main_window(qtbot, context: AppContext):  # type: ignore[no-untyped-def]
    from editor_app.ui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1280, 860)
    main.show()
    qtbot.waitUntil(lambda: getattr(main, "submit", None) is not None, timeout=15000)
    return main


def _log_in_as(qtbot, window, portal: DemoPortal, role: str) -> None:  # type: ignore[no-untyped-def]
    window.context.demo_portal = portal
    qtbot.mouseClick(window.submit.panel.login_button, Qt.MouseButton.LeftButton)
    account = window.submit.account
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
    panel = account.dialog.panel
    panel.username.setText(portal.account(role).username)
    panel.password.setText(portal.account(role).password)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: account.connection.role == role, timeout=20000)


def test_the_window_takes_the_shape_of_the_role_chief_then_collaborator(
        qtbot, window, portal: DemoPortal) -> None:  # type: ignore[no-untyped-def]
    submit, tabs = window.submit, window.review.tabs
    assert submit.action.isVisible() and tabs.isTabVisible(0)  # no account yet: the composer
    _log_in_as(qtbot, window, portal, "chief")
    assert not tabs.isTabVisible(0) and tabs.currentIndex() == 1  # the review tab in front
    workspace = window.review.workspace
    assert workspace.stack.currentIndex() == 1  # logged in there too, with no second login
    assert "approval" in workspace.queues and workspace.dashboard is not None
    assert not submit.action.isVisible()
    button = window.toolbar.widgetForAction(submit.action)
    qtbot.waitUntil(lambda: button is None or not button.isVisible())  # the toolbar relays out
    assert not submit.dock.isVisible() and not submit.dock.toggleViewAction().isVisible()
    assert not window.main_actions.actions["new"].isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Open a draft" not in window.message_bar.text  # the send action cannot be triggered
    assert "Hãy mở" not in window.message_bar.text

    qtbot.mouseClick(workspace.logout_button, Qt.MouseButton.LeftButton)
    login = workspace.login
    login.username.setText(portal.account("collaborator").username)
    login.password.setText(portal.account("collaborator").password)
    qtbot.mouseClick(login.button, Qt.MouseButton.LeftButton)
    assert workspace.stack.currentIndex() == 1 and set(workspace.queues) == {"mine"}
    assert tabs.isTabVisible(0) and submit.action.isVisible()
    assert submit.dock.isVisible() and window.main_actions.actions["new"].isVisible()
    service = submit.account.service  # the submit path uses the review tab's login
    assert service is not None and service.username == portal.account("collaborator").username


def test_the_login_dialog_keeps_the_password_only_when_asked(
        qtbot, ui_context: AppContext, portal: DemoPortal) -> None:  # type: ignore[no-untyped-def]
    from editor_app.ui.review.connection import shared_connection

    keys = MemoryKeyring()
    shared_connection(ui_context, CredentialStore(keys))  # the window's account, on this keyring
    window = _main_window(qtbot, ui_context)
    window.context.demo_portal = portal
    qtbot.mouseClick(window.submit.panel.login_button, Qt.MouseButton.LeftButton)
    account = window.submit.account
    qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
    panel = account.dialog.panel
    assert panel.remember.isVisible() and not panel.keyring_note.isVisible()
    qtbot.mouseClick(panel.remember, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: account.service is not None)
    service_name = f"editor-app:{portal.url}"
    assert (service_name, "collaborator/password") in keys.saved
    assert (service_name, "collaborator/token") in keys.saved
    assert account.connection.login is not None and account.connection.login.can_relogin()


def test_a_moved_demo_portal_keeps_the_saved_login(
        ui_context: AppContext, portal: DemoPortal) -> None:
    """The demo portal had to take a new port: the login saved for its old address follows."""
    from editor_app.ui.review.connection import PortalConnection, restore_account

    keys = MemoryKeyring()
    credentials = CredentialStore(keys)
    account = portal.account("secretary")
    old = "http://127.0.0.1:9"  # where the demo portal was before its port was taken
    login = ReviewClient(ConnectionOptions(portal.url)).login(account.username, account.password)
    credentials.set(old, account.username, login.token)
    connection = PortalConnection(ui_context, credentials)
    found, _profile = restore_account(connection.options(portal.url), account.username,
                                      credentials, connection.memo, connection.profiles, old)
    assert found is not None and found.me is not None and found.me.role == "secretary"
    assert credentials.get(portal.url, account.username) == login.token
    assert credentials.get(old, account.username) is None


def test_an_expired_login_says_so_and_one_login_sends_what_waited(
        qtbot, window, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The service's tokens last 1 s here instead of 12 h; no password is kept."""
    import time
    from datetime import UTC, datetime, timedelta

    from portal_fixtures import short_token_service
    from submit_helpers import wait_state

    with short_token_service(tmp_path / "service", timedelta(seconds=1)) as url:
        panel, account = window.submit.panel, window.submit.account

        def log_in_by_dialog() -> None:
            qtbot.mouseClick(panel.login_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: account.dialog is not None and account.dialog.isVisible())
            form = account.dialog.panel
            form.url.setText(url)
            form.username.setText("collaborator")
            form.password.setText("demo-collaborator")
            qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: account.dialog is None, timeout=20000)

        log_in_by_dialog()
        reply = account.connection.require_login().last_reply
        assert reply is not None
        time.sleep(max(0.0, (reply.expires_at - datetime.now(UTC)).total_seconds()) + 0.3)
        drafts = [make_draft(store, tmp_path / f"files-{i}", title=f"Tin số {i} năm 2025")
                  for i in range(2)]
        for draft in drafts:
            open_draft(qtbot, window, draft)
            click_send(qtbot, window)
            wait_state(qtbot, window, draft.uid, "cần đăng nhập")
        assert "hết hạn" in panel.account.text() and panel.login_button.text() == "Đăng nhập…"
        log_in_by_dialog()  # one login, and every waiting item goes
        for draft in drafts:
            wait_state(qtbot, window, draft.uid, "đã gửi")
        assert not account.login_expired
