"""Receiving one tus PATCH body: streamed to the file store, durable progress, checksum, completion.

Runs on the event loop but does every blocking step (disk writes, fsync, database) in the thread
pool, in 1 MB batches, so one upload never stalls the others and memory stays bounded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from contextlib import AbstractContextManager

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from review_queue import models, tus
from review_queue.content import detect
from review_queue.deps import Services
from review_queue.errors import ApiError
from review_queue.filestore import ByteSink
from review_queue.models import utcnow

log = logging.getLogger("review_queue.uploads")

BATCH = 1024 * 1024
PROGRESS_EVERY = 16 * 1024 * 1024
PROGRESS_SECONDS = 2.0
HASH_BLOCK = 4 * 1024 * 1024


class Receiver:
    """State of one PATCH; :meth:`run` raises ApiError for 413/460 after undoing its bytes."""

    def __init__(self, svc: Services, upload: models.Upload, checksum: tus.Checksum | None):
        self.svc, self.upload, self.checksum = svc, upload, checksum
        self.start = upload.offset
        self.written = 0
        self.durable = upload.offset
        self.buffer = bytearray()
        self.check_hash = checksum.hasher() if checksum else None
        # Hash the whole file on the fly when this PATCH starts at 0 (the common single-PATCH case).
        self.file_hash = hashlib.sha256() if self.start == 0 else None
        self._cm: AbstractContextManager[ByteSink] | None = None
        self._sink: ByteSink | None = None
        self._last_progress = time.monotonic()

    @property
    def remaining(self) -> int:
        return self.upload.length - self.start - self.written - len(self.buffer)

    async def run(self, request: Request) -> None:
        await run_in_threadpool(self._open)
        problem: ApiError | None = None
        try:
            problem = await self._receive(request)
            await run_in_threadpool(self._flush, True)
            if problem is None and self.checksum is not None:
                problem = self._verify_checksum()
        finally:
            await run_in_threadpool(self._close, problem is not None)
        if problem is not None:
            raise problem
        if self.durable == self.upload.length:
            await run_in_threadpool(self._complete)

    async def _receive(self, request: Request) -> ApiError | None:
        try:
            async for chunk in request.stream():
                if len(chunk) > self.remaining:
                    return ApiError(413, "exceeds-length", "the body goes past Upload-Length")
                self.buffer += chunk
                if len(self.buffer) >= BATCH:
                    await run_in_threadpool(self._flush, False)
        except ClientDisconnect:
            log.info("upload %s: client went away at %s bytes", self.upload.id,
                     self.start + self.written + len(self.buffer))
        return None

    def _open(self) -> None:
        self._cm = self.svc.store.writer(self.upload.id, self.start)
        self._sink = self._cm.__enter__()

    def _flush(self, final: bool) -> None:
        """Write the batch; without a checksum, record durable progress now and then."""
        if self.buffer and self._sink is not None:
            data = bytes(self.buffer)
            self.buffer.clear()
            self._sink.write(data)
            self.written += len(data)
            for hasher in (self.check_hash, self.file_hash):
                if hasher is not None:
                    hasher.update(data)
        due = (self.written - (self.durable - self.start) >= PROGRESS_EVERY
               or time.monotonic() - self._last_progress > PROGRESS_SECONDS)
        if self.checksum is None and not final and due:
            self._sync_progress(release=False)

    def _sync_progress(self, *, release: bool) -> None:
        flush = getattr(self._sink, "flush", None)
        if flush is not None:
            flush()
            fileno = getattr(self._sink, "fileno", None)
            if fileno is not None:
                os.fsync(fileno())
        self.durable = self.start + self.written
        self._last_progress = time.monotonic()
        with self.svc.sessions() as db:
            tus.record_progress(db, self.upload.id, self.durable, release=release)

    def _verify_checksum(self) -> ApiError | None:
        assert self.checksum is not None and self.check_hash is not None
        if self.check_hash.digest() == self.checksum.expected:
            return None
        return ApiError(460, "checksum-mismatch", "the body does not match Upload-Checksum")

    def _close(self, discard: bool) -> None:
        """Make the kept bytes durable and close; a refused PATCH leaves the offset as it was."""
        try:
            if not discard:
                self._sync_progress(release=True)
        finally:
            if self._cm is not None:
                self._cm.__exit__(None, None, None)
        if discard:
            self.written, self.file_hash = 0, None
            with self.svc.sessions() as db:
                tus.record_progress(db, self.upload.id, self.start, release=True)
            self.durable = self.start
        self.upload.offset = self.durable

    def _complete(self) -> None:
        """Hash and identify the finished file, then mark it complete."""
        digest = self.file_hash.hexdigest() if self.file_hash else self._hash_stored()
        with self.svc.store.open_read(self.upload.id) as handle:
            kind = detect(handle)
        with self.svc.sessions() as db:
            row = db.get(models.Upload, self.upload.id)
            assert row is not None
            row.sha256, row.detected, row.completed_at = digest, kind, utcnow()
            db.commit()
            db.refresh(row)
            db.expunge(row)
        self.upload = row
        log.info("upload %s complete: %s bytes, %s", row.id, row.length, kind or "unknown format")

    def _hash_stored(self) -> str:
        hasher = hashlib.sha256()
        with self.svc.store.open_read(self.upload.id) as handle:
            while block := handle.read(HASH_BLOCK):
                hasher.update(block)
        return hasher.hexdigest()
