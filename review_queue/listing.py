"""The filtered, paginated list of submissions a caller may see.

Ordered by (updated_at, id) ascending, so a client pulling with ``updated_since`` and following
``next_cursor`` sees every change exactly once even while items keep changing (keyset
pagination: an item edited during the walk moves to the end, it is not skipped).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from editor_app.core import wire
from editor_app.core.fold import fold
from review_queue import models
from review_queue.errors import ApiError, forbidden
from review_queue.serialize import submission_out

MAX_LIMIT = 200
S = models.Submission


@dataclass
class Filters:
    states: list[wire.State] = field(default_factory=list)
    unit: str | None = None
    category: str | None = None
    mine: bool = False
    updated_since: datetime | None = None
    text: str | None = None


def page(db: Session, user: models.User, filters: Filters, cursor: str | None,
         limit: int) -> wire.Page[wire.Submission]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(400, "bad-limit", f"limit must be 1..{MAX_LIMIT}")
    where = _scope(user, filters) + _conditions(user, filters)
    total = db.scalar(select(func.count()).select_from(S).where(*where)) or 0
    query = select(S).where(*where)
    if cursor:
        query = query.where(_after(cursor))
    rows = db.scalars(query.order_by(S.updated_at, S.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _cursor(rows[-1]) if more and rows else None
    return wire.Page[wire.Submission](items=[submission_out(r, user) for r in rows],
                                      next_cursor=next_cursor, total=total)


def _scope(user: models.User, filters: Filters) -> list[ColumnElement[bool]]:
    """What the caller may see at all (the same rule as :func:`workflow.can_read`)."""
    if user.role == wire.Role.COLLABORATOR:
        if filters.unit not in (None, user.unit):
            raise forbidden("collaborators see their own unit's items only")
        return [S.unit == user.unit]
    if user.role == wire.Role.DEPUTY:
        categories = list(user.categories or [])
        return [S.category.in_(categories) if categories else false()]
    if user.role in (wire.Role.SECRETARY, wire.Role.CHIEF):
        return []
    raise forbidden("your role has no access to submissions")


def _conditions(user: models.User, filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.states:
        where.append(S.state.in_([s.value for s in filters.states]))
    if filters.unit:
        where.append(S.unit == filters.unit)
    if filters.category:
        where.append(S.category == filters.category)
    if filters.mine:
        where.append(or_(S.created_by_id == user.id, S.claimed_by_id == user.id))
    if filters.updated_since is not None:
        where.append(S.updated_at >= _aware(filters.updated_since))
    if filters.text and filters.text.strip():
        where.append(_text_matches(filters.text))
    return where


def _text_matches(query: str) -> ColumnElement[bool]:
    """The folded phrase inside the folded title or summary (same folding as the app's search).

    Both sides are lower case already, so LIKE's case rules (ASCII-only on SQLite, none on
    PostgreSQL) no longer matter; ``%`` and ``_`` in the query are literal.
    """
    phrase = " ".join(fold(query).split())
    return S.search_text.like(f"%{_escape(phrase)}%", escape="\\")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _cursor(row: models.Submission) -> str:
    raw = f"{row.updated_at.isoformat()}|{row.id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _after(cursor: str) -> ColumnElement[bool]:
    try:
        stamp, _, ident = base64.urlsafe_b64decode(cursor.encode("ascii")).decode().partition("|")
        moment, item_id = _aware(datetime.fromisoformat(stamp)), int(ident)
    except (ValueError, UnicodeError):
        raise ApiError(400, "bad-cursor", "cursor is not one this service gave out") from None
    return or_(S.updated_at > moment, and_(S.updated_at == moment, S.id > item_id))
