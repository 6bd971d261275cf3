"""Two instances over one database and file store behave as one service (nothing in-process)."""

from __future__ import annotations

import hashlib
import os

import httpx
from queue_support import PASSWORD, draft

from review_queue.settings import Settings
from review_queue.testing import serve_in_thread

TUS = {"Tus-Resumable": "1.0.0"}


def test_token_upload_and_submission_move_between_instances(settings: Settings) -> None:
    with serve_in_thread(settings) as first_url, serve_in_thread(settings) as second_url, \
            httpx.Client(base_url=first_url, timeout=30) as first, \
            httpx.Client(base_url=second_url, timeout=30) as second:
        token = first.post("/api/v1/auth/login", json={"username": "collab",
                                                       "password": PASSWORD}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert second.get("/api/v1/me", headers=auth).status_code == 200
        data = os.urandom(100_000)
        location = first.post("/api/v1/uploads/", headers={
            **auth, **TUS, "Upload-Length": str(len(data))}).headers["location"]
        patch = {**auth, **TUS, "Content-Type": "application/offset+octet-stream"}
        assert first.patch(location, content=data[:40_000],
                           headers={**patch, "Upload-Offset": "0"}).status_code == 204
        offset = int(second.head(location, headers={**auth, **TUS}).headers["upload-offset"])
        assert offset == 40_000
        assert second.patch(location, content=data[offset:],
                            headers={**patch, "Upload-Offset": str(offset)}).status_code == 204
        upload_id = location.rsplit("/", 1)[1]
        body = draft(attachments=[{"upload_id": upload_id, "filename": "ghi-chu.txt"}])
        # Random bytes (NULs within the first kilobytes) named .txt: refused by content.
        refused = first.post("/api/v1/submissions", json=body,
                             headers={**auth, "Idempotency-Key": "two-instances-1"})
        assert refused.status_code == 422
        body["attachments"] = []
        made = first.post("/api/v1/submissions", json=body,
                          headers={**auth, "Idempotency-Key": "two-instances-2"})
        again = second.post("/api/v1/submissions", json=body,
                            headers={**auth, "Idempotency-Key": "two-instances-2"})
        assert made.status_code == 201 and again.json()["id"] == made.json()["id"]
        info = second.get(location, headers=auth).json()
        assert info["sha256"] == hashlib.sha256(data).hexdigest()
