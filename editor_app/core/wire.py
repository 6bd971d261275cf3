"""The wire schema between the app and the review-queue service: the one thing both share.

Every JSON body of ``/api/v1`` is a pydantic model here, so the service validates and documents
exactly what the app sends and reads (docs/openapi.json is generated from these). Keep changes
additive: a field added with a default never breaks an older client, a renamed one does.

Conventions that both sides rely on:

- times are ISO 8601 with a timezone (UTC from the server);
- ``ETag`` of a submission is the quoted revision (``"3"``); ``If-Match`` accepts ``3``, ``"3"`` or
  ``W/"3"`` (see :func:`etag_for` and :func:`parse_if_match`);
- ``Idempotency-Key`` on ``POST /submissions`` is the draft's ``client_uid`` (any 8–200 visible
  characters): the same key from the same user always yields the same submission (sent with
  a different body it is refused: 422 ``idempotency-key-reused``);
- errors are :class:`ErrorBody` with a stable ``code``; 422 from validation carries ``findings``
  (the same codes the app's checks emit), 412 carries ``current`` (the submission as it is now).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

API_PREFIX = "/api/v1"
UPLOADS_PATH = f"{API_PREFIX}/uploads/"
IDEMPOTENCY_HEADER = "Idempotency-Key"
TUS_VERSION = "1.0.0"


class Role(StrEnum):
    COLLABORATOR = "collaborator"  # cộng tác viên
    SECRETARY = "secretary"        # thư ký Ban biên tập
    DEPUTY = "deputy"              # phó Trưởng Ban
    CHIEF = "chief"                # Trưởng Ban biên tập
    ADMIN = "admin"                # quản trị (IT)


class State(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    PUBLISHED = "published"
    RETURNED = "returned"
    REJECTED = "rejected"


class Action(StrEnum):
    CLAIM = "claim"
    RELEASE = "release"
    RETURN = "return"
    FORWARD = "forward"
    APPROVE = "approve"
    REJECT = "reject"
    PUBLISH = "publish"
    RESUBMIT = "resubmit"


class ReturnTarget(StrEnum):
    """Where ``return`` from awaiting_approval sends an item: back to review, or to its author."""

    SECRETARY = "secretary"  # -> in_review
    AUTHOR = "author"        # -> returned


ROLES: tuple[str, ...] = tuple(r.value for r in Role)
STATES: tuple[str, ...] = tuple(s.value for s in State)
ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)
FINAL_STATES: frozenset[State] = frozenset({State.PUBLISHED, State.REJECTED})

# Audit-only actions (not transitions): an edit that made a new revision, and the creation.
AUDIT_CREATE = "create"
AUDIT_EDIT = "edit"
AUDIT_TAKEOVER = "takeover"


class WireModel(BaseModel):
    """Base of every body: unknown fields are ignored, so newer peers stay compatible."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


# --- auth -------------------------------------------------------------------------------------

class LoginRequest(WireModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class LoginResponse(WireModel):
    token: str
    role: Role
    unit: str
    expires_at: datetime
    username: str = ""
    categories: list[str] = Field(default_factory=list)


class Me(WireModel):
    """``GET /api/v1/me``: who the token belongs to and what they may approve."""

    username: str
    role: Role
    unit: str
    categories: list[str] = Field(default_factory=list)


# --- submissions ------------------------------------------------------------------------------

class Author(WireModel):
    pen_name: str = Field(default="", max_length=200)   # bút danh
    real_name: str = Field(default="", max_length=200)  # tên thật


class AttachmentIn(WireModel):
    """An attachment of a create/patch: a finished tus upload, by id, with its caption."""

    upload_id: str = Field(min_length=1, max_length=100)
    filename: str = Field(min_length=1, max_length=255)
    caption: str = Field(default="", max_length=2000)


class Attachment(WireModel):
    id: int
    upload_id: str
    filename: str
    caption: str = ""
    size: int
    sha256: str
    media_type: str = "application/octet-stream"


class SubmissionContent(WireModel):
    """The editable content of a submission, shared by create, patch results and revisions."""

    title: str = Field(max_length=1000)
    summary: str = Field(default="", max_length=20_000)
    body_html: str = Field(default="", max_length=5_000_000)
    category: str = Field(min_length=1, max_length=100)
    author: Author = Field(default_factory=Author)
    source: str = Field(default="", max_length=2000)
    language: str = Field(default="vi", max_length=20)
    tags: list[str] = Field(default_factory=list, max_length=100)
    metadata: dict[str, Any] = Field(default_factory=dict)


class SubmissionCreate(SubmissionContent):
    """``POST /api/v1/submissions`` (with ``Idempotency-Key``)."""

    unit: str | None = Field(default=None, max_length=100)  # defaults to the caller's unit
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=200)
    client_uid: str = Field(default="", max_length=200)


class SubmissionPatch(WireModel):
    """``PATCH /api/v1/submissions/{id}`` with ``If-Match``; only the fields given change."""

    title: str | None = Field(default=None, max_length=1000)
    summary: str | None = Field(default=None, max_length=20_000)
    body_html: str | None = Field(default=None, max_length=5_000_000)
    category: str | None = Field(default=None, min_length=1, max_length=100)
    author: Author | None = None
    source: str | None = Field(default=None, max_length=2000)
    language: str | None = Field(default=None, max_length=20)
    tags: list[str] | None = Field(default=None, max_length=100)
    metadata: dict[str, Any] | None = None
    attachments: list[AttachmentIn] | None = Field(default=None, max_length=200)
    comment: str | None = Field(default=None, max_length=5000)  # goes into the audit entry


class Submission(SubmissionContent):
    """A submission as the server holds it now (``ETag`` = revision)."""

    id: int
    state: State
    revision: int
    unit: str
    client_uid: str = ""
    created_by: str
    claimed_by: str | None = None
    published_url: str | None = None
    published_at: datetime | None = None
    deadline: date | None = None
    last_comment: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    allowed_actions: list[Action] = Field(default_factory=list)  # for the caller, right now
    created_at: datetime
    updated_at: datetime


class SubmissionRevision(SubmissionContent):
    """One stored revision (``GET /submissions/{id}/revisions/{n}``), for history and diffs."""

    revision: int
    actor: str
    at: datetime
    attachments: list[Attachment] = Field(default_factory=list)


class RevisionInfo(WireModel):
    revision: int
    actor: str
    at: datetime
    title: str


class TransitionRequest(WireModel):
    """``POST /api/v1/submissions/{id}/transitions``.

    ``url`` and ``published_at`` go with ``publish``; ``reason`` is a short code from the list of
    common return reasons (free text in ``comment``); ``target`` chooses where ``return`` from
    awaiting_approval goes; ``takeover`` lets a secretary claim an item another one holds.
    """

    action: Action
    comment: str | None = Field(default=None, max_length=5000)
    url: str | None = Field(default=None, max_length=2000)
    reason: str | None = Field(default=None, max_length=200)
    target: ReturnTarget | None = None
    takeover: bool = False
    published_at: datetime | None = None


class AuditEntry(WireModel):
    id: int
    actor: str
    role: Role
    at: datetime
    action: str  # an Action, or create / edit / takeover
    from_state: State | None = None
    to_state: State | None = None
    comment: str | None = None
    revision: int
    url: str | None = None  # publish: the item's address on the portal (older servers: None)


class CommentCreate(WireModel):
    text: str = Field(min_length=1, max_length=20_000)
    anchor: str | None = Field(default=None, max_length=2000)  # a quoted passage, when on one


class Comment(WireModel):
    id: int
    author: str
    role: Role
    at: datetime
    text: str
    anchor: str | None = None
    revision: int


T = TypeVar("T")


class Page(WireModel, Generic[T]):
    """A page of a list; pass ``next_cursor`` back as ``cursor`` until it is null."""

    items: list[T]
    next_cursor: str | None = None
    total: int


class UploadInfo(WireModel):
    """``GET /api/v1/uploads/{id}``: a tus upload's progress and, once complete, its checksum.

    ``detected`` is the format the server found by content (a profile format id, ``asf`` for
    Windows Media, empty when unknown).
    """

    id: str
    filename: str = ""
    length: int
    offset: int
    complete: bool
    sha256: str | None = None
    detected: str | None = None
    expires_at: datetime | None = None


# --- users (admin) ----------------------------------------------------------------------------

class UserInfo(WireModel):
    username: str
    role: Role
    unit: str
    categories: list[str] = Field(default_factory=list)
    disabled: bool = False


# --- misc -------------------------------------------------------------------------------------

class FindingOut(WireModel):
    """A validation finding as :meth:`editor_app.validation.findings.Finding.to_json` writes it."""

    code: str
    severity: str
    message: str
    location: dict[str, Any] = Field(default_factory=dict)
    fixable: bool = False
    fix: str | None = None
    data: dict[str, Any] | None = None


class ErrorBody(WireModel):
    code: str
    message: str
    findings: list[FindingOut] | None = None
    current: Submission | None = None


class Health(WireModel):
    status: str = "ok"
    version: str = ""


# --- header helpers ---------------------------------------------------------------------------

def etag_for(revision: int) -> str:
    """The ``ETag`` header value of a revision."""
    return f'"{revision}"'


def parse_if_match(value: str | None) -> int | None:
    """The revision in an ``If-Match`` header (``3``, ``"3"`` or ``W/"3"``); None if unusable."""
    if not value:
        return None
    text = value.strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    return int(text) if text.isdigit() else None
