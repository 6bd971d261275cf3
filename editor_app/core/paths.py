"""Where the app keeps its files.

Everything (data, settings, logs, cache) lives under the platform's usual folders, unless a home
directory is given with ``--home DIR`` or ``EDITOR_APP_HOME``: then all of it moves under that one
folder, which is what tests, portable installs and IT scripts need.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from editor_app import APP_AUTHOR, APP_NAME

HOME_ENV = "EDITOR_APP_HOME"
PRESET_ENV = "EDITOR_APP_PRESET"


@dataclass(frozen=True)
class AppPaths:
    """The folders of one running app; create with :func:`resolve_paths`."""

    data: Path
    config: Path
    logs: Path
    cache: Path

    @property
    def database(self) -> Path:
        return self.data / "store.sqlite3"

    @property
    def blobs(self) -> Path:
        return self.data / "blobs"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> AppPaths:
        """Create the folders; returns self so callers can chain."""
        for folder in (self.data, self.config, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Folders for ``home`` if given, else ``$EDITOR_APP_HOME``, else the platform defaults."""
    chosen = home if home is not None else os.environ.get(HOME_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(root / "data", root / "config", root / "logs", root / "cache")
    import platformdirs  # only here: a given home needs none of it (faster start)

    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return AppPaths(
        Path(dirs.user_data_dir), Path(dirs.user_config_dir),
        Path(dirs.user_log_dir), Path(dirs.user_cache_dir),
    )


def system_preset_file() -> Path:
    """The IT preset written by the installer: read beneath the user's own settings.

    ``$EDITOR_APP_PRESET`` names it explicitly (tests, portable installs). On macOS it is
    ``/Library/Application Support/editor-app/preset.json``: never inside the app bundle, whose
    signature any added file breaks, and not platformdirs' answer, which moves under Homebrew's
    prefix when the Python is Homebrew's. Elsewhere a ``preset.json`` beside a frozen executable
    (what the Windows installer and the Linux install.sh write) wins over the platform's site
    config folder.
    """
    explicit = os.environ.get(PRESET_ENV)
    if explicit:
        return Path(explicit)
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "preset.json"
    if getattr(sys, "frozen", False):
        beside = Path(sys.executable).resolve().parent / "preset.json"
        if beside.exists():
            return beside
    import platformdirs

    site = platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)
    return Path(site) / "preset.json"
