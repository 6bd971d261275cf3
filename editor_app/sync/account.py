"""One account on one portal: the client, the user, the secrets, and logging in again.

Tokens expire (12 h on our service) while a portal may stay down for days. An outbox that waited
that long must not stall at "needs login" when the user chose to keep the password in the OS
keyring: :meth:`PortalLogin.relogin` logs in again with it, once per expired token however many
threads (a sync round, the board's screens) notice at the same time. Without a saved password the
caller shows "needs login", and one login resumes everything.

The submit path and the board's screens share one :class:`PortalLogin` (and so one client and
one token) per portal address, so the user logs in once. The account's role and unit are kept
beside the profile cache (never a secret), so the window can take the role's shape offline too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from editor_app.core import wire
from editor_app.core.errors import UserError
from editor_app.sync.client import PortalAdapter, ReviewQueueClient
from editor_app.sync.credentials import PASSWORD, TOKEN, CredentialStore
from editor_app.sync.errors import AuthExpiredError

log = logging.getLogger("editor_app.sync.account")

T = TypeVar("T")


class PortalLogin:
    """``portal`` logged in (or not) as ``username``; secrets through ``credentials``."""

    def __init__(self, portal: PortalAdapter, username: str,
                 credentials: CredentialStore | None = None) -> None:
        self.portal = portal
        self.username = username
        self.credentials = credentials or CredentialStore()
        self.last_reply: wire.LoginResponse | None = None
        self._lock = threading.Lock()
        if isinstance(portal, ReviewQueueClient):
            portal.renew_login = self.relogin  # every call renews an expired token itself

    @property
    def url(self) -> str:
        return self.portal.base_url

    def restore(self) -> bool:
        """Use the token saved in the keyring, if any; True when there was one."""
        token = self.credentials.get(self.url, self.username, TOKEN)
        self.portal.set_token(token)
        return token is not None

    def login(self, password: str, remember_password: bool = False) -> wire.LoginResponse:
        """Log in; the token goes to the keyring, the password only when asked to (and a
        password kept from before is forgotten when not)."""
        with self._lock:
            reply = self._login(password)
        if remember_password:
            self.credentials.set(self.url, self.username, password, PASSWORD)
        else:
            self.credentials.delete(self.url, self.username, PASSWORD)
        return reply

    def _login(self, password: str) -> wire.LoginResponse:
        reply = self.portal.login(self.username, password)
        self.credentials.set(self.url, self.username, reply.token, TOKEN)
        self.last_reply = reply
        return reply

    def can_relogin(self) -> bool:
        return self.credentials.get(self.url, self.username, PASSWORD) is not None

    def relogin(self, stale_token: str | None) -> bool:
        """Log in again with the saved password after ``stale_token`` was refused.

        True when a live token is in use afterwards (ours, or one another thread just got);
        False without a saved password, when the portal cannot be reached, or when it refuses
        the saved password (then forgotten, so it is not tried again and again).
        """
        with self._lock:
            if self.portal.token is not None and self.portal.token != stale_token:
                return True  # another caller already logged in again
            password = self.credentials.get(self.url, self.username, PASSWORD)
            if password is None:
                return False
            try:
                self._login(password)
            except AuthExpiredError:
                log.info("the saved password was refused; it is forgotten")
                self.credentials.delete(self.url, self.username, PASSWORD)
                return False
            except UserError as exc:
                log.info("could not log in again: %s", exc.message_en)
                return False
        log.info("logged in again to %s with the saved password", self.url)
        return True

    def call(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``fn(*args)``; an expired login is renewed with the saved password and tried once
        more (the original AuthExpiredError when that is not possible)."""
        stale = self.portal.token
        try:
            return fn(*args, **kwargs)
        except AuthExpiredError:
            if not self.relogin(stale):
                raise
        return fn(*args, **kwargs)

    def logout(self) -> None:
        self.credentials.delete(self.url, self.username, TOKEN)
        self.credentials.delete(self.url, self.username, PASSWORD)
        self.portal.set_token(None)


class AccountMemo:
    """The last known role, unit and categories per portal address and user (no secrets), so
    the app shows the role's screens before the portal answers, or while it is down."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, portal_url: str, username: str) -> Path:
        key = f"{portal_url.rstrip('/')}\n{username}".encode()
        return self.folder / f"account-{hashlib.sha256(key).hexdigest()[:16]}.json"

    def load(self, portal_url: str, username: str) -> wire.Me | None:
        try:
            text = self.path_for(portal_url, username).read_text(encoding="utf-8")
            return wire.Me.model_validate(json.loads(text))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, ValidationError) as exc:
            log.warning("ignoring an unreadable account note: %s", type(exc).__name__)
            return None

    def save(self, portal_url: str, me: wire.Me) -> None:
        target = self.path_for(portal_url, me.username)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(me.model_dump_json(), encoding="utf-8")
        tmp.replace(target)


def me_from_reply(reply: wire.LoginResponse, username: str) -> wire.Me:
    """Who a login reply says we are (it carries role, unit and delegated categories)."""
    return wire.Me(username=reply.username or username, role=reply.role, unit=reply.unit,
                   categories=list(reply.categories))
