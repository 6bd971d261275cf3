"""``GET /api/v1/notifications``: what needs the caller, derived from the audit trail.

Nothing is stored: a notification is an audit entry seen from the reader's side (an item of
theirs returned, an item forwarded to them, their claim taken over by another secretary) or a
publication deadline that is near. Deriving it keeps the audit trail the single record and lets
every service instance answer the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core import review_wire as rw
from editor_app.core import wire
from editor_app.core.wire import Role, State
from review_queue import models
from review_queue.api.common import errors
from review_queue.deps import DB, CurrentUser
from review_queue.workflow import approver, can_read

router = APIRouter(prefix=wire.API_PREFIX, tags=["notifications"])
Kind = rw.NotificationKind
WINDOW = timedelta(days=30)
NEAR = timedelta(days=2)
LIMIT = 200
CLAIMS = (wire.Action.CLAIM.value, wire.AUDIT_TAKEOVER)
VIETNAM = timezone(timedelta(hours=7))  # deadlines are Vietnamese dates, whatever the host's zone
_AUTHOR_KINDS = {State.RETURNED: Kind.RETURNED, State.PUBLISHED: Kind.PUBLISHED,
                 State.REJECTED: Kind.REJECTED}


@router.get("/notifications", response_model=list[rw.Notification], responses=errors(401))
def notifications(db: DB, user: CurrentUser,
                  since: Annotated[datetime | None, Query()] = None) -> list[rw.Notification]:
    """Newest first, at most 200; ``since`` defaults to 30 days ago."""
    start = _aware(since) if since else datetime.now(UTC) - WINDOW
    found = list(_from_audit(db, user, start)) + list(_deadlines(db, user))
    found.sort(key=lambda n: (n.at, n.id), reverse=True)
    return found[:LIMIT]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _from_audit(db: Session, user: models.User, start: datetime) -> Iterator[rw.Notification]:
    rows = db.execute(select(models.AuditEntry, models.Submission)
                      .join(models.Submission,
                            models.Submission.id == models.AuditEntry.submission_id)
                      .where(models.AuditEntry.at >= start)
                      .order_by(models.AuditEntry.id)).all()
    holders = _previous_holders(db, [e for e, _ in rows if e.action == wire.AUDIT_TAKEOVER])
    for entry, item in rows:
        if entry.actor == user.username or not can_read(user, item):
            continue
        kind = _kind_for(user, entry, item, holders.get(entry.id))
        if kind is not None:
            yield rw.Notification(id=f"audit-{entry.id}", kind=kind, submission_id=item.id,
                                  title=item.title, at=entry.at, actor=entry.actor,
                                  comment=entry.comment, deadline=item.deadline)


def _kind_for(user: models.User, entry: models.AuditEntry, item: models.Submission,
              previous_holder: str | None) -> Kind | None:
    """Which notification an audit entry is for this reader, if any."""
    role = Role(user.role)
    if role == Role.COLLABORATOR:
        if item.created_by_id != user.id or entry.action == wire.AUDIT_EDIT:
            return None
        return _AUTHOR_KINDS.get(State(entry.to_state)) if entry.to_state else None
    if role == Role.SECRETARY:
        return _for_secretary(user, entry, item, previous_holder)
    if role in (Role.DEPUTY, Role.CHIEF) and entry.action == wire.Action.FORWARD:
        return Kind.FORWARDED if approver(user, item) else None
    return None


def _for_secretary(user: models.User, entry: models.AuditEntry, item: models.Submission,
                   previous_holder: str | None) -> Kind | None:
    if entry.action == wire.AUDIT_TAKEOVER:
        return Kind.TAKEOVER if previous_holder == user.username else None
    if item.claimed_by_id != user.id and entry.action != wire.Action.APPROVE:
        return None
    if entry.action == wire.Action.RETURN and entry.from_state == State.AWAITING_APPROVAL:
        return Kind.RETURNED
    if entry.action == wire.Action.APPROVE:
        return Kind.APPROVED
    if entry.action == wire.Action.FORWARD and approver(user, item):
        return Kind.FORWARDED
    return None


def _previous_holders(db: Session, takeovers: list[models.AuditEntry]) -> dict[int, str]:
    """For each takeover entry, who held the item before (the claim or takeover just before)."""
    if not takeovers:
        return {}
    ids = {e.submission_id for e in takeovers}
    claims = db.scalars(select(models.AuditEntry)
                        .where(models.AuditEntry.submission_id.in_(ids),
                               models.AuditEntry.action.in_(CLAIMS))
                        .order_by(models.AuditEntry.id)).all()
    result: dict[int, str] = {}
    for takeover in takeovers:
        before = [c for c in claims
                  if c.submission_id == takeover.submission_id and c.id < takeover.id]
        if before:
            result[takeover.id] = before[-1].actor
    return result


_WAITING: dict[Role, tuple[State, ...]] = {
    Role.COLLABORATOR: (State.RETURNED,),
    Role.SECRETARY: (State.SUBMITTED, State.IN_REVIEW, State.APPROVED),
    Role.DEPUTY: (State.AWAITING_APPROVAL,),
    Role.CHIEF: (State.AWAITING_APPROVAL,),
}


def _deadlines(db: Session, user: models.User) -> Iterator[rw.Notification]:
    """Items waiting on the reader's role whose deadline is within two days or passed."""
    states = _WAITING.get(Role(user.role), ())
    if not states:
        return
    today = _now().astimezone(VIETNAM).date()
    S = models.Submission
    rows = db.scalars(select(S).where(S.state.in_([s.value for s in states]),
                                      S.deadline.is_not(None), S.deadline <= today + NEAR))
    for item in rows:
        if _waits_on(user, item):
            yield _deadline_note(item, today)


def _waits_on(user: models.User, item: models.Submission) -> bool:
    if not can_read(user, item):
        return False
    if user.role == Role.COLLABORATOR:
        return item.created_by_id == user.id
    if user.role in (Role.DEPUTY, Role.CHIEF):
        return approver(user, item)
    return item.claimed_by_id in (None, user.id)


def _now() -> datetime:
    return datetime.now(UTC)


def _deadline_note(item: models.Submission, today: date) -> rw.Notification:
    moment = datetime(today.year, today.month, today.day, tzinfo=VIETNAM)
    return rw.Notification(id=f"deadline-{item.id}-{item.deadline}", kind=Kind.DEADLINE,
                           submission_id=item.id, title=item.title, at=moment,
                           deadline=item.deadline)
