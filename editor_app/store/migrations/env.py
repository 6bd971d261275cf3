"""Alembic environment: runs on the connection the app hands in (batch mode for SQLite).

The app calls migrations itself at start-up (see editor_app.store.database.migrate); developers
can still run ``alembic -c editor_app/store/migrations/alembic.ini upgrade head`` against a file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from editor_app.store.base import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = engine_from_config(context.config.get_section(context.config.config_ini_section, {}),
                                prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.begin() as connection:
        _run(connection)


run_migrations_online()
