"""The board's side of the portal client: comments, revisions, reports, notifications, bulk work.

:class:`ReviewClient` is a :class:`~editor_app.sync.client.ReviewQueueClient` with the calls the
secretary's and the chief's screens need on top; it shares the session, the timeouts and the
typed errors (403 → ForbiddenError, 409 → ConflictError, 412 → StaleRevisionError), so the
server stays the authority and the UI only presents its answers. Plain blocking code for the
UI's network pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter

from editor_app.core import review_wire as rw
from editor_app.core import wire
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.errors import PortalError
from editor_app.sync.http import ConnectionOptions

_COMMENTS = TypeAdapter(list[wire.Comment])
_REVISIONS = TypeAdapter(list[wire.RevisionInfo])
_NOTES = TypeAdapter(list[rw.Notification])
_USERS = TypeAdapter(list[wire.UserInfo])


@dataclass(frozen=True)
class BulkResult:
    """One item of an "approve several" run: the new submission, or why the server refused."""

    submission_id: int
    submission: wire.Submission | None = None
    error: PortalError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class ReviewClient(ReviewQueueClient):
    """The review-queue client with the board's calls (see the module docstring)."""

    @classmethod
    def connect(cls, url: str, token: str | None = None) -> ReviewClient:
        return cls(ConnectionOptions(url), token=token)

    def me(self) -> wire.Me:
        return wire.Me.model_validate(self._call("GET", "/api/v1/me"))

    def units(self) -> list[dict[str, str]]:
        return list(self._call("GET", "/api/v1/units"))

    def users(self) -> list[wire.UserInfo]:
        """Accounts (administrators only: others get ForbiddenError)."""
        return _USERS.validate_python(self._call("GET", "/api/v1/users"))

    def comments(self, submission_id: int) -> list[wire.Comment]:
        path = f"/api/v1/submissions/{submission_id}/comments"
        return _COMMENTS.validate_python(self._call("GET", path))

    def add_comment(self, submission_id: int, text: str,
                    anchor: str | None = None) -> wire.Comment:
        body = wire.CommentCreate(text=text, anchor=anchor).model_dump(exclude_none=True)
        path = f"/api/v1/submissions/{submission_id}/comments"
        return wire.Comment.model_validate(self._call("POST", path, json=body))

    def revisions(self, submission_id: int) -> list[wire.RevisionInfo]:
        path = f"/api/v1/submissions/{submission_id}/revisions"
        return _REVISIONS.validate_python(self._call("GET", path))

    def revision(self, submission_id: int, revision: int) -> wire.SubmissionRevision:
        path = f"/api/v1/submissions/{submission_id}/revisions/{revision}"
        return wire.SubmissionRevision.model_validate(self._call("GET", path))

    def act(self, submission_id: int, action: wire.Action, **fields: Any) -> wire.Submission:
        """A transition by name: ``act(5, Action.RETURN, reason="source", comment="…")``."""
        return self.transition(submission_id, wire.TransitionRequest(action=action, **fields))

    def act_many(self, ids: Iterable[int], action: wire.Action,
                 progress: Callable[[int, int], None] | None = None,
                 **fields: Any) -> list[BulkResult]:
        """The same action on several items, one request each: the server decides each one.

        A refusal (403, 409) of one item never stops the others; the caller shows which failed.
        """
        chosen = list(ids)
        results = []
        for done, item_id in enumerate(chosen, 1):
            try:
                results.append(BulkResult(item_id, self.act(item_id, action, **fields)))
            except PortalError as exc:
                results.append(BulkResult(item_id, error=exc))
            if progress is not None:
                progress(done, len(chosen))
        return results

    def report_data(self, since: date, until: date) -> rw.ReportData:
        params = {"since": since.isoformat(), "until": until.isoformat()}
        return rw.ReportData.model_validate(self._call("GET", rw.REPORTS_PATH, params=params))

    def notifications(self, since: datetime | None = None) -> list[rw.Notification]:
        params = {"since": since.isoformat()} if since else {}
        return _NOTES.validate_python(self._call("GET", rw.NOTIFICATIONS_PATH, params=params))
