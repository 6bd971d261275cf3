"""The logged-in portal account the review workspace works for, and how it calls the portal.

A view on the app's one :class:`~editor_app.ui.review.connection.PortalConnection` (shared with
the submit path, so the user logs in once): who is logged in, with what role, and a way to call
the portal. Every call goes through the app's operation runner (network pool), never on the GUI
thread; failures go to the one error presenter unless the caller handles them (a 412 goes to
the conflict dialog, a refused bulk item is listed). The token lives only in the keyring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor_app.core import wire
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.operations import Operation
from editor_app.ui.review.connection import PortalConnection

log = logging.getLogger("editor_app.ui.review")

APPROVER_ROLES = (wire.Role.DEPUTY, wire.Role.CHIEF)


class PortalSession(QObject):
    """Who is logged in (role, unit, delegated categories) and a way to call the portal.

    ``sig_logged_in`` when an account with a known role is in use (again), ``sig_logged_out``
    when it goes, ``sig_expired`` when its login must be renewed by the user.
    """

    sig_logged_in = Signal()
    sig_logged_out = Signal()
    sig_expired = Signal()
    sig_changed = Signal(int)  # a submission changed here (id): lists refresh

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QObject | None = None, connection: PortalConnection | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.connection = connection or PortalConnection(context, credentials, self)
        self.credentials = self.connection.credentials
        self.unit_names: dict[str, str] = {}      # code -> name, for lists and headers
        self.category_names: dict[str, str] = {}  # id -> name in the interface language
        self._announced: tuple[Any, str, Any] | None = None  # (login, user, role) shown
        self.connection.sig_changed.connect(self._on_connection_changed)

    # --- who ---------------------------------------------------------------------------------

    @property
    def client(self) -> ReviewClient | None:
        return self.connection.client if self.me is not None else None

    @property
    def me(self) -> wire.Me | None:
        return self.connection.me if self.connection.login is not None else None

    @property
    def role(self) -> wire.Role | None:
        return self.me.role if self.me else None

    @property
    def username(self) -> str:
        return self.me.username if self.me else ""

    @property
    def categories(self) -> list[str]:
        return list(self.me.categories) if self.me else []

    @property
    def expired(self) -> bool:
        return self.connection.expired

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
              on_error: Callable[[BaseException], None] | None = None,
              remember: bool = False) -> Operation:
        return self.connection.log_in(url, username, password, remember, on_done=on_done,
                                      on_error=on_error)

    def logout(self) -> None:
        self.connection.log_out()

    def _on_connection_changed(self) -> None:
        """Announce a new account (or role), its end, or that it must log in again."""
        connection, me = self.connection, self.me
        now = (connection.login, me.username, me.role) if me is not None else None
        if now is not None and now != self._announced:
            self._announced = now
            log.info("review workspace for %s (%s)", me.username if me else "", self.role)
            self.sig_logged_in.emit()
        elif connection.login is None and self._announced is not None:
            self._announced = None
            self.sig_logged_out.emit()
        if connection.expired:
            self.sig_expired.emit()

    # --- calls -------------------------------------------------------------------------------

    def call(self, method: str, *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             **kwargs: Any) -> Operation:
        """``client.<method>(*args, **kwargs)`` on the network pool; results on the GUI thread
        (an expired token is renewed with the saved password first, where there is one)."""
        return self.connection.call(method, *args, on_done=on_done, on_error=on_error,
                                    **kwargs)

    def require_client(self) -> ReviewClient:
        client = self.client
        if client is None:
            raise RuntimeError("not logged in to a portal")
        return client

    def changed(self, submission_id: int) -> None:
        self.sig_changed.emit(submission_id)
