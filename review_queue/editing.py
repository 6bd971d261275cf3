"""PATCH: a conditional edit that makes a new revision, or a 412 with the current one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from editor_app.core import wire
from review_queue import models
from review_queue.deps import Services
from review_queue.errors import ApiError
from review_queue.items import (
    audit,
    audit_note,
    checked_attachments,
    cleaned,
    findings_error,
    set_attachments,
    set_content,
    snapshot,
)
from review_queue.models import utcnow
from review_queue.profile import current_profile
from review_queue.serialize import author_of, submission_out
from review_queue.validate import errors_in, validate
from review_queue.workflow import check_edit


def require_revision(item: models.Submission, user: models.User, if_match: str | None) -> None:
    """428 without ``If-Match``; 412 (with the item as it is now) when it names another revision."""
    if if_match is None:
        raise ApiError(428, "if-match-required", "send If-Match with the revision you edited")
    based_on = wire.parse_if_match(if_match)
    if based_on is None:
        raise ApiError(400, "bad-if-match", "If-Match must be a revision number")
    if based_on != item.revision:
        raise ApiError(412, "stale-revision",
                       f"revision {based_on} is stale; the current revision is {item.revision}",
                       current=submission_out(item, user),
                       headers={"ETag": wire.etag_for(item.revision)})


def apply_patch(db: Session, svc: Services, user: models.User, item: models.Submission,
                body: wire.SubmissionPatch, if_match: str | None, language: str) -> None:
    check_edit(user, item)
    require_revision(item, user, if_match)
    content = cleaned(merged(item, body))
    requested = body.attachments
    if requested is None:
        requested = [wire.AttachmentIn(upload_id=a.upload_id, filename=a.filename,
                                       caption=a.caption) for a in item.attachments]
    checked = checked_attachments(db, user, requested, item.attachments)
    profile = current_profile(db, svc.settings.default_profile)
    found = validate(content, item.unit, checked, profile, svc.store,
                     inspect=svc.settings.inspect_attachments and body.attachments is not None)
    if errors_in(found):
        raise findings_error(found, language)
    set_content(item, content)
    if body.attachments is not None:
        set_attachments(item, checked)
    item.revision += 1
    item.updated_at = utcnow()
    db.flush()
    snapshot(db, item, user)
    audit(db, item, user, wire.AUDIT_EDIT, item.state, item.state,
          audit_note(body.comment, found))


def merged(item: models.Submission, body: wire.SubmissionPatch) -> wire.SubmissionContent:
    """The item's content with the patch's given fields laid over it."""
    current = wire.SubmissionContent(
        title=item.title, summary=item.summary, body_html=item.body_html,
        category=item.category, author=author_of(item), source=item.source,
        language=item.language, tags=list(item.tags or []), metadata=dict(item.meta or {}),
    )
    changes = body.model_dump(exclude_unset=True, exclude={"attachments", "comment"})
    changes = {k: v for k, v in changes.items() if v is not None}
    return current.model_copy(update={**changes, **_author(body)})


def _author(body: wire.SubmissionPatch) -> dict[str, wire.Author]:
    return {"author": body.author} if body.author is not None else {}

