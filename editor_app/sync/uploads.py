"""Resumable uploads with the tus 1.0 core protocol, streamed from the blob store.

Why not tuspy: its uploader issues module-level ``requests`` calls, so it cannot use our session
(OS trust store, CA bundle, proxy), sets no timeouts, and cannot be cancelled mid-chunk. The core
protocol is three requests (POST to create, HEAD for the offset, PATCH to append), so it is done
here on :class:`~editor_app.sync.http.PortalSession`.

Memory stays bounded whatever the file size: each PATCH streams its chunk from the open file in
4 MiB blocks. A resumed upload always asks the server for its offset first, so bytes the server
already holds are never sent again. The caller persists the upload URL (``on_url``) before the
first byte goes out, and the offset after each chunk (``on_offset``), so a crash resumes too.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urljoin

import requests

from editor_app.core.errors import Cancelled
from editor_app.sync.errors import PortalError, ServerBusyError
from editor_app.sync.transport import raise_for_status, send

TUS_HEADERS = {"Tus-Resumable": "1.0.0"}
# Large on purpose: the service hashes a file on the fly only when one PATCH carries it from byte
# 0, and must re-read it from disk otherwise; a cut PATCH still keeps what arrived (the server's
# offset says how much), so a big chunk costs nothing on resume. Memory does not depend on it.
DEFAULT_CHUNK = 1024 * 1024 * 1024
READ_BLOCK = 4 * 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes the server holds or is receiving, total)


class UploadGoneError(PortalError):
    """The server no longer knows this upload (expired or removed): start a new one."""


@dataclass
class UploadJob:
    """One file to send: how to open it, its size, and the URL of an earlier attempt if any."""

    open: Callable[[], BinaryIO]
    size: int
    filename: str
    media_type: str = "application/octet-stream"
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


class _ChunkReader:
    """A read-only view of ``length`` bytes of ``source`` that reports progress and can stop.

    requests sends an object with ``read`` and ``__len__`` as a streamed body with a
    Content-Length, reading it block by block: nothing bigger than a block is ever in memory.
    """

    def __init__(self, source: BinaryIO, length: int, on_read: Callable[[int], None],
                 cancel: threading.Event | None) -> None:
        self._source = source
        self._left = length
        self._on_read = on_read
        self._cancel = cancel

    def __len__(self) -> int:
        return self._left

    def read(self, size: int = -1) -> bytes:
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled()
        wanted = self._left if size is None or size < 0 else min(size, self._left)
        data = self._source.read(min(wanted, READ_BLOCK))
        self._left -= len(data)
        if data:
            self._on_read(len(data))
        return data


class TusUploader:
    """Creates, resumes and finishes tus uploads at ``endpoint`` through ``session``."""

    def __init__(self, session: requests.Session, endpoint: str,
                 headers: Callable[[], dict[str, str]], timeout: tuple[float, float],
                 chunk_size: int = DEFAULT_CHUNK) -> None:
        self._session = session
        self._endpoint = endpoint
        self._headers = headers
        self._timeout = timeout
        self.chunk_size = chunk_size

    def _call(self, method: str, url: str, **kwargs: object) -> requests.Response:
        headers = {**self._headers(), **TUS_HEADERS, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return send(self._session, method, url, timeout=self._timeout, headers=headers, **kwargs)

    def create(self, job: UploadJob) -> str:
        """POST a new upload; returns its absolute URL."""
        meta = {"filename": job.filename, "filetype": job.media_type, **job.metadata}
        encoded = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items())
        response = self._call("POST", self._endpoint, headers={
            "Upload-Length": str(job.size), "Upload-Metadata": encoded})
        raise_for_status(response)
        location = response.headers.get("Location")
        if not location:
            raise PortalError("Cổng không trả về địa chỉ tải lên.",
                              "The portal returned no upload location.", response.status_code)
        return urljoin(self._endpoint, location)

    def offset(self, url: str) -> int:
        """How many bytes the server holds for ``url`` (HEAD)."""
        response = self._call("HEAD", url)
        if response.status_code in (404, 410):
            raise UploadGoneError("Phiên tải lên đã hết hạn, sẽ tải lại từ đầu.",
                                  "The upload expired; starting it again.", response.status_code)
        raise_for_status(response)
        return int(response.headers["Upload-Offset"])

    def upload(self, job: UploadJob, *, on_url: Callable[[str], None] | None = None,
               on_offset: Callable[[int], None] | None = None, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> str:
        """Send ``job`` to the end, resuming from the server's offset; returns the upload URL."""
        url, offset = self._resume_or_create(job, on_url)
        with job.open() as source:
            while offset < job.size:
                offset = self._send_chunk(url, source, offset, job.size, progress, cancel)
                if on_offset is not None:
                    on_offset(offset)
        if progress is not None:
            progress(job.size, job.size)
        return url

    def _resume_or_create(self, job: UploadJob,
                          on_url: Callable[[str], None] | None) -> tuple[str, int]:
        if job.url:
            try:
                return job.url, self.offset(job.url)
            except UploadGoneError:
                pass
        url = self.create(job)
        if on_url is not None:
            on_url(url)  # persisted before any byte is sent, so a crash resumes this upload
        job.url = url
        return url, 0

    def _send_chunk(self, url: str, source: BinaryIO, offset: int, size: int,
                    progress: Progress | None, cancel: threading.Event | None) -> int:
        length = min(self.chunk_size, size - offset)
        source.seek(offset)
        sent = [offset]

        def on_read(count: int) -> None:
            sent[0] += count
            if progress is not None:
                progress(sent[0], size)

        body = _ChunkReader(source, length, on_read, cancel)
        response = self._call("PATCH", url, data=body, headers={
            "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
            "Content-Length": str(length)})
        if response.status_code == 409:  # wrong offset, or another request holds the upload
            actual = self.offset(url)
            if actual == offset:
                raise ServerBusyError(409)  # busy (e.g. a killed attempt's lease): retry later
            return actual
        raise_for_status(response)
        return int(response.headers["Upload-Offset"])


def stored_location(url: str, base_url: str) -> str:
    """How an upload's URL is kept in the outbox: relative to the portal when it is on it.

    The portal's address may change under a waiting upload (the demo portal on a new port, a
    portal moved to https), and the upload must still resume: so only the path is stored.
    """
    root = base_url.rstrip("/")
    return url[len(root):] if url.startswith(root + "/") else url


def absolute_location(stored: str | None, base_url: str) -> str | None:
    """The URL to resume an upload kept by :func:`stored_location` (absolute ones as they are)."""
    if not stored:
        return None
    return base_url.rstrip("/") + stored if stored.startswith("/") else stored


def upload_id(url: str) -> str:
    """The upload's id as the submissions API wants it: the last segment of its URL."""
    return url.rstrip("/").rsplit("/", 1)[-1]
