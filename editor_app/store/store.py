"""Opening the whole local store: folders, database (migrated), blob store, repository."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from editor_app.core.paths import AppPaths
from editor_app.store.blobs import BlobStore
from editor_app.store.database import create_sqlite_engine, migrate
from editor_app.store.repository import DraftRepository

log = logging.getLogger("editor_app.store")


@dataclass
class Store:
    """The open store; close it on quit: when the last connection closes, SQLite folds the
    WAL back into the database file."""

    engine: Engine          # writers: transactions begin IMMEDIATE (see database.py)
    blobs: BlobStore
    drafts: DraftRepository
    reader: Engine | None = None

    def collect_garbage(self, min_age_seconds: float = 3600.0) -> int:
        """Deletes blobs nothing references (e.g. left by a crash between copy and commit)."""
        return self.blobs.gc(self.drafts.all_referenced(), min_age_seconds)

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()
        if self.reader is not None:
            self.reader.dispose()


def open_store(paths: AppPaths) -> Store:
    """Creates the folders, backs up and migrates the database, and returns the open store."""
    paths.ensure()
    for folder in (paths.blobs, paths.backups):
        folder.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(paths.database)
    try:
        migrate(engine, paths.database, paths.backups)
    except Exception:
        engine.dispose()
        raise
    blobs = BlobStore(paths.blobs)
    reader = create_sqlite_engine(paths.database, immediate=False)
    drafts = DraftRepository(engine, blobs, reader=reader)
    return Store(engine=engine, blobs=blobs, drafts=drafts, reader=reader)
