"""The pieces of tus 1.0 that the upload endpoints share: headers, metadata, checksums, leases.

Why not a tus server library: the maintained FastAPI one (tuspyserver) keeps upload state in
side files and takes file locks inside the event loop, has no checksum extension, and cannot tie
an upload to the account that created it. This service needs upload state in its database
(several instances, one truth), ownership checks on every request, and the checksum extension,
so it implements the core protocol plus creation, termination, checksum and expiration itself.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from editor_app.core.wire import TUS_VERSION
from review_queue.errors import ApiError
from review_queue.models import Upload, utcnow

EXTENSIONS = "creation,termination,checksum,expiration"
CHECKSUMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "md5": hashlib.md5}
OFFSET_TYPE = "application/offset+octet-stream"
LEASE = timedelta(seconds=120)


def check_version(value: str | None) -> None:
    if value != TUS_VERSION:
        raise ApiError(412, "tus-version", f"Tus-Resumable must be {TUS_VERSION}",
                       headers={"Tus-Version": TUS_VERSION})


def parse_metadata(header: str | None) -> dict[str, str]:
    """``Upload-Metadata``: comma-separated ``key base64value`` pairs (value optional)."""
    result: dict[str, str] = {}
    for pair in (header or "").split(","):
        if not pair.strip():
            continue
        key, _, value = pair.strip().partition(" ")
        try:
            result[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(400, "bad-metadata", f"Upload-Metadata value of {key!r} is not "
                           "base64 UTF-8") from None
    return result


def encode_metadata(values: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items() if v)


@dataclass
class Checksum:
    """The ``Upload-Checksum`` a PATCH announced, checked against the bytes it carried."""

    algorithm: str
    expected: bytes

    @classmethod
    def parse(cls, header: str | None) -> Checksum | None:
        if not header:
            return None
        name, _, value = header.strip().partition(" ")
        if name.lower() not in CHECKSUMS:
            raise ApiError(400, "checksum-algorithm", f"unsupported checksum {name!r}; use one "
                           f"of {', '.join(CHECKSUMS)}")
        try:
            return cls(name.lower(), base64.b64decode(value, validate=True))
        except binascii.Error:
            raise ApiError(400, "bad-checksum", "Upload-Checksum value is not base64") from None

    def hasher(self) -> hashlib._Hash:
        return CHECKSUMS[self.algorithm]()


def take_lease(db: Session, upload: Upload, offset: int) -> bool:
    """Atomically mark the upload busy for this PATCH, if it is at ``offset`` and not busy.

    A compare-and-set in the database, so two PATCHes to one upload never interleave, whichever
    instances they reach; a lease outlives a crashed instance only by :data:`LEASE`.
    """
    now = utcnow()
    result = db.execute(
        update(Upload)
        .where(Upload.id == upload.id, Upload.offset == offset,
               or_(Upload.busy_until.is_(None), Upload.busy_until < now))
        .values(busy_until=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    db.commit()
    return bool(getattr(result, "rowcount", 0))


def record_progress(db: Session, upload_id: str, offset: int, *, release: bool) -> None:
    """Durable progress: called only after the bytes up to ``offset`` were flushed to disk."""
    values: dict[str, object] = {"offset": offset}
    values["busy_until"] = None if release else utcnow() + LEASE
    db.execute(update(Upload).where(Upload.id == upload_id).values(**values)
               .execution_options(synchronize_session=False))
    db.commit()
