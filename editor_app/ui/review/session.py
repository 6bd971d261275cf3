"""The logged-in portal account the review workspace works for, and how it calls the portal.

Every call goes through the app's operation runner (network pool), never on the GUI thread;
failures go to the one error presenter unless the caller handles them (a 412 goes to the
conflict dialog, a refused bulk item is listed). The token lives only in the keyring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor_app.core import wire
from editor_app.sync.credentials import TOKEN, CredentialStore
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.operations import Operation

log = logging.getLogger("editor_app.ui.review")

APPROVER_ROLES = (wire.Role.DEPUTY, wire.Role.CHIEF)


class PortalSession(QObject):
    """Who is logged in (role, unit, delegated categories) and a way to call the portal."""

    sig_logged_in = Signal()
    sig_logged_out = Signal()
    sig_changed = Signal(int)  # a submission changed here (id): lists refresh

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.credentials = credentials
        self.client: ReviewClient | None = None
        self.me: wire.Me | None = None
        self.unit_names: dict[str, str] = {}      # code -> name, for lists and headers
        self.category_names: dict[str, str] = {}  # id -> name in the interface language

    # --- who ---------------------------------------------------------------------------------

    @property
    def role(self) -> wire.Role | None:
        return self.me.role if self.me else None

    @property
    def username(self) -> str:
        return self.me.username if self.me else ""

    @property
    def categories(self) -> list[str]:
        return list(self.me.categories) if self.me else []

    def approves(self) -> bool:
        """Whether the account approves anything (chief, deputy, delegated secretary)."""
        if self.role in APPROVER_ROLES:
            return True
        return self.role == wire.Role.SECRETARY and bool(self.categories)

    def unit_name(self, code: str) -> str:
        return self.unit_names.get(code) or code

    def category_name(self, category: str) -> str:
        return self.category_names.get(category) or category

    # --- login -------------------------------------------------------------------------------

    def login(self, url: str, username: str, password: str,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> Operation:
        client = ReviewClient.connect(url.rstrip("/"))
        return self.context.runner.task(
            _login, client, username, password, self.credentials,
            on_done=lambda me: self._on_login_done(client, me, on_done), on_error=on_error)

    def _on_login_done(self, client: ReviewClient, me: wire.Me,
                       then: Callable[[Any], None] | None) -> None:
        self.client, self.me = client, me
        log.info("logged in to %s as %s (%s)", client.base_url, me.username, me.role)
        self.sig_logged_in.emit()
        if then is not None:
            then(me)

    def logout(self) -> None:
        client, me = self.client, self.me
        self.client, self.me = None, None
        if client is not None and me is not None and self.credentials is not None:
            self.context.runner.task(self.credentials.delete, client.base_url, me.username,
                                     TOKEN)
        self.sig_logged_out.emit()

    # --- calls -------------------------------------------------------------------------------

    def call(self, method: str, *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             **kwargs: Any) -> Operation:
        """``client.<method>(*args, **kwargs)`` on the network pool; results on the GUI thread."""
        client = self.require_client()
        return self.context.runner.task(getattr(client, method), *args, on_done=on_done,
                                        on_error=on_error, **kwargs)

    def require_client(self) -> ReviewClient:
        if self.client is None:
            raise RuntimeError("not logged in to a portal")
        return self.client

    def changed(self, submission_id: int) -> None:
        self.sig_changed.emit(submission_id)


def _login(client: ReviewClient, username: str, password: str,
           credentials: CredentialStore | None) -> wire.Me:
    """Log in, keep the token in the keyring (never the password), and read who we are."""
    reply = client.login(username, password)
    if credentials is not None:
        credentials.set(client.base_url, username, reply.token, TOKEN)
    return client.me()
