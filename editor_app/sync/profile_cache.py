"""The portal's profile, fetched when online and kept on disk, so every check runs offline.

The portal is the authority on its rules (``GET /api/v1/profile``); the app validates a draft
against the same profile the server will enforce, even on a train. One JSON file per portal
address under the app's data folder (not the cache folder: losing it would break offline checks),
written atomically so a crash never leaves half a profile.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from editor_app.core.errors import UserError
from editor_app.core.profile_schema import Profile
from editor_app.sync.client import PortalAdapter
from editor_app.sync.errors import is_transient
from editor_app.sync.retry import Clock, utc_now

log = logging.getLogger("editor_app.sync.profile")

_PROFILE = TypeAdapter(Profile)


@dataclass(frozen=True)
class CachedProfile:
    profile: Profile
    fetched_at: datetime
    portal_url: str
    fresh: bool  # fetched in this call, rather than read back from disk


class ProfileCache:
    def __init__(self, folder: Path, clock: Clock = utc_now) -> None:
        self.folder = folder
        self._clock = clock

    def path_for(self, portal_url: str) -> Path:
        digest = hashlib.sha256(portal_url.rstrip("/").encode()).hexdigest()[:16]
        return self.folder / f"profile-{digest}.json"

    def load(self, portal_url: str) -> CachedProfile | None:
        """The cached profile of ``portal_url``; None if never fetched or unreadable."""
        try:
            data = json.loads(self.path_for(portal_url).read_text(encoding="utf-8"))
            profile = _PROFILE.validate_python(data["profile"])
            return CachedProfile(profile, datetime.fromisoformat(data["fetched_at"]),
                                 portal_url, fresh=False)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
            log.warning("ignoring unreadable cached profile: %s", type(exc).__name__)
            return None

    def refresh(self, portal: PortalAdapter) -> CachedProfile:
        """Fetch and store the portal's profile now (raises when the portal cannot answer)."""
        data = portal.profile()
        try:
            profile = _PROFILE.validate_python(data)
        except ValidationError as exc:
            raise UserError("Cổng trả về bộ quy tắc không hợp lệ.",
                            "The portal sent an invalid profile.") from exc
        now = self._clock()
        self._write(portal.base_url, {"portal_url": portal.base_url,
                                      "fetched_at": now.isoformat(), "profile": data})
        return CachedProfile(profile, now, portal.base_url, fresh=True)

    def get(self, portal: PortalAdapter) -> CachedProfile | None:
        """Fresh when the portal answers, else the cached copy (None if there is none yet)."""
        try:
            return self.refresh(portal)
        except UserError as exc:
            if not is_transient(exc):
                raise
            log.info("portal unreachable; using the cached profile")
            return self.load(portal.base_url)

    def _write(self, portal_url: str, document: dict[str, Any]) -> None:
        target = self.path_for(portal_url)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
