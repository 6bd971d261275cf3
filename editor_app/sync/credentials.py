"""Secrets (portal token, an optional saved password) live only in the OS keyring.

The rest of the app talks to :class:`CredentialStore`, a tiny interface over ``keyring``. When the
machine has no usable keyring backend (a bare Linux session, a locked-down desktop), secrets are
kept in memory for this session only and :attr:`CredentialStore.persistent` says so, so the UI can
tell the user they will have to log in again next time. Nothing here ever logs a secret.
"""

from __future__ import annotations

import logging
import threading

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger("editor_app.sync.credentials")

SERVICE_PREFIX = "editor-app"
TOKEN = "token"
PASSWORD = "password"

_UNUSABLE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null")


def keyring_usable(backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """True when ``backend`` (default: the active one) can really store a secret."""
    chosen = backend or keyring.get_keyring()
    if type(chosen).__module__.startswith(_UNUSABLE_BACKENDS):
        return False
    backends = getattr(chosen, "backends", None)
    if backends is not None:  # the chainer: usable only if it chains a usable backend
        return any(keyring_usable(inner) for inner in backends)
    try:
        return float(chosen.priority) > 0
    except Exception:  # a backend that cannot tell its priority is unusable
        return False


class CredentialStore:
    """Per-portal secrets: ``service`` is derived from the portal address, ``account`` the user."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        self.persistent = keyring_usable(self._backend)
        self._session: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()
        if not self.persistent:
            log.warning("no usable OS keyring: secrets are kept for this session only")

    @staticmethod
    def service_for(portal_url: str) -> str:
        return f"{SERVICE_PREFIX}:{portal_url.rstrip('/')}"

    def get(self, portal_url: str, username: str, kind: str = TOKEN) -> str | None:
        key = (self.service_for(portal_url), f"{username}/{kind}")
        with self._lock:
            if key in self._session:
                return self._session[key]
        if not self.persistent:
            return None
        try:
            return self._backend.get_password(*key)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed (%s); asking the user again", type(exc).__name__)
            return None

    def set(self, portal_url: str, username: str, secret: str, kind: str = TOKEN) -> bool:
        """Store ``secret``; returns True when it will outlive this session."""
        key = (self.service_for(portal_url), f"{username}/{kind}")
        if self.persistent:
            try:
                self._backend.set_password(*key, secret)
                with self._lock:
                    self._session.pop(key, None)
                return True
            except keyring.errors.KeyringError as exc:
                log.warning("keyring write failed (%s); keeping it for this session",
                            type(exc).__name__)
        with self._lock:
            self._session[key] = secret
        return False

    def delete(self, portal_url: str, username: str, kind: str = TOKEN) -> None:
        key = (self.service_for(portal_url), f"{username}/{kind}")
        with self._lock:
            self._session.pop(key, None)
        if not self.persistent:
            return
        try:
            self._backend.delete_password(*key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already the state we want
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed (%s)", type(exc).__name__)
