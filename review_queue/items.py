"""Shared steps of the item endpoints: load with permission, record audit, apply content."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core import wire
from editor_app.core.interchange.html_clean import clean_html
from editor_app.validation.findings import Finding
from editor_app.validation.portal_findings import CHECK_FAILED
from review_queue import models
from review_queue.content import MEDIA_TYPES
from review_queue.errors import ApiError, forbidden, not_found
from review_queue.models import utcnow
from review_queue.serialize import content_snapshot
from review_queue.validate import Checked
from review_queue.workflow import can_read

Content = TypeVar("Content", bound=wire.SubmissionContent)


def load_item(db: Session, item_id: int, user: models.User, *, lock: bool = False
              ) -> models.Submission:
    """The item if the caller may see it: 404 when there is none, 403 when it is not theirs."""
    query = select(models.Submission).where(models.Submission.id == item_id)
    item = db.scalar(query.with_for_update() if lock else query)
    if item is None:
        raise not_found("submission")
    if not can_read(user, item):
        raise forbidden("this item is outside your unit or categories")
    return item


def audit(db: Session, item: models.Submission, user: models.User, action: str,
          from_state: str | None, to_state: str | None, comment: str | None,
          url: str | None = None) -> None:
    db.add(models.AuditEntry(
        submission_id=item.id, actor=user.username, role=user.role, at=utcnow(), action=action,
        from_state=from_state, to_state=to_state, comment=comment, revision=item.revision,
        url=url,
    ))


def audit_note(comment: str | None, found: Sequence[Finding]) -> str | None:
    """The audit comment of a create or edit, plus every check the server could not run.

    Those warnings never block the author, so the 201 carries none; written into the audit
    entry they reach the board (history view, ``GET /audit``), who then look by hand.
    """
    notes = [_note(f) for f in found if f.code == CHECK_FAILED.code]
    return "\n".join([comment, *notes] if comment else notes) or None


def _note(finding: Finding) -> str:
    where = f"{finding.location.field}: " if finding.location.field else ""
    return f"[{finding.code}] {where}{finding.message_vi}"


def snapshot(db: Session, item: models.Submission, user: models.User) -> None:
    db.add(models.Revision(submission_id=item.id, revision=item.revision, actor=user.username,
                           at=utcnow(), content=content_snapshot(item)))


def checked_attachments(db: Session, user: models.User, requested: Sequence[wire.AttachmentIn],
                        already: Sequence[models.Attachment] = ()) -> list[Checked]:
    """Pair each requested attachment with its upload: the caller's own, or already attached."""
    ids = {a.upload_id for a in requested}
    rows = db.scalars(select(models.Upload).where(models.Upload.id.in_(ids))).all() if ids else []
    attached = {a.upload_id for a in already}
    usable = {u.id: u for u in rows if u.owner_id == user.id or u.id in attached}
    return [Checked(a, usable.get(a.upload_id)) for a in requested]


def set_attachments(item: models.Submission, checked: Sequence[Checked]) -> None:
    item.attachments = [
        models.Attachment(upload_id=c.upload.id, position=i, filename=c.request.filename,
                          caption=c.request.caption, size=c.upload.length, sha256=c.upload.sha256,
                          media_type=MEDIA_TYPES.get(c.upload.detected, "application/octet-stream"))
        for i, c in enumerate(checked) if c.upload is not None
    ]


def cleaned(content: Content) -> Content:
    """``content`` with its body sanitised by the app's own allow-list (:func:`clean_html`).

    Runs before validation on create and PATCH, so what is checked, stored, served and kept in
    the revisions is the same inert structure; scripts, event handlers, ``javascript:`` links and
    frames never reach a reviewer's screen or the portal. Silent: the author cannot act on a
    finding about markup the server already removed, and the response shows what was kept.
    """
    return content.model_copy(update={"body_html": clean_html(content.body_html)})


def set_content(item: models.Submission, content: wire.SubmissionContent) -> None:
    item.title, item.summary, item.body_html = content.title, content.summary, content.body_html
    item.category, item.source, item.language = content.category, content.source, content.language
    item.pen_name, item.real_name = content.author.pen_name, content.author.real_name
    item.tags, item.meta = list(content.tags), dict(content.metadata)
    item.search_text = models.folded_search_text(content.title, content.summary)


def language_of(request: Request) -> str:
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "vi"


def findings_error(found: Sequence[Finding], language: str) -> ApiError:
    return ApiError(422, "validation-failed", "the submission has errors; see findings",
                    findings=[f.to_json(language) for f in found])
