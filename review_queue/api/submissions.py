"""Create (idempotent), list, read and edit submissions; download their attachments."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, BinaryIO

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from editor_app.core import wire
from editor_app.core.profiles import Profile
from editor_app.core.wire import ErrorBody
from review_queue import models
from review_queue.api.common import Id, errors
from review_queue.deps import DB, CurrentUser, Svc
from review_queue.editing import apply_patch
from review_queue.errors import ApiError, forbidden, not_found
from review_queue.items import (
    audit,
    audit_note,
    checked_attachments,
    cleaned,
    findings_error,
    language_of,
    load_item,
    set_attachments,
    set_content,
    snapshot,
)
from review_queue.listing import Filters, page
from review_queue.models import utcnow
from review_queue.profile import current_profile
from review_queue.serialize import submission_out
from review_queue.validate import Checked, errors_in, to_article, validate

log = logging.getLogger("review_queue.submissions")
router = APIRouter(prefix=f"{wire.API_PREFIX}/submissions", tags=["submissions"])

_KEY = re.compile(r"^[\x21-\x7e]{8,200}$")
CREATORS = (wire.Role.COLLABORATOR, wire.Role.SECRETARY)
KEY_REUSED = "idempotency-key-reused"
IdemKey = Annotated[str | None, Header(
    alias=wire.IDEMPOTENCY_HEADER,
    description="8-200 visible ASCII characters, one per submission (the app uses the draft's "
                "uid). Sent again with the same body: the submission it first created (200); "
                f"with a different body: 422 `{KEY_REUSED}`.")]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


@router.post("", status_code=201, response_model=wire.Submission,
             responses={200: {"model": wire.Submission, "description": "replayed: the same key "
                              "was used before, this is the submission it created"},
                        **errors(400, 401, 403, 413),
                        422: {"model": ErrorBody, "description": "validation findings; or "
                              f"`{KEY_REUSED}`: the key was first sent with a different body "
                              "(`current` is the submission it made)"}})
def create(body: wire.SubmissionCreate, request: Request, response: Response, db: DB, svc: Svc,
           user: CurrentUser, idempotency_key: IdemKey = None) -> wire.Submission:
    """A new submission; the same ``Idempotency-Key`` from the same user never makes a second.

    The same key with the same body returns the submission it made; with a different body it
    is refused (422 ``idempotency-key-reused``), never answered with content the caller did
    not send.
    """
    key = _valid_key(idempotency_key)
    fingerprint = request_fingerprint(body)
    existing = _by_key(db, user, key)
    if existing is not None:
        return _replay(existing, fingerprint, user, response)
    if user.role not in CREATORS:
        raise forbidden("your role may not submit items")
    unit = _unit_for(db, user, body.unit)
    body = cleaned(body)
    profile = current_profile(db, svc.settings.default_profile)
    checked = checked_attachments(db, user, body.attachments)
    found = validate(body, unit, checked, profile, svc.store,
                     inspect=svc.settings.inspect_attachments)
    if errors_in(found):
        raise findings_error(found, language_of(request))
    try:
        item = _insert(db, user, (key, fingerprint), unit, body, checked, profile,
                       audit_note(None, found))
        db.commit()
    except (IntegrityError, OperationalError):
        db.rollback()  # a concurrent request with the same key won: answer with its submission
        existing = _by_key(db, user, key)
        if existing is None:
            raise
        return _replay(existing, fingerprint, user, response)
    log.info("submission %s created by %s", item.id, user.username)
    _headers(response, item)
    response.headers["Location"] = f"{wire.API_PREFIX}/submissions/{item.id}"
    return submission_out(item, user)


def _valid_key(key: str | None) -> str:
    if key is None or not _KEY.match(key):
        raise ApiError(400, "idempotency-key-required",
                       f"send an {wire.IDEMPOTENCY_HEADER} header of 8-200 visible characters")
    return key


def _by_key(db: Session, user: models.User, key: str) -> models.Submission | None:
    return db.scalar(select(models.Submission).where(
        models.Submission.created_by_id == user.id, models.Submission.idempotency_key == key))


def request_fingerprint(body: wire.SubmissionCreate) -> str:
    """SHA-256 of the body as parsed: key order, white space and spelled-out defaults aside."""
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replay(item: models.Submission, fingerprint: str, user: models.User,
            response: Response) -> wire.Submission:
    """The submission the key made, if this is the body that made it (else 422).

    The refusal carries that submission as ``current`` (as a 412 does), so a client that lost
    the first answer and then changed its content can adopt the item and PATCH it.
    """
    if item.request_hash and item.request_hash != fingerprint:
        raise ApiError(422, KEY_REUSED, f"this {wire.IDEMPOTENCY_HEADER} was first sent with a "
                       f"different body (submission {item.id}); send a new key for new content",
                       current=submission_out(item, user))
    response.status_code = 200
    _headers(response, item)
    return submission_out(item, user)


def _unit_for(db: Session, user: models.User, requested: str | None) -> str:
    unit = requested or user.unit
    if user.role == wire.Role.COLLABORATOR and unit != user.unit:
        raise forbidden("collaborators submit for their own unit only")
    if db.get(models.Unit, unit) is None:
        raise ApiError(422, "unknown-unit", f"no unit {unit!r} on this portal")
    return unit


def _insert(db: Session, user: models.User, keyed: tuple[str, str], unit: str,
            body: wire.SubmissionCreate, checked: list[Checked], profile: Profile,
            note: str | None) -> models.Submission:
    now = utcnow()
    key, fingerprint = keyed
    item = models.Submission(
        unit=unit, state=wire.State.SUBMITTED, revision=1, client_uid=body.client_uid or key,
        idempotency_key=key, request_hash=fingerprint, created_by_id=user.id, created_by=user,
        created_at=now, updated_at=now, deadline=_deadline(profile, body, unit, checked),
    )
    set_content(item, body)
    set_attachments(item, checked)
    db.add(item)
    db.flush()
    snapshot(db, item, user)
    audit(db, item, user, wire.AUDIT_CREATE, None, wire.State.SUBMITTED, note)
    return item


def _deadline(profile: Profile, body: wire.SubmissionContent, unit: str,
              checked: list[Checked]) -> date | None:
    """The publication deadline by the profile's working-day rules, when the category has one."""
    try:
        from editor_app.core.workdays import article_deadline

        return article_deadline(profile, to_article(body, unit, checked))
    except Exception:  # a deadline is a convenience; never refuse a submission over it
        log.exception("could not compute a deadline")
        return None


def _headers(response: Response, item: models.Submission) -> None:
    response.headers["ETag"] = wire.etag_for(item.revision)


@router.get("", response_model=wire.Page[wire.Submission], responses=errors(400, 401, 403))
def list_items(db: DB, user: CurrentUser, state: Annotated[list[wire.State] | None, Query()] = None,
               unit: str | None = None, category: str | None = None, mine: bool = False,
               updated_since: datetime | None = None, q: str | None = None,
               cursor: str | None = None, limit: int = 50) -> wire.Page[wire.Submission]:
    filters = Filters(states=state or [], unit=unit, category=category, mine=mine,
                      updated_since=updated_since, text=q)
    return page(db, user, filters, cursor, limit)


@router.get("/{item_id}", response_model=wire.Submission, responses=errors(401, 403, 404))
def get_item(item_id: Id, response: Response, db: DB, user: CurrentUser) -> wire.Submission:
    item = load_item(db, item_id, user)
    _headers(response, item)
    return submission_out(item, user)


@router.patch("/{item_id}", response_model=wire.Submission,
              responses=errors(400, 401, 403, 404, 409, 412, 422, 428))
def patch_item(item_id: Id, body: wire.SubmissionPatch, request: Request, response: Response,
               db: DB, svc: Svc, user: CurrentUser, if_match: IfMatch = None) -> wire.Submission:
    """A new revision from the revision named in ``If-Match``; a stale one gets 412."""
    item = load_item(db, item_id, user, lock=True)
    apply_patch(db, svc, user, item, body, if_match, language_of(request))
    db.commit()
    _headers(response, item)
    return submission_out(item, user)


@router.get("/{item_id}/attachments/{attachment_id}", response_class=StreamingResponse,
            responses={200: {"content": {"application/octet-stream": {}}},
                       **errors(401, 403, 404)})
def download(item_id: Id, attachment_id: Id, db: DB, svc: Svc,
             user: CurrentUser) -> StreamingResponse:
    item = load_item(db, item_id, user)
    row = next((a for a in item.attachments if a.id == attachment_id), None)
    if row is None:
        raise not_found("attachment")
    handle = svc.store.open_read(row.upload_id)
    return StreamingResponse(
        _chunks(handle), media_type=row.media_type,
        headers={"Content-Length": str(row.size),
                 "Content-Disposition": _disposition(row.filename)},
    )


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(1024 * 1024):
            yield chunk


def _disposition(filename: str) -> str:
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
