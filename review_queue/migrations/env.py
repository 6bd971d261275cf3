"""Alembic environment of the review-queue service: the engine comes from the caller.

:func:`review_queue.db.upgrade` passes the configured engine in ``config.attributes``; batch mode
keeps ALTERs working on SQLite.
"""

from __future__ import annotations

from alembic import context

from review_queue import models  # noqa: F401 - registers the tables on Base.metadata
from review_queue.db import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
