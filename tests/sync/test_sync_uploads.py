"""The tus client against the real service: resume from the server's offset, cancel, expiry."""

from __future__ import annotations

import hashlib
import io
import threading

import pytest

from editor_app.core.errors import Cancelled
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.uploads import UploadJob, upload_id

pytestmark = pytest.mark.e2e

DATA = hashlib.sha256(b"seed").digest() * 40_000  # 1.28 MB of non-repeating-looking bytes


def _job(url: str | None = None) -> UploadJob:
    return UploadJob(open=lambda: io.BytesIO(DATA), size=len(DATA), filename="video.mp4",
                     media_type="video/mp4", url=url)


def _small_chunks(portal_url: str, token: str) -> ReviewQueueClient:
    return ReviewQueueClient(ConnectionOptions(portal_url), token=token, chunk_size=256 * 1024)


def test_cancelled_upload_resumes_from_the_server_offset(portal, collaborator_token) -> None:
    client = _small_chunks(portal.url, collaborator_token)
    cancel = threading.Event()
    saved: dict[str, object] = {}

    def progress(sent: int, _total: int) -> None:
        if sent > 600_000:
            cancel.set()  # the user pressed Pause, or the app is quitting

    job = _job()
    with pytest.raises(Cancelled):
        client.upload(job, on_url=lambda url: saved.update(url=url),
                      on_offset=lambda offset: saved.update(offset=offset), progress=progress,
                      cancel=cancel)
    held = client.uploader.offset(str(saved["url"]))
    assert held >= saved["offset"] == 512 * 1024  # two whole chunks were acknowledged

    starts: list[int] = []
    resumed = client.upload(_job(str(saved["url"])),
                            progress=lambda sent, _t: starts.append(sent) if not starts else None)
    assert resumed == upload_id(str(saved["url"]))  # the same upload, finished
    assert starts[0] > held  # the first bytes sent were past what the server held
    info = client._call("GET", f"/api/v1/uploads/{resumed}")
    assert (info["complete"], info["sha256"]) == (True, hashlib.sha256(DATA).hexdigest())


def test_an_upload_the_server_forgot_starts_again(portal, collaborator_token) -> None:
    client = _small_chunks(portal.url, collaborator_token)
    gone = portal.url + "/api/v1/uploads/0123456789abcdef0123456789abcdef"
    finished = client.upload(_job(gone))
    assert finished != upload_id(gone)
    info = client._call("GET", f"/api/v1/uploads/{finished}")
    assert info["complete"] and info["length"] == len(DATA)
