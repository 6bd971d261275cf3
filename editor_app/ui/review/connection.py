"""The app's one portal account, shared by the submit path and the review workspace.

One login per portal address: logging in from the "Gửi lên Cổng" dialog or from the review tab
gives both the same client, token and role (:class:`~editor_app.sync.account.PortalLogin`), and
an expired token is renewed for both with the saved password, or asked for once. Every client is
built with ``ConnectionOptions.from_settings`` (CA bundle, proxy), its token restored from the
keyring at start-up. The portal's profile is fetched and cached here, and set on the context as
the profile in force, so checks run against it offline. Network work runs on the runner's pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor_app.core import wire
from editor_app.core.errors import UserError
from editor_app.sync.account import AccountMemo, PortalLogin, me_from_reply
from editor_app.sync.credentials import PASSWORD, TOKEN, CredentialStore
from editor_app.sync.errors import AuthExpiredError
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.profile_cache import CachedProfile, ProfileCache
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.operations import Operation

log = logging.getLogger("editor_app.ui.portal")

COMPOSER_ROLES = (wire.Role.COLLABORATOR, wire.Role.SECRETARY)  # may create submissions


@dataclass(frozen=True)
class Connected:
    """What a login or a restore found (worker side): the login, who, and whether it expired."""

    login: PortalLogin
    me: wire.Me | None
    expired: bool = False


class PortalConnection(QObject):
    """``sig_changed`` when the account appears, goes, learns its role or expires;
    ``sig_logged_in`` after the user logged in (items that waited for a login resume);
    ``sig_profile_changed`` when the portal's profile (fetched or cached) is put in force."""

    sig_changed = Signal()
    sig_logged_in = Signal()
    sig_profile_changed = Signal()

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.credentials = credentials or CredentialStore()
        self.login: PortalLogin | None = None
        self.me: wire.Me | None = None
        self.expired = False
        self.profile_source = ""  # "portal" (fetched now), "cache" or "" (settings)
        self.profile_url = ""  # whose profile is in force
        self._restoring = False
        folder = context.paths.data / "portal"
        self.memo = AccountMemo(folder)
        self.profiles = ProfileCache(folder)

    # --- where and who -------------------------------------------------------------------------

    def portal_url(self) -> str:
        configured = str(self.context.settings.get("portal_url") or "")
        return (configured or self.demo_url()).rstrip("/")

    def demo_url(self) -> str:
        demo = self.context.demo_portal
        return str(demo.url) if demo is not None else ""

    def is_demo(self) -> bool:
        return bool(self.login) and self.url == self.demo_url()

    @property
    def url(self) -> str:
        return self.login.url if self.login else ""

    @property
    def username(self) -> str:
        return self.login.username if self.login else ""

    @property
    def client(self) -> ReviewClient | None:
        portal = self.login.portal if self.login else None
        return portal if isinstance(portal, ReviewClient) else None

    @property
    def role(self) -> wire.Role | None:
        return self.me.role if self.login and self.me else None

    def composes(self) -> bool:
        """Whether the account may send drafts (unknown role: yes, the server still decides)."""
        return self.role is None or self.role in COMPOSER_ROLES

    def options(self, url: str) -> ConnectionOptions:
        return ConnectionOptions.from_settings(self.context.settings, base_url=url.rstrip("/"))

    # --- restoring and logging in ----------------------------------------------------------------

    def restore(self) -> None:
        """At start-up (and when the demo portal answers): the saved account's token from the
        keyring, its role from the portal (or as noted last time), and the cached profile."""
        url, username = self.portal_url(), str(self.context.settings.get("portal_username") or "")
        if not url or self.login is not None or self._restoring:
            return
        self._restoring = True
        previous = getattr(self.context.demo_portal, "previous_url", None)
        self.context.runner.task(
            restore_account, self.options(url), username, self.credentials, self.memo,
            self.profiles, previous if url == self.demo_url() else None,
            on_done=self._on_restored, on_error=self._on_restore_failed)

    def _on_restored(self, found: tuple[Connected | None, CachedProfile | None]) -> None:
        self._restoring = False
        connected, profile = found
        if profile is not None and self.login is None:
            self._offer_profile(profile)
        if connected is not None and self.login is None:
            self._use(connected, fresh=False)

    def _on_restore_failed(self, exc: BaseException) -> None:
        self._restoring = False
        log.info("no saved portal login restored: %s", type(exc).__name__)

    def log_in(self, url: str, username: str, password: str, remember: bool = False,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> Operation:
        """Log in on the pool; the token (and the password if ``remember``) to the keyring."""
        return self.context.runner.task(
            log_in_account, self.options(url), username, password, remember, self.credentials,
            self.memo, on_done=lambda found: self._on_logged_in(found, on_done),
            on_error=on_error)

    def _on_logged_in(self, found: Connected, then: Callable[[Any], None] | None) -> None:
        self._use(found, fresh=True)
        if then is not None:
            then(found.me)

    def _use(self, found: Connected, fresh: bool) -> None:
        if self.profile_url and self.profile_url != found.login.url:
            self.profile_source = self.profile_url = ""  # another portal: its own, once fetched
            self.context.set_portal_profile(None)
        self.login, self.me, self.expired = found.login, found.me, found.expired
        self._remember(found.login)
        log.info("portal account %s at %s (%s)", found.login.username, found.login.url,
                 found.me.role if found.me else "role not known yet")
        self.sig_changed.emit()
        if fresh:
            self.sig_logged_in.emit()
        self.refresh_profile()

    def _remember(self, login: PortalLogin) -> None:
        """The user name (and a real portal's address) go to settings; never a secret."""
        settings, runner = self.context.settings, self.context.runner
        if not settings.is_locked("portal_username") and \
                settings.get("portal_username") != login.username:
            runner.write(settings.set, "portal_username", login.username)
        if login.url != self.demo_url() and login.url != settings.get("portal_url") \
                and not settings.is_locked("portal_url"):
            runner.write(settings.set, "portal_url", login.url)

    def log_out(self) -> None:
        login = self.login
        self.login, self.me, self.expired = None, None, False
        if login is not None:
            self.context.runner.task(login.logout)
        self.sig_changed.emit()

    def mark_expired(self, expired: bool) -> None:
        if self.login is not None and expired != self.expired:
            self.expired = expired
            self.sig_changed.emit()

    # --- calls ---------------------------------------------------------------------------------

    def call(self, method: str, *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             **kwargs: Any) -> Operation:
        """``client.<method>(*args)`` on the pool; an expired token is renewed with the saved
        password and the call tried once more, else the account shows "log in again"."""
        login = self.require_login()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AuthExpiredError):
                self.mark_expired(True)
            (on_error or self.context.errors.present)(exc)

        return self.context.runner.task(login.call, getattr(login.portal, method), *args,
                                        on_done=on_done, on_error=failed, **kwargs)

    def require_login(self) -> PortalLogin:
        if self.login is None:
            raise RuntimeError("not logged in to a portal")
        return self.login

    def ensure_me(self) -> None:
        """Ask the portal who we are when only the token is known (restored offline)."""
        if self.login is not None and self.me is None:
            login = self.login
            self.call("me", on_done=lambda me: self._on_me(login, me), on_error=lambda _e: None)

    def _on_me(self, login: PortalLogin, me: wire.Me) -> None:
        if login is self.login:
            self.me = me
            self.context.runner.task(self.memo.save, login.url, me)
            self.sig_changed.emit()

    # --- the profile in force ------------------------------------------------------------------

    def refresh_profile(self) -> None:
        """Fetch the portal's profile (cached on disk; the cached copy when it cannot answer)."""
        login = self.login
        if login is not None:
            self.context.runner.task(login.call, self.profiles.get, login.portal,
                                     on_done=self._offer_profile,
                                     on_error=lambda exc: log.info("profile not fetched: %s",
                                                                   type(exc).__name__))

    def offer_profile(self, cached: CachedProfile | None) -> None:
        """A profile fetched elsewhere (the submit path's sync round) for the current portal."""
        if cached is not None and self.login is not None and cached.portal_url == self.url:
            self._offer_profile(cached)

    def _offer_profile(self, cached: CachedProfile | None) -> None:
        if cached is None:
            return
        self.profile_source = "portal" if cached.fresh else "cache"
        self.profile_url = cached.portal_url.rstrip("/")
        self.context.set_portal_profile(cached.profile)
        self.sig_profile_changed.emit()


def shared_connection(context: AppContext,
                      credentials: CredentialStore | None = None) -> PortalConnection:
    """The app's connection, made on first use (the submit path and the review tab share it)."""
    if context.portal_connection is None:
        context.portal_connection = PortalConnection(context, credentials, context)
        context.sig_demo_portal_ready.connect(lambda _url: context.portal_connection.restore())
    connection: PortalConnection = context.portal_connection
    return connection


# --- worker side (the runner's pool) ---------------------------------------------------------

def restore_account(options: ConnectionOptions, username: str, credentials: CredentialStore,
                    memo: AccountMemo, profiles: ProfileCache,
                    previous_url: str | None = None,
                    ) -> tuple[Connected | None, CachedProfile | None]:
    """The cached profile of the portal, and the saved account if the keyring holds a token or
    a password for it (its role from the portal when it answers, else as noted last time)."""
    cached = profiles.load(options.root)
    if not username:
        return None, cached
    if previous_url:
        move_secrets(credentials, previous_url, options.root, username)
    client = ReviewClient(options)
    login = PortalLogin(client, username, credentials)
    if not login.restore() and not login.can_relogin():
        return None, cached
    me, expired = memo.load(login.url, username), False
    try:
        me = client.me()  # an expired token is renewed with a saved password, if any
        memo.save(login.url, me)
    except AuthExpiredError:
        expired = True
    except UserError as exc:  # offline or failing: keep the role noted last time
        log.info("portal not reachable at start-up: %s", exc.message_en)
    return Connected(login, me, expired), cached


def log_in_account(options: ConnectionOptions, username: str, password: str, remember: bool,
                   credentials: CredentialStore, memo: AccountMemo) -> Connected:
    login = PortalLogin(ReviewClient(options), username, credentials)
    reply = login.login(password, remember)
    me = me_from_reply(reply, username)
    memo.save(login.url, me)
    return Connected(login, me)


def move_secrets(credentials: CredentialStore, old_url: str, new_url: str,
                 username: str) -> None:
    """The demo portal moved to a new port: its saved login follows it."""
    for kind in (TOKEN, PASSWORD):
        secret = credentials.get(old_url, username, kind)
        if secret is not None and credentials.get(new_url, username, kind) is None:
            credentials.set(new_url, username, secret, kind)
            credentials.delete(old_url, username, kind)


def profile_folder(context: AppContext) -> Path:
    return context.paths.data / "portal"
