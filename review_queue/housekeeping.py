"""Periodic cleanup: incomplete uploads past their ``Upload-Expires`` go, with their bytes.

Run by ``review-queue cleanup`` (e.g. daily from cron or a systemd timer); safe to run on several
instances at once, since an upload attached to a submission is never removed and a row is
deleted before its file.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_queue.filestore import FileStore
from review_queue.models import Attachment, Upload, utcnow


def expire_uploads(db: Session, store: FileStore) -> int:
    """Delete expired, unfinished, unattached uploads; returns how many went."""
    attached = select(Attachment.upload_id)
    expired = db.scalars(select(Upload).where(
        Upload.completed_at.is_(None), Upload.expires_at < utcnow(),
        Upload.id.not_in(attached))).all()
    keys = [upload.id for upload in expired]
    for upload in expired:
        db.delete(upload)
    db.commit()
    for key in keys:
        store.delete(key)
    return len(keys)
