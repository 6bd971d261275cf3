"""The collaborator's portal account: which portal, who, and the sync service that works for them.

The portal is the one in settings, or the local demo portal the app starts when none is set. The
token lives only in the OS keyring, through the sync layer's credential store; without a usable
keyring it is kept for this session and the login dialog says so. Building the service, logging in
and reading the keyring all run on the network pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor_app.store.outbox import SqlOutboxRepository, StoreArticles
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.service import SyncService
from editor_app.ui.context import AppContext
from editor_app.ui.submit import work
from editor_app.ui.submit.login_dialog import LoginDialog

log = logging.getLogger("editor_app.ui.submit")


class PortalAccount(QObject):
    """``sig_changed`` whenever the service appears, goes, or its login state changes."""

    sig_changed = Signal()

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.credentials = credentials or CredentialStore()
        self.service: SyncService | None = None
        self.login_expired = False
        self.dialog: LoginDialog | None = None
        self._then: list[Callable[[], None]] = []

    # --- where and who -----------------------------------------------------------------------

    def portal_url(self) -> str:
        configured = str(self.context.settings.get("portal_url") or "")
        return configured or self.demo_url()

    def demo_url(self) -> str:
        demo = self.context.demo_portal
        return str(demo.url) if demo is not None else ""

    def is_demo(self) -> bool:
        return not self.context.settings.get("portal_url") and bool(self.demo_url())

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

    def _factory(self, url: str, username: str) -> Callable[[], SyncService]:
        """A builder for the worker: the store's pieces handed to the sync layer (sync may not
        import the store itself)."""
        store = self.context.require_store()
        paths, settings, credentials = self.context.paths, self.context.settings, self.credentials

        def build() -> SyncService:
            return SyncService.for_options(
                ConnectionOptions.from_settings(settings, base_url=url), username,
                SqlOutboxRepository(store.engine), store.blobs,
                articles=StoreArticles(store.drafts), profile_folder=paths.data / "portal",
                credentials=credentials)
        return build

    # --- restoring and logging in --------------------------------------------------------------

    def restore(self) -> None:
        """At start-up: reuse the token the keyring holds for the saved account, if any."""
        url, username = self.portal_url(), str(self.context.settings.get("portal_username"))
        if self.service is not None or not url or not username or self.context.store is None:
            return
        self.context.runner.task(work.restore, self._factory(url, username),
                                 on_done=self._on_restored,
                                 on_error=lambda exc: log.info("no saved login: %s", exc))

    def _on_restored(self, service: SyncService | None) -> None:
        if service is not None and self.service is None:
            self._use(service)

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
                       str(self.context.settings.get("portal_username") or ""),
                       self.demo_url(), demo_user)
        dialog.set_persistent(self.credentials.persistent)
        dialog.sig_login.connect(self._on_dialog_login)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_login(self, url: str, username: str, password: str) -> None:
        if self.context.store is None:
            self._fail(RuntimeError("the store is not open yet"))
            return
        self.context.runner.task(work.connect, self._factory(url.rstrip("/"), username),
                                 password, on_done=self._on_logged_in, on_error=self._fail)

    def _fail(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.failed(exc)

    def _on_logged_in(self, result: tuple[SyncService, Any]) -> None:
        service, _reply = result
        self._remember(service)
        self._use(service)
        if self.dialog is not None:
            self.dialog.done_ok()
        then, self._then = self._then, []
        for step in then:
            step()

    def _on_dialog_finished(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._then = []

    def _remember(self, service: SyncService) -> None:
        """The user name (and a real portal's address) go to settings; never a secret."""
        settings, runner = self.context.settings, self.context.runner
        if not settings.is_locked("portal_username"):
            runner.write(settings.set, "portal_username", service.username)
        url = service.portal.base_url
        if url != self.demo_url() and url != settings.get("portal_url") \
                and not settings.is_locked("portal_url"):
            runner.write(settings.set, "portal_url", url)

    def _use(self, service: SyncService) -> None:
        self.service = service
        self.login_expired = False
        log.info("sending drafts as %s to %s", service.username, service.portal.base_url)
        self.sig_changed.emit()

    def mark_expired(self, expired: bool) -> None:
        if expired != self.login_expired:
            self.login_expired = expired
            self.sig_changed.emit()
