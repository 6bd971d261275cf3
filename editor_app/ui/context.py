"""What every view and controller of one running app shares, passed explicitly (no globals).

The store is opened in the background after the main window is shown (migrations and SQLAlchemy's
import take longer than a window needs to appear), so ``store`` is None until ``sig_store_ready``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from editor_app.core.paths import AppPaths
from editor_app.core.settings import Settings
from editor_app.ui.errors import ErrorPresenter
from editor_app.ui.i18n import LanguageManager
from editor_app.ui.operations import OperationRunner

if TYPE_CHECKING:
    from editor_app.store import Store

log = logging.getLogger("editor_app.ui")


class AppContext(QObject):
    """Paths, settings, the operation runner, the error presenter, languages and the store."""

    sig_store_ready = Signal()
    sig_profile_ready = Signal()
    sig_demo_portal_ready = Signal(str)

    def __init__(self, paths: AppPaths, settings: Settings, runner: OperationRunner,
                 errors: ErrorPresenter, languages: LanguageManager) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.runner = runner
        self.errors = errors
        self.languages = languages
        self.store: Store | None = None
        self._profile: Any | None = None
        self.demo_portal: Any | None = None  # editor_app.sync.demo_portal.DemoPortal when running
        # the app's one portal account (editor_app.ui.review.connection.PortalConnection)
        self.portal_connection: Any | None = None
        # the profile the connected portal enforces (fetched, or cached for offline use)
        self.portal_profile: Any | None = None
        # "Today" for deadlines; tests pin it to a fixed date.
        self.today: Callable[[], date] = date.today

    @property
    def language(self) -> str:
        return self.languages.language

    @property
    def profile_id(self) -> str:
        return str(self.settings.get("profile_id"))

    def set_store(self, store: Store) -> None:
        self.store = store
        self.sig_store_ready.emit()

    def require_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("the store is not open yet")
        return self.store

    def set_demo_portal(self, portal: Any) -> None:
        """The local demo portal answered: views that talk to a portal may use ``portal.url``
        and ``portal.accounts`` (one account per role)."""
        self.demo_portal = portal
        log.info("demo portal running at %s", portal.url)
        self.sig_demo_portal_ready.emit(str(portal.url))

    def pick(self, vi: str, en: str) -> str:
        """A label from data declared in both languages (settings schema, profiles)."""
        return vi if self.language == "vi" else en

    def profile(self) -> Any | None:
        """The profile in force: the connected portal's own (see :meth:`set_portal_profile`),
        else the one settings name once loaded (see :meth:`load_profile`), else None."""
        return self.portal_profile or self._profile

    def check_profile(self) -> Any:
        """What the checks run against: the portal's profile itself when one is known (it may
        differ from the shipped file of the same id), else the settings' profile id."""
        return self.portal_profile or self.profile_id

    def set_portal_profile(self, profile: Any | None) -> None:
        """The portal's profile (None: back to the settings' one); views follow at once."""
        if profile == self.portal_profile:
            return
        self.portal_profile = profile
        log.info("profile in force: %s", profile.id if profile else self.profile_id)
        self.sig_profile_ready.emit()

    def load_profile(self, profile_id: str | None = None) -> None:
        """Load the profile on the pool: parsing and validating it costs ~0.5 s of imports,
        which must not delay the first window."""
        self.runner.task(_load_profile, profile_id or self.profile_id, on_done=self._set_profile,
                         on_error=lambda exc: log.warning("profile not loaded: %s", exc))

    def _set_profile(self, profile: Any) -> None:
        self._profile = profile
        self.sig_profile_ready.emit()


def _load_profile(profile_id: str) -> Any:
    from editor_app.core.profiles import load_profile

    return load_profile(profile_id)
