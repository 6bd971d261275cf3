"""Everything one instance needs to know, in one frozen dataclass built from the data folder.

The data folder (``--data DIR`` or ``$REVIEW_QUEUE_DATA``) holds the SQLite database and the file
store unless ``database_url`` / ``files_dir`` point elsewhere (PostgreSQL, shared storage), which is
how several instances serve one province: nothing else lives in the process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

DATA_ENV = "REVIEW_QUEUE_DATA"
DATABASE_ENV = "REVIEW_QUEUE_DATABASE_URL"

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Configuration of one service instance; tests shrink the delays and limits."""

    data_dir: Path
    database_url: str = ""
    files_dir: Path | None = None
    token_ttl: timedelta = timedelta(hours=12)
    # Login throttling, per user name (known or not): each failure after the first waits
    # longer, up to max; lockout_after failures lock the name for lockout_for, and a name
    # without a failure for lockout_for starts afresh.
    failure_delay_s: float = 0.25
    failure_delay_max_s: float = 3.0
    lockout_after: int = 5
    lockout_for: timedelta = timedelta(minutes=15)
    login_names_kept: int = 10_000  # user names whose recent failures are remembered, at most
    max_json_bytes: int = 8 * MB
    max_upload_bytes: int = 4 * 1024 * MB
    upload_ttl: timedelta = timedelta(days=7)
    default_profile: str = "national"
    inspect_attachments: bool = True
    log_json: bool = True

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'review-queue.sqlite3').as_posix()}"

    @property
    def files_root(self) -> Path:
        return self.files_dir or self.data_dir / "files"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


def settings_for(data: str | os.PathLike[str] | None = None, **overrides: object) -> Settings:
    """Settings for ``data`` (else ``$REVIEW_QUEUE_DATA``, else ./review-queue-data)."""
    chosen = data or os.environ.get(DATA_ENV) or "review-queue-data"
    root = Path(chosen).expanduser().resolve()
    url = str(overrides.pop("database_url", "") or os.environ.get(DATABASE_ENV, ""))
    return Settings(data_dir=root, database_url=url, **overrides)  # type: ignore[arg-type]
