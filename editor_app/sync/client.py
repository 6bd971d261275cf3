"""The portal client: the adapter seam and its review-queue implementation.

The sync engine and the UI only know :class:`PortalAdapter`. :class:`ReviewQueueClient` speaks our
review-queue service's ``/api/v1`` (wire models from :mod:`editor_app.core.wire`); another back-end
(a WordPress REST API, a NukeViet portal) would be another class with the same methods, mapping its
own replies onto the same wire models, without touching the UI or the engine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from pydantic import TypeAdapter

from editor_app.core import wire
from editor_app.sync.errors import AuthExpiredError
from editor_app.sync.http import ConnectionOptions, PortalSession, build_session
from editor_app.sync.transport import raise_for_status, send
from editor_app.sync.uploads import DEFAULT_CHUNK, Progress, TusUploader, UploadJob, upload_id


class PortalAdapter(Protocol):
    """What the app needs from a portal back-end."""

    base_url: str

    @property
    def token(self) -> str | None: ...
    def set_token(self, token: str | None) -> None: ...
    def health(self) -> wire.Health: ...
    def login(self, username: str, password: str) -> wire.LoginResponse: ...
    def profile(self) -> dict[str, Any]: ...

    def upload(self, job: UploadJob, *, on_url: Callable[[str], None] | None = None,
               on_offset: Callable[[int], None] | None = None,
               progress: Progress | None = None,
               cancel: threading.Event | None = None) -> str:
        """Send a file resumably; returns the id the submission's attachments refer to."""
        ...

    def create_submission(self, body: wire.SubmissionCreate, key: str) -> wire.Submission: ...
    def get_submission(self, submission_id: int) -> wire.Submission: ...
    def list_submissions(self, **filters: Any) -> Iterator[wire.Submission]: ...
    def patch_submission(self, submission_id: int, patch: wire.SubmissionPatch,
                         revision: int) -> wire.Submission: ...
    def transition(self, submission_id: int,
                   request: wire.TransitionRequest) -> wire.Submission: ...
    def audit(self, submission_id: int) -> list[wire.AuditEntry]: ...
    def comments(self, submission_id: int) -> list[wire.Comment]: ...


_AUDIT = TypeAdapter(list[wire.AuditEntry])
_COMMENTS = TypeAdapter(list[wire.Comment])
_PAGE = TypeAdapter(wire.Page[wire.Submission])


class ReviewQueueClient:
    """:class:`PortalAdapter` for the review-queue service (``review_queue``)."""

    def __init__(self, options: ConnectionOptions, token: str | None = None,
                 session: PortalSession | None = None, chunk_size: int = DEFAULT_CHUNK) -> None:
        self.options = options
        self.base_url = options.root
        self.session = session or build_session(options)
        self._token = token
        # Set by editor_app.sync.account.PortalLogin: renews a refused token (saved password).
        self.renew_login: Callable[[str | None], bool] | None = None
        self.uploader = TusUploader(self.session, self.url(wire.UPLOADS_PATH), self._auth,
                                    options.timeout, chunk_size)

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def token(self) -> str | None:
        return self._token

    def set_token(self, token: str | None) -> None:
        self._token = token

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"} if self._token else {}

    def _call(self, method: str, path: str, *, auth: bool = True,
              headers: dict[str, str] | None = None, **kwargs: Any) -> Any:
        """One call; a refused token is renewed once through ``renew_login`` when set."""
        stale = self._token
        try:
            return self._call_once(method, path, auth=auth, headers=headers, **kwargs)
        except AuthExpiredError:
            if not auth or self.renew_login is None or not self.renew_login(stale):
                raise
        return self._call_once(method, path, auth=auth, headers=headers, **kwargs)

    def _call_once(self, method: str, path: str, *, auth: bool,
                   headers: dict[str, str] | None, **kwargs: Any) -> Any:
        if auth and not self._token:
            raise AuthExpiredError("Cần đăng nhập vào cổng.", "Please log in to the portal.")
        all_headers = {**(self._auth() if auth else {}), **(headers or {})}
        response = send(self.session, method, self.url(path), timeout=self.options.timeout,
                        headers=all_headers, **kwargs)
        raise_for_status(response)
        return response.json() if response.content else None

    def health(self) -> wire.Health:
        return wire.Health.model_validate(self._call("GET", "/api/v1/health", auth=False))

    def login(self, username: str, password: str) -> wire.LoginResponse:
        body = wire.LoginRequest(username=username, password=password).model_dump()
        reply = wire.LoginResponse.model_validate(
            self._call("POST", "/api/v1/auth/login", auth=False, json=body))
        self._token = reply.token
        return reply

    def profile(self) -> dict[str, Any]:
        return dict(self._call("GET", "/api/v1/profile"))

    def upload(self, job: UploadJob, *, on_url: Callable[[str], None] | None = None,
               on_offset: Callable[[int], None] | None = None,
               progress: Progress | None = None,
               cancel: threading.Event | None = None) -> str:
        url = self.uploader.upload(job, on_url=on_url, on_offset=on_offset, progress=progress,
                                   cancel=cancel)
        return upload_id(url)

    def create_submission(self, body: wire.SubmissionCreate, key: str) -> wire.Submission:
        data = self._call("POST", "/api/v1/submissions", json=body.model_dump(mode="json"),
                          headers={wire.IDEMPOTENCY_HEADER: key})
        return wire.Submission.model_validate(data)

    def get_submission(self, submission_id: int) -> wire.Submission:
        return wire.Submission.model_validate(
            self._call("GET", f"/api/v1/submissions/{submission_id}"))

    def list_submissions(self, **filters: Any) -> Iterator[wire.Submission]:
        """Every matching submission, following ``next_cursor`` page by page."""
        params = {k: v for k, v in filters.items() if v is not None}
        while True:
            page = _PAGE.validate_python(self._call("GET", "/api/v1/submissions", params=params))
            yield from page.items
            if not page.next_cursor:
                return
            params["cursor"] = page.next_cursor

    def patch_submission(self, submission_id: int, patch: wire.SubmissionPatch,
                         revision: int) -> wire.Submission:
        data = self._call("PATCH", f"/api/v1/submissions/{submission_id}",
                          json=patch.model_dump(mode="json", exclude_none=True),
                          headers={"If-Match": wire.etag_for(revision)})
        return wire.Submission.model_validate(data)

    def transition(self, submission_id: int,
                   request: wire.TransitionRequest) -> wire.Submission:
        data = self._call("POST", f"/api/v1/submissions/{submission_id}/transitions",
                          json=request.model_dump(mode="json", exclude_none=True))
        return wire.Submission.model_validate(data)

    def audit(self, submission_id: int) -> list[wire.AuditEntry]:
        path = f"/api/v1/submissions/{submission_id}/audit"
        return _AUDIT.validate_python(self._call("GET", path))

    def comments(self, submission_id: int) -> list[wire.Comment]:
        path = f"/api/v1/submissions/{submission_id}/comments"
        return _COMMENTS.validate_python(self._call("GET", path))
