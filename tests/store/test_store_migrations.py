"""Migrations: every released schema opens and upgrades; the database is copied aside first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from editor_app.core.paths import AppPaths
from editor_app.store import open_store
from editor_app.store.database import (
    NewerStoreError,
    alembic_config,
    backup_database,
    create_sqlite_engine,
    current_revision,
    head_revision,
    migrate,
)

RELEASED = [rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()]


def _insert_article_0001(database: Path, title: str) -> None:
    """A row written the way schema 0001 wrote it (raw SQL: no current model involved)."""
    with sqlite3.connect(database) as conn:
        conn.execute(
            "INSERT INTO articles (uid, title, title_key, summary, body_html, category, pen_name,"
            " real_name, source, language, tags, unit, metadata, state, created_at, updated_at)"
            " VALUES ('u-1', ?, 'bai cu', '', '<p>x</p>', 'news', '', '', '', 'vi', '[\"a\"]', '',"
            " '{\"number\": \"1/QĐ\"}', 'draft', '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
            (title,),
        )
        conn.execute("INSERT INTO article_fts (rowid, title, summary, body, extra) "
                     "VALUES (1, 'bai cu', '', 'x', 'a')")
        conn.execute("INSERT INTO article_title_fts (rowid, title) VALUES (1, 'bai cu')")
    conn.close()


@pytest.mark.parametrize("revision", RELEASED)
def test_database_of_each_released_schema_upgrades(paths: AppPaths, revision: str) -> None:
    paths.ensure()
    engine = create_sqlite_engine(paths.database)
    assert migrate(engine, paths.database, paths.backups, target=revision) is None  # new file
    engine.dispose()
    _insert_article_0001(paths.database, "Bài cũ")
    store = open_store(paths)
    try:
        assert current_revision(store.engine) == head_revision()
        article = store.drafts.get(1)
        assert (article.title, article.metadata) == ("Bài cũ", {"number": "1/QĐ"})
        assert [s.id for s in store.drafts.search("bai cu")] == [1]
        assert store.integrity_ok()
    finally:
        store.close()
    backups = list(paths.backups.glob("*.sqlite3"))
    assert len(backups) == (0 if revision == head_revision() else 1)


def test_existing_database_is_copied_aside_before_migrating(paths: AppPaths) -> None:
    paths.ensure()
    with sqlite3.connect(paths.database) as conn:   # a file from before versioning
        conn.execute("CREATE TABLE legacy_notes (text TEXT)")
        conn.execute("INSERT INTO legacy_notes VALUES ('giữ lại')")
    conn.close()
    store = open_store(paths)
    store.close()
    [backup] = paths.backups.glob("*.sqlite3")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT text FROM legacy_notes").fetchall() == [("giữ lại",)]
        assert copy.execute("SELECT name FROM sqlite_master WHERE name='articles'").fetchall() == []
    copy.close()


def test_database_from_a_newer_app_is_refused_untouched(paths: AppPaths) -> None:
    open_store(paths).close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(NewerStoreError, match="newer version"):
        open_store(paths)
    assert paths.database.read_bytes() == before


def test_reopening_an_up_to_date_store_makes_no_backup(paths: AppPaths) -> None:
    open_store(paths).close()
    open_store(paths).close()
    assert list(paths.backups.glob("*.sqlite3")) == []


def test_old_backups_are_pruned(paths: AppPaths) -> None:
    open_store(paths).close()
    for index in range(8):
        backup_database(paths.database, paths.backups, label=f"t{index}")
    assert len(list(paths.backups.glob("*.sqlite3"))) == 5


def test_store_pragmas(paths: AppPaths) -> None:
    store = open_store(paths)
    try:
        with store.engine.connect() as conn:
            pragma = conn.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA synchronous").scalar() == 2          # FULL
            assert pragma("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()
