"""Helpers shared by the sync tests (imported by name: tests/sync is on sys.path)."""

from __future__ import annotations

from editor_app.core.articles import Article, AttachmentRef
from editor_app.store import Store


def make_article(store: Store, title: str = "Hội nghị tổng kết công tác năm 2025",
                 files: dict[str, bytes] | None = None) -> Article:
    """A stored draft whose attachments are real blobs in the store."""
    refs = []
    for name, data in (files or {}).items():
        sha, size = store.blobs.put_bytes(data)
        refs.append(AttachmentRef(sha256=sha, filename=name, size=size,
                                  media_type="image/jpeg" if name.endswith(".jpg") else
                                  "application/pdf", caption=f"Ảnh {name}"))
    article = Article(title=title, summary="Sáng nay, UBND tỉnh tổ chức hội nghị.",
                      body_html="<p>Nội dung bài viết.</p>", category="news",
                      pen_name="Minh Anh", real_name="Nguyễn Minh Anh",
                      source="Văn phòng UBND tỉnh", attachments=refs)
    return store.drafts.create(article)
