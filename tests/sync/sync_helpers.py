"""Helpers shared by the sync tests (imported by name: tests/sync is on sys.path)."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter

from editor_app.core.articles import Article, AttachmentRef
from editor_app.store import Store
from editor_app.store.outbox import SqlOutboxRepository, StoreArticles
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.retry import ManualClock, RetryPolicy
from editor_app.sync.service import SyncService

TITLE = "Hội nghị tổng kết công tác năm 2025"


def jpeg_bytes(seed: int = 0, width: int = 64, height: int = 48) -> bytes:
    """A real JPEG; noise makes it big and unique per seed."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_article(store: Store, title: str = TITLE,
                 files: dict[str, bytes] | None = None) -> Article:
    """A stored draft whose attachments are real blobs in the store."""
    refs = []
    for name, data in (files or {}).items():
        sha, size = store.blobs.put_bytes(data)
        refs.append(AttachmentRef(sha256=sha, filename=name, size=size,
                                  media_type="image/jpeg" if name.endswith(".jpg") else
                                  "application/pdf", caption=f"Ảnh {name}"))
    article = Article(title=title, summary="Sáng nay, UBND tỉnh tổ chức hội nghị tổng kết.",
                      body_html="<p>Nội dung bài viết về hội nghị tổng kết.</p>",
                      category="news", pen_name="Minh Anh", real_name="Nguyễn Minh Anh",
                      source="Văn phòng UBND tỉnh", attachments=refs)
    return store.drafts.create(article)


def make_service(store: Store, url: str, token: str | None, clock: ManualClock, *,
                 chunk_size: int = 64 * 1024, read_timeout: float = 30.0,
                 profile_folder: Path | None = None, max_attempts: int = 8,
                 credentials: CredentialStore | None = None) -> SyncService:
    """The sync layer as the app assembles it, on a manual clock."""
    client = ReviewQueueClient(ConnectionOptions(url, read_timeout=read_timeout),
                               token=token, chunk_size=chunk_size)
    return SyncService(client, "collaborator", SqlOutboxRepository(store.engine), store.blobs,
                       articles=StoreArticles(store.drafts), profile_folder=profile_folder,
                       credentials=credentials or CredentialStore(), clock=clock,
                       policy=RetryPolicy(max_attempts=max_attempts,
                                          rng=random.Random(7)))
