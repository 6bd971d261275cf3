"""Transitions, the audit trail, comments and revisions of one item."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response
from sqlalchemy import select

from editor_app.core import wire
from review_queue import models
from review_queue.api.common import Id, errors
from review_queue.deps import DB, CurrentUser
from review_queue.editing import require_revision
from review_queue.errors import ApiError, not_found
from review_queue.items import audit, load_item
from review_queue.models import utcnow
from review_queue.serialize import audit_out, comment_out, revision_out, submission_out
from review_queue.workflow import decide, target_state

router = APIRouter(prefix=f"{wire.API_PREFIX}/submissions", tags=["workflow"])
IfMatch = Annotated[str | None, Header(alias="If-Match")]


@router.post("/{item_id}/transitions", response_model=wire.Submission,
             responses=errors(401, 403, 404, 409, 412, 422))
def transition(item_id: Id, body: wire.TransitionRequest, response: Response, db: DB,
               user: CurrentUser, if_match: IfMatch = None) -> wire.Submission:
    """Move the item through the workflow: 403 not the caller's to do, 409 not from this state."""
    item = load_item(db, item_id, user, lock=True)
    rule = decide(user, item, body.action, takeover=body.takeover)
    if if_match is not None:
        require_revision(item, user, if_match)
    _apply(item, user, rule.action, body)
    source, item.state = item.state, target_state(rule, body.target)
    item.updated_at = utcnow()
    if body.comment:
        item.last_comment = body.comment
    action = wire.AUDIT_TAKEOVER if _is_takeover(rule, source) else body.action.value
    audit(db, item, user, action, source, item.state, _audit_comment(body),
          url=item.published_url if rule.action == wire.Action.PUBLISH else None)
    db.commit()
    response.headers["ETag"] = wire.etag_for(item.revision)
    return submission_out(item, user)


def _is_takeover(rule: object, source: str) -> bool:
    return getattr(rule, "action", None) == wire.Action.CLAIM and source == wire.State.IN_REVIEW


def _apply(item: models.Submission, user: models.User, action: wire.Action,
           body: wire.TransitionRequest) -> None:
    """What an action changes besides the state (claims, publication details)."""
    if action == wire.Action.CLAIM:
        item.claimed_by_id, item.claimed_by = user.id, user
    elif action == wire.Action.RELEASE:
        item.claimed_by_id, item.claimed_by = None, None
    elif action == wire.Action.PUBLISH:
        if not body.url or not body.url.startswith(("http://", "https://")):
            raise ApiError(422, "url-required", "publish needs the item's http(s) address")
        item.published_url = body.url
        item.published_at = body.published_at or utcnow()
    elif action == wire.Action.RESUBMIT:
        item.claimed_by_id, item.claimed_by = None, None


def _audit_comment(body: wire.TransitionRequest) -> str | None:
    parts = [p for p in (f"[{body.reason}]" if body.reason else None, body.comment) if p]
    return " ".join(parts) or None


@router.get("/{item_id}/audit", response_model=list[wire.AuditEntry],
            responses=errors(401, 403, 404))
def audit_trail(item_id: Id, db: DB, user: CurrentUser) -> list[wire.AuditEntry]:
    """Every creation, edit and transition, oldest first (append-only: no way to change it)."""
    item = load_item(db, item_id, user)
    rows = db.scalars(select(models.AuditEntry).where(models.AuditEntry.submission_id == item.id)
                      .order_by(models.AuditEntry.id))
    return [audit_out(r, item.published_url) for r in rows]


@router.get("/{item_id}/comments", response_model=list[wire.Comment],
            responses=errors(401, 403, 404))
def comments(item_id: Id, db: DB, user: CurrentUser) -> list[wire.Comment]:
    item = load_item(db, item_id, user)
    rows = db.scalars(select(models.Comment).where(models.Comment.submission_id == item.id)
                      .order_by(models.Comment.id))
    return [comment_out(r) for r in rows]


@router.post("/{item_id}/comments", response_model=wire.Comment, status_code=201,
             responses=errors(401, 403, 404, 422))
def add_comment(item_id: Id, body: wire.CommentCreate, db: DB,
                user: CurrentUser) -> wire.Comment:
    item = load_item(db, item_id, user)
    row = models.Comment(submission_id=item.id, author=user.username, role=user.role,
                         at=utcnow(), text=body.text, anchor=body.anchor, revision=item.revision)
    db.add(row)
    item.updated_at = utcnow()  # so pulling clients see that there is something new
    db.commit()
    return comment_out(row)


@router.get("/{item_id}/revisions", response_model=list[wire.RevisionInfo],
            responses=errors(401, 403, 404))
def revisions(item_id: Id, db: DB, user: CurrentUser) -> list[wire.RevisionInfo]:
    item = load_item(db, item_id, user)
    rows = db.scalars(select(models.Revision).where(models.Revision.submission_id == item.id)
                      .order_by(models.Revision.revision))
    return [wire.RevisionInfo(revision=r.revision, actor=r.actor, at=r.at,
                              title=str(r.content.get("title", ""))) for r in rows]


@router.get("/{item_id}/revisions/{revision}", response_model=wire.SubmissionRevision,
            responses=errors(401, 403, 404))
def revision(item_id: Id, revision: Id, db: DB, user: CurrentUser) -> wire.SubmissionRevision:
    item = load_item(db, item_id, user)
    row = db.scalar(select(models.Revision).where(models.Revision.submission_id == item.id,
                                                   models.Revision.revision == revision))
    if row is None:
        raise not_found("revision")
    return revision_out(row)
