"""``GET /api/v1/reports/items``: the facts the board's periodic reports are computed from.

The service hands out items with activity in the period and their dated workflow events (from
the append-only audit trail); the app counts them (:mod:`editor_app.core.reports`), so a report
can be recomputed offline and tested without a server. Who may read follows the item rules: the
secretary and the chief see every item, a deputy the categories delegated to them; collaborators
and administrators have no reports.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from editor_app.core import review_wire as rw
from editor_app.core import wire
from review_queue import models
from review_queue.api.common import errors
from review_queue.deps import DB, CurrentUser, Svc
from review_queue.errors import ApiError, forbidden
from review_queue.profile import current_profile
from review_queue.workflow import can_read

router = APIRouter(prefix=wire.API_PREFIX, tags=["reports"])
READERS = (wire.Role.SECRETARY, wire.Role.CHIEF, wire.Role.DEPUTY)
MAX_DAYS = 800  # two years and a bit: a yearly report compared with the year before


@router.get("/reports/items", response_model=rw.ReportData, responses=errors(400, 401, 403))
def report_items(db: DB, svc: Svc, user: CurrentUser, since: Annotated[date, Query()],
                 until: Annotated[date, Query()]) -> rw.ReportData:
    """Items created, moved or due in [since, until] (whole days, UTC), with all their events."""
    if user.role not in READERS:
        raise forbidden("reports are for the editorial board")
    if until < since or (until - since).days > MAX_DAYS:
        raise ApiError(400, "bad-period", f"the period must be 0..{MAX_DAYS} days, since <= until")
    profile = current_profile(db, svc.settings.default_profile)
    items = [i for i in _items_in(db, since, until) if can_read(user, i)]
    events = _events_of(db, [i.id for i in items])
    return rw.ReportData(
        since=since, until=until, profile_id=profile.id,
        quota=profile.quotas.items_per_unit_per_month, quota_reference=profile.quotas.reference,
        units=_units(db), items=[_item_out(i, events.get(i.id, [])) for i in items],
    )


def _bounds(since: date, until: date) -> tuple[datetime, datetime]:
    start = datetime.combine(since, time.min, tzinfo=UTC)
    return start, datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC)


def _items_in(db: Session, since: date, until: date) -> list[models.Submission]:
    start, end = _bounds(since, until)
    active = select(models.AuditEntry.submission_id).where(
        models.AuditEntry.at >= start, models.AuditEntry.at < end)
    S = models.Submission
    query = select(S).where(or_(S.id.in_(active), S.deadline.between(since, until)))
    return list(db.scalars(query.order_by(S.id)))


def _events_of(db: Session, ids: list[int]) -> dict[int, list[rw.ReportEvent]]:
    result: dict[int, list[rw.ReportEvent]] = {}
    if not ids:
        return result
    rows = db.scalars(select(models.AuditEntry).where(models.AuditEntry.submission_id.in_(ids))
                      .order_by(models.AuditEntry.id))
    for row in rows:
        result.setdefault(row.submission_id, []).append(
            rw.ReportEvent(action=row.action, at=row.at, actor=row.actor, to_state=row.to_state))
    return result


def _units(db: Session) -> list[rw.ReportUnit]:
    with_collaborators = set(db.scalars(
        select(models.User.unit).where(models.User.role == wire.Role.COLLABORATOR)))
    return [rw.ReportUnit(code=u.code, name=u.name, contributes=u.code in with_collaborators)
            for u in db.scalars(select(models.Unit).order_by(models.Unit.code))]


def _item_out(item: models.Submission, events: list[rw.ReportEvent]) -> rw.ReportItem:
    return rw.ReportItem(
        id=item.id, unit=item.unit, category=item.category, state=item.state, title=item.title,
        pen_name=item.pen_name, real_name=item.real_name, created_by=item.created_by.username,
        created_at=item.created_at, deadline=item.deadline, published_at=item.published_at,
        published_url=item.published_url, events=events,
    )
