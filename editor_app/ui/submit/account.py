"""The collaborator's portal account: which portal, who, and the sync service that works for them.

The account is the app's one :class:`~editor_app.ui.review.connection.PortalConnection`, shared
with the review workspace, so the user logs in once. Its portal is the one in settings, or the
local demo portal the app starts when none is set. The token lives only in the OS keyring; with
a usable keyring the login dialog offers to keep the password there too, so an expired token is
renewed by itself; without one it says the login lasts this session only. The sync service is
built over the connection's client and login as soon as both it and the store exist; network
work runs on the pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor_app.store.outbox import SqlOutboxRepository, StoreArticles
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.service import SyncService
from editor_app.ui.context import AppContext
from editor_app.ui.review.connection import PortalConnection, profile_folder, shared_connection
from editor_app.ui.submit.login_dialog import LoginDialog

log = logging.getLogger("editor_app.ui.submit")


class PortalAccount(QObject):
    """``sig_changed`` whenever the service appears, goes, or its login state changes."""

    sig_changed = Signal()

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QObject | None = None,
                 connection: PortalConnection | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.connection = connection or shared_connection(context, credentials)
        self.credentials = self.connection.credentials
        self.service: SyncService | None = None
        self.dialog: LoginDialog | None = None
        self._then: list[Callable[[], None]] = []
        self._state: tuple[object, ...] = (None, False, None)
        self.connection.sig_changed.connect(self._on_connection_changed)
        self.connection.sig_logged_in.connect(self._on_connection_logged_in)
        context.sig_store_ready.connect(self._on_connection_changed)

    # --- where and who -----------------------------------------------------------------------

    @property
    def login_expired(self) -> bool:
        return self.connection.expired

    @property
    def logged_in(self) -> bool:
        """A live login (an expired one asks for "Log in…" again, which resumes every item)."""
        return self.service is not None and not self.login_expired

    def portal_url(self) -> str:
        return self.connection.portal_url()

    def demo_url(self) -> str:
        return self.connection.demo_url()

    def is_demo(self) -> bool:
        return self.connection.is_demo()

    def describe(self) -> str:
        if self.service is None:
            return self.tr("Not logged in to the portal.")
        text = self.tr("%1 at %2").replace("%1", self.service.username) \
            .replace("%2", self.service.portal.base_url)
        if self.is_demo():
            text += " " + self.tr("(local demo portal)")
        if self.login_expired:
            text += " — " + self.tr("the login has expired, log in again")
        return text

    def describe_profile(self) -> str:
        """Which rules the checks use: the portal's own, or the local one from settings."""
        profile, source = self.context.profile(), self.connection.profile_source
        if profile is None:
            return ""
        name = f"{profile.portal_name} ({profile.id})"
        if source == "portal":
            return self.tr("Checks use the portal's rules: %1.").replace("%1", name)
        if source == "cache":
            return self.tr("Checks use the portal's rules as last fetched: %1.") \
                .replace("%1", name)
        return self.tr("Checks use the local rules chosen in Settings: %1.").replace("%1", name)

    # --- the sync service over the shared login -------------------------------------------------

    def _on_connection_changed(self) -> None:
        """Build (or drop) the sync service for the connection's login; tell the controller
        only when the service or the login's state really changed."""
        login, store = self.connection.login, self.context.store
        if login is None or store is None:
            self.service = None
        elif self.service is None or self.service.account is not login:
            self.service = SyncService(
                login.portal, login.username, SqlOutboxRepository(store.engine), store.blobs,
                articles=StoreArticles(store.drafts), profile_folder=profile_folder(self.context),
                account=login)
            log.info("sending drafts as %s to %s", login.username, login.url)
        state = (self.service, self.connection.expired, self.connection.role)
        if state != self._state:
            self._state = state
            self.sig_changed.emit()

    def _on_connection_logged_in(self) -> None:
        """A login by the user (here or in the review tab): items that waited for one go again,
        then what asked for the login runs."""
        then, self._then = self._then, []
        service = self.service
        if service is None:
            _run_all(then)
            return
        self.context.runner.write(service.outbox.resume_after_login,
                                  on_done=lambda _r: _run_all(then))

    # --- restoring and logging in --------------------------------------------------------------

    def restore(self) -> None:
        """At start-up: reuse the token the keyring holds for the saved account, if any."""
        self.connection.restore()
        self._on_connection_changed()

    def open_login(self, parent: QWidget | None, then: Callable[[], None] | None = None) -> None:
        """The login dialog (one at a time); ``then`` runs after a successful login."""
        if then is not None:
            self._then.append(then)
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = LoginDialog(self.context.language, parent)
        demo = self.context.demo_portal
        demo_user = None
        if demo is not None:
            account = demo.account("collaborator")
            demo_user = (account.username, account.password)
        dialog.prefill(str(self.context.settings.get("portal_url") or ""),
                       self.connection.username
                       or str(self.context.settings.get("portal_username") or ""),
                       self.demo_url(), demo_user)
        dialog.set_persistent(self.credentials.persistent)
        dialog.sig_login.connect(self._on_dialog_login)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_login(self, url: str, username: str, password: str) -> None:
        remember = self.dialog.remember_password() if self.dialog is not None else False
        self.connection.log_in(url, username, password, remember,
                               on_done=lambda _me: self._on_logged_in(), on_error=self._fail)

    def _fail(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.failed(exc)

    def _on_logged_in(self) -> None:
        if self.dialog is not None:
            self.dialog.done_ok()

    def _on_dialog_finished(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._then = []

    def mark_expired(self, expired: bool) -> None:
        self.connection.mark_expired(expired)


def _run_all(steps: list[Callable[[], None]]) -> None:
    for step in steps:
        step()
