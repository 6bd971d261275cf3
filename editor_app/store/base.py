"""The declarative base every store model shares, so one Alembic history covers all tables.

Other parts of the app that keep local tables (the sync outbox) declare their models on this same
:class:`Base` and add their own migration after ``0001_initial``. The naming convention gives every
constraint a stable name, which Alembic's batch mode needs to alter SQLite tables later.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every table in the local store."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC in SQLite and hands back aware UTC datetimes.

    SQLite has no time zones; without this a naive value read back could be taken for local time
    and versions would sort wrongly across a daylight-saving change or a time-zone move.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def parse_utc(value: str) -> datetime:
    """A timestamp as :class:`UTCDateTime` stores it ("2026-01-05 08:00:00.000000"), read from
    a plain driver row without SQLAlchemy's result processing."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def utcnow() -> datetime:
    """Aware UTC now: the only clock the store uses."""
    return datetime.now(UTC)
