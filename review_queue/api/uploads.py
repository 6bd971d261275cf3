"""tus 1.0 uploads under /api/v1/uploads/: creation, offset, resumable PATCH, termination.

PATCH bodies are streamed to the file store in 1 MB writes off the event loop, never held whole
in memory; progress is made durable (fsync, then the offset in the database) every few megabytes,
so an upload cut off by a dropped connection or a crashed instance resumes from what was really
stored. A PATCH carrying ``Upload-Checksum`` is all or nothing: on a mismatch its bytes are
dropped and the answer is 460. On completion the server hashes the file (SHA-256) and judges its
format by content.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime
from email.utils import format_datetime
from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core import wire
from review_queue import models, security, tus
from review_queue.api.common import errors
from review_queue.api.upload_stream import Receiver
from review_queue.deps import DB, CurrentUser, Services, Svc, bearer_token, services
from review_queue.errors import ApiError, not_found, unauthorized
from review_queue.models import utcnow

router = APIRouter(prefix=f"{wire.API_PREFIX}/uploads", tags=["uploads"])
Hdr = Annotated[str | None, Header()]
LEASE_WAIT_S = 5.0


def _tus_headers(upload: models.Upload | None = None) -> dict[str, str]:
    headers = {"Tus-Resumable": wire.TUS_VERSION, "Cache-Control": "no-store"}
    if upload is not None:
        headers["Upload-Offset"] = str(upload.offset)
        headers["Upload-Length"] = str(upload.length)
        headers["Upload-Expires"] = _http_date(upload.expires_at)
    return headers


def _http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


@router.options("/", status_code=204, responses={204: {"description": "tus capabilities"}})
def capabilities(svc: Svc) -> Response:
    """What this tus server supports (no auth, as the protocol's discovery step)."""
    return Response(status_code=204, headers={
        "Tus-Resumable": wire.TUS_VERSION, "Tus-Version": wire.TUS_VERSION,
        "Tus-Extension": tus.EXTENSIONS, "Tus-Max-Size": str(svc.settings.max_upload_bytes),
        "Tus-Checksum-Algorithm": ",".join(tus.CHECKSUMS),
    })


@router.post("/", status_code=201, responses={201: {"description": "created; see Location"},
                                              **errors(400, 401, 412, 413)})
def create(db: DB, svc: Svc, user: CurrentUser, tus_resumable: Hdr = None,
           upload_length: Hdr = None, upload_metadata: Hdr = None) -> Response:
    tus.check_version(tus_resumable)
    length = _length(upload_length, svc.settings.max_upload_bytes)
    meta = tus.parse_metadata(upload_metadata)
    upload = models.Upload(
        id=uuid.uuid4().hex, owner_id=user.id, length=length, offset=0,
        filename=(meta.get("filename") or meta.get("name") or "")[:255],
        filetype=(meta.get("filetype") or meta.get("type") or "")[:200],
        expires_at=utcnow() + svc.settings.upload_ttl,
    )
    svc.store.create(upload.id)
    db.add(upload)
    db.commit()
    headers = _tus_headers(upload)
    headers["Location"] = f"{wire.UPLOADS_PATH}{upload.id}"
    return Response(status_code=201, headers=headers)


def _length(value: str | None, maximum: int) -> int:
    if value is None or not value.isdigit():
        raise ApiError(400, "upload-length", "Upload-Length (a byte count) is required; "
                       "deferred lengths are not supported")
    if int(value) > maximum:
        raise ApiError(413, "too-large", f"uploads are limited to {maximum} bytes",
                       headers={"Tus-Max-Size": str(maximum)})
    return int(value)


def _owned(db: Session, upload_id: str, user: models.User) -> models.Upload:
    upload = db.get(models.Upload, upload_id)
    if upload is None or upload.owner_id != user.id:
        raise not_found("upload")  # another account's upload is not even confirmed to exist
    return upload


@router.head("/{upload_id}", status_code=200, responses=errors(401, 404))
def offset(upload_id: str, db: DB, user: CurrentUser, tus_resumable: Hdr = None) -> Response:
    """Where to resume: ``Upload-Offset`` is what the server holds durably."""
    tus.check_version(tus_resumable)
    upload = _owned(db, upload_id, user)
    headers = _tus_headers(upload)
    meta = tus.encode_metadata({"filename": upload.filename, "filetype": upload.filetype})
    if meta:
        headers["Upload-Metadata"] = meta
    return Response(status_code=200, headers=headers)


@router.get("/{upload_id}", response_model=wire.UploadInfo, responses=errors(401, 404))
def info(upload_id: str, db: DB, user: CurrentUser) -> wire.UploadInfo:
    """Progress and, once complete, the SHA-256 and detected format of an upload."""
    upload = _owned(db, upload_id, user)
    done = upload.completed_at is not None
    return wire.UploadInfo(id=upload.id, filename=upload.filename, length=upload.length,
                           offset=upload.offset, complete=done,
                           sha256=upload.sha256 if done else None,
                           detected=upload.detected if done else None,
                           expires_at=upload.expires_at)


@router.delete("/{upload_id}", status_code=204, responses=errors(401, 404, 409))
def terminate(upload_id: str, db: DB, svc: Svc, user: CurrentUser,
              tus_resumable: Hdr = None) -> Response:
    """tus termination; an upload already attached to a submission stays."""
    tus.check_version(tus_resumable)
    upload = _owned(db, upload_id, user)
    used = db.scalar(select(models.Attachment.id).where(models.Attachment.upload_id == upload.id))
    if used is not None:
        raise ApiError(409, "upload-in-use", "this upload is attached to a submission")
    db.delete(upload)
    db.commit()
    svc.store.delete(upload_id)
    return Response(status_code=204, headers=_tus_headers())


_PATCH_BODY = {"requestBody": {"content": {tus.OFFSET_TYPE: {"schema": {
    "type": "string", "format": "binary"}}}}}


@router.patch("/{upload_id}", status_code=204, openapi_extra=_PATCH_BODY,
              responses={204: {"description": "bytes stored; see Upload-Offset"},
                         460: {"description": "checksum mismatch"},
                         **errors(400, 401, 404, 409, 412, 413)})
async def append(upload_id: str, request: Request, tus_resumable: Hdr = None,
                 upload_offset: Hdr = None, upload_checksum: Hdr = None) -> Response:
    """Append the body at ``Upload-Offset`` (which must be the server's offset, else 409)."""
    svc = services(request)
    tus.check_version(tus_resumable)
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if content_type != tus.OFFSET_TYPE:
        raise ApiError(415, "content-type", f"PATCH bodies must be {tus.OFFSET_TYPE}")
    if upload_offset is None or not upload_offset.isdigit():
        raise ApiError(400, "upload-offset", "Upload-Offset (a byte count) is required")
    checksum = tus.Checksum.parse(upload_checksum)
    token = bearer_token(request)
    upload = await run_in_threadpool(_begin, svc, token, upload_id, int(upload_offset))
    if upload.completed_at is not None:
        return Response(status_code=204, headers=_tus_headers(upload))
    receiver = Receiver(svc, upload, checksum)
    await receiver.run(request)
    return Response(status_code=204, headers=_tus_headers(receiver.upload))


def _begin(svc: Services, token: str | None, upload_id: str, at: int) -> models.Upload:
    """Authorise, check the offset, and take the upload's lease (waiting a little for it)."""
    with svc.sessions() as db:
        user = security.user_for_token(db, token) if token else None
        if user is None:
            raise unauthorized()
        deadline = time.monotonic() + LEASE_WAIT_S
        while True:
            upload = _owned(db, upload_id, user)
            _check_offset(upload, at)
            if upload.completed_at is not None or tus.take_lease(db, upload, at):
                db.expunge(upload)
                return upload
            if time.monotonic() > deadline:
                raise ApiError(409, "upload-busy", "another request is writing this upload",
                               headers=_tus_headers(upload))
            db.expire_all()
            time.sleep(0.1)


def _check_offset(upload: models.Upload, at: int) -> None:
    if upload.completed_at is None and upload.expires_at < utcnow():
        raise ApiError(410, "upload-expired", "this upload expired; start a new one")
    if upload.offset != at:
        raise ApiError(409, "offset-mismatch", f"the server holds {upload.offset} bytes",
                       headers=_tus_headers(upload))

