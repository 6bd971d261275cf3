"""Opening the SQLite database: durable settings on every connection, migrations at start-up.

WAL lets the UI read while the writer works; ``synchronous=FULL`` makes each commit durable across
a power cut (WAL with NORMAL may lose the last commits); foreign keys cascade attachment rows.
Before Alembic touches an existing database, a consistent copy is made with SQLite's online
backup API, so a failed or buggy migration can be undone by hand from ``backups/``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event

from editor_app.core.errors import UserError

log = logging.getLogger("editor_app.store")

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 5


def create_sqlite_engine(database: Path, *, immediate: bool = True) -> Engine:
    """An engine whose transactions start with ``BEGIN IMMEDIATE`` (writers) or ``BEGIN``.

    Python's sqlite3 module would begin transactions lazily on the first write; a transaction
    that read first then fails at once with "database is locked" when another thread or process
    (the sync engine) writes at the same time, because SQLite cannot upgrade a stale read
    snapshot. Taking the write lock up front makes writers queue politely on ``busy_timeout``.
    Readers use a plain ``BEGIN`` so they never wait for a writer (WAL).
    """
    engine = create_engine(f"sqlite:///{database}", connect_args={"timeout": 30})
    event.listen(engine, "connect", _set_pragmas)
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None     # transactions are begun by the "begin" hook
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config() -> Config:
    """Alembic settings without an .ini file, so a wheel or a frozen build finds the scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, database: Path, backups: Path, target: str = "head") -> Path | None:
    """Upgrades to ``target``; returns the backup made first (None for a new, empty database)."""
    current = current_revision(engine)
    if target == "head" and current == head_revision():
        return None
    if current is not None and not _known(current):
        raise NewerStoreError(
            f"Cơ sở dữ liệu {database} do phiên bản mới hơn của phần mềm tạo ra "
            f"(lược đồ {current}); hãy cài phiên bản mới hơn.",
            f"The database {database} was written by a newer version of the app "
            f"(schema {current}); install that version or newer.",
        )
    backup = None
    if current is not None or _has_tables(engine):
        backup = backup_database(database, backups, label=current or "unversioned")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
    log.info("store migrated from %s to %s", current, target)
    return backup


class NewerStoreError(UserError):
    """The database's schema is newer than this app knows: opening it could damage it."""


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def backup_database(database: Path, backups: Path, label: str) -> Path:
    """A consistent copy (WAL included) via SQLite's online backup; keeps the newest few."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"{database.stem}-{stamp}-{label}.sqlite3"
    source = sqlite3.connect(database)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    _prune_backups(backups, database.stem)
    log.info("copied %s to %s before migrating", database.name, target.name)
    return target


def _prune_backups(backups: Path, stem: str) -> None:
    old = sorted(backups.glob(f"{stem}-*.sqlite3"))[:-KEEP_BACKUPS]
    for path in old:
        path.unlink(missing_ok=True)
