"""The sync layer assembled for one portal account: what the UI (and scripts) hold on to.

The UI builds one :class:`SyncService` per configured portal, handing in the store's pieces
(``SqlOutboxRepository(store.engine)``, ``store.blobs``, ``StoreArticles(store.drafts)``) because
sync may not import the store itself. Every method is plain blocking code for the UI's network
pool; none touches Qt.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from editor_app.core import wire
from editor_app.sync.account import PortalLogin
from editor_app.sync.client import PortalAdapter, ReviewQueueClient
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.engine import BlobSource, LocalArticles, SyncEngine
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.outbox import ItemState, Outbox, OutboxItem, OutboxRepository
from editor_app.sync.profile_cache import CachedProfile, ProfileCache
from editor_app.sync.pull import Puller, PullResult
from editor_app.sync.retry import Clock, RetryPolicy, utc_now

log = logging.getLogger("editor_app.sync")


@dataclass
class SyncRound:
    sent: list[OutboxItem]
    pulled: PullResult | None


class SyncService:
    def __init__(self, portal: PortalAdapter, username: str, repo: OutboxRepository,
                 blobs: BlobSource, *, articles: LocalArticles | None = None,
                 profile_folder: Path | None = None, credentials: CredentialStore | None = None,
                 policy: RetryPolicy | None = None, clock: Clock = utc_now,
                 account: PortalLogin | None = None) -> None:
        """``account``: the login shared with the board's screens (else one of its own)."""
        self.account = account or PortalLogin(portal, username, credentials)
        self.portal = self.account.portal
        self.username = self.account.username
        self.credentials = self.account.credentials
        self.outbox = Outbox(repo, clock)
        self.engine = SyncEngine(portal, self.outbox, blobs, articles=articles, policy=policy,
                                 clock=clock)
        self.puller = Puller(portal, repo, articles=articles, clock=clock)
        self.profiles = ProfileCache(profile_folder, clock) if profile_folder else None
        self._lock = threading.Lock()  # one sync round at a time, whoever asks

    @classmethod
    def for_options(cls, options: ConnectionOptions, username: str, repo: OutboxRepository,
                    blobs: BlobSource, *, articles: LocalArticles | None = None,
                    profile_folder: Path | None = None,
                    credentials: CredentialStore | None = None) -> SyncService:
        """The usual assembly: our review-queue service at ``options``."""
        return cls(ReviewQueueClient(options), username, repo, blobs, articles=articles,
                   profile_folder=profile_folder, credentials=credentials)

    def restore_login(self) -> bool:
        """Use the token saved in the keyring, if any; True when there was one."""
        return self.account.restore()

    def login(self, password: str, remember_password: bool = False) -> wire.LoginResponse:
        """Log in, keep the token (and, if asked, the password) in the keyring, and wake items
        that waited for a login."""
        reply = self.account.login(password, remember_password)
        self.outbox.resume_after_login()
        return reply

    def logout(self) -> None:
        self.account.logout()

    def sync_now(self, cancel: threading.Event | None = None, pull: bool = True) -> SyncRound:
        """Send what is due, then pull what changed (on the schedule and on demand).

        Items the portal refused for an expired token are sent again in the same round when the
        saved password logs in again; without one they wait for the user's login.
        """
        with self._lock:
            stale = self.portal.token
            sent = self.engine.run_due(cancel)
            if self._waiting_for_login() and self.account.relogin(stale):
                self.outbox.resume_after_login()
                again = {item.id: item for item in self.engine.run_due(cancel)}
                sent = [again.pop(item.id, item) for item in sent] + list(again.values())
            pulled = self.account.call(self.puller.pull) if pull else None
            return SyncRound(sent, pulled)

    def _waiting_for_login(self) -> bool:
        return bool(self.outbox.items([ItemState.NEEDS_LOGIN]))

    def profile(self) -> CachedProfile | None:
        """The portal's profile, fresh if reachable, else the cached copy."""
        if self.profiles is None:
            return None
        return self.profiles.get(self.portal)
