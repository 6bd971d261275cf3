"""Rows to wire models (:mod:`editor_app.core.wire`), in one place so every endpoint agrees."""

from __future__ import annotations

from typing import Any

from editor_app.core import wire
from review_queue import models
from review_queue.workflow import allowed_actions


def author_of(item: models.Submission) -> wire.Author:
    return wire.Author(pen_name=item.pen_name, real_name=item.real_name)


def attachment_out(row: models.Attachment) -> wire.Attachment:
    return wire.Attachment(
        id=row.id, upload_id=row.upload_id, filename=row.filename, caption=row.caption,
        size=row.size, sha256=row.sha256, media_type=row.media_type,
    )


def submission_out(item: models.Submission, viewer: models.User) -> wire.Submission:
    return wire.Submission(
        id=item.id, state=wire.State(item.state), revision=item.revision, unit=item.unit,
        category=item.category, title=item.title, summary=item.summary,
        body_html=item.body_html, author=author_of(item), source=item.source,
        language=item.language, tags=list(item.tags or []), metadata=dict(item.meta or {}),
        client_uid=item.client_uid, created_by=item.created_by.username,
        claimed_by=item.claimed_by.username if item.claimed_by else None,
        published_url=item.published_url, published_at=item.published_at,
        deadline=item.deadline, last_comment=item.last_comment,
        attachments=[attachment_out(a) for a in item.attachments],
        allowed_actions=allowed_actions(viewer, item),
        created_at=item.created_at, updated_at=item.updated_at,
    )


def content_snapshot(item: models.Submission) -> dict[str, Any]:
    """The JSON kept for a revision: everything a diff of two revisions needs."""
    return {
        "title": item.title, "summary": item.summary, "body_html": item.body_html,
        "category": item.category, "author": author_of(item).model_dump(),
        "source": item.source, "language": item.language, "tags": list(item.tags or []),
        "metadata": dict(item.meta or {}),
        "attachments": [attachment_out(a).model_dump(mode="json") for a in item.attachments],
    }


def revision_out(row: models.Revision) -> wire.SubmissionRevision:
    return wire.SubmissionRevision.model_validate(
        {**row.content, "revision": row.revision, "actor": row.actor, "at": row.at}
    )


def audit_out(row: models.AuditEntry, published_url: str | None = None) -> wire.AuditEntry:
    """One audit entry; ``published_url`` (the item's) fills ``url`` of a publish entry written
    before the column existed (those carry the address in their comment; the table is
    append-only, so they are completed when read, never rewritten)."""
    url = row.url
    if url is None and row.action == wire.Action.PUBLISH:
        url = published_url
    return wire.AuditEntry(
        id=row.id, actor=row.actor, role=wire.Role(row.role), at=row.at, action=row.action,
        from_state=wire.State(row.from_state) if row.from_state else None,
        to_state=wire.State(row.to_state) if row.to_state else None,
        comment=row.comment, revision=row.revision, url=url,
    )


def comment_out(row: models.Comment) -> wire.Comment:
    return wire.Comment(id=row.id, author=row.author, role=wire.Role(row.role), at=row.at,
                        text=row.text, anchor=row.anchor, revision=row.revision)


def user_out(user: models.User) -> wire.UserInfo:
    return wire.UserInfo(username=user.username, role=wire.Role(user.role), unit=user.unit,
                         categories=list(user.categories or []), disabled=user.disabled)
