"""Blob store and attachments: copied in at once, stored once, freed when nothing uses them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from editor_app.core.articles import Article
from editor_app.store import Store
from editor_app.store.blobs import BlobStore
from editor_app.store.repository import DraftRepository
from tests.store.conftest import FakeClock


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_put_file_streams_with_progress_and_dedups(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    data = bytes(range(256)) * 10_000                       # 2.5 MB: several chunks
    seen: list[tuple[int, int]] = []
    sha, size = blobs.put_file(_file(tmp_path, "a.bin", data), lambda d, t: seen.append((d, t)))
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert seen[-1] == (len(data), len(data)) and len(seen) >= 3
    assert blobs.path(sha) == tmp_path / "blobs" / sha[:2] / sha[2:]
    assert blobs.put_bytes(data) == (sha, size)
    assert blobs.all_shas() == {sha}
    with blobs.open(sha) as handle:
        assert handle.read() == data
    assert list((tmp_path / "blobs" / "tmp").iterdir()) == []


def test_path_rejects_non_digests(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    with pytest.raises(ValueError):
        blobs.path("../../etc/passwd")
    assert not blobs.exists("zz")


def test_gc_removes_only_unreferenced(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    keep, _ = blobs.put_bytes(b"keep")
    drop, _ = blobs.put_bytes(b"drop")
    assert blobs.gc({keep}, min_age_seconds=3600) == 0      # too fresh to collect
    assert blobs.gc({keep}) == 1
    assert blobs.exists(keep) and not blobs.exists(drop)


def test_attachment_survives_the_original_vanishing(
    store: Store, drafts: DraftRepository, tmp_path: Path
) -> None:
    article = drafts.create(Article(title="Ảnh"))
    original = _file(tmp_path, "ảnh hội nghị.jpg", b"\xff\xd8jpeg bytes")
    ref = drafts.add_attachment(article.id or 0, original, caption="Toàn cảnh hội nghị")
    original.unlink()
    stored = drafts.get(article.id or 0).attachments
    assert [(a.filename, a.caption, a.media_type) for a in stored] == [
        ("ảnh hội nghị.jpg", "Toàn cảnh hội nghị", "image/jpeg")]
    assert store.blobs.path(ref.sha256).read_bytes() == b"\xff\xd8jpeg bytes"


def test_captions_update_and_save_keeps_attachments(
    drafts: DraftRepository, tmp_path: Path
) -> None:
    article = drafts.create(Article(title="Bài"))
    stale = drafts.get(article.id or 0)                     # a copy taken before the attach
    ref = drafts.add_attachment(article.id or 0, _file(tmp_path, "a.pdf", b"%PDF-1.4"))
    drafts.update_caption(article.id or 0, ref.id or 0, "Văn bản gốc")
    stale.title = "Bài (sửa)"
    drafts.save(stale)                                      # must not drop the attachment
    [kept] = drafts.get(article.id or 0).attachments
    assert kept.caption == "Văn bản gốc"
    with pytest.raises(KeyError):
        drafts.update_caption(article.id or 0, 999, "x")


def test_duplicates_are_stored_once_and_freed_with_the_last_user(
    store: Store, drafts: DraftRepository, tmp_path: Path
) -> None:
    shared = _file(tmp_path, "logo.png", b"\x89PNG same bytes")
    one = drafts.create(Article(title="một"))
    two = drafts.create(Article(title="hai"))
    ref = drafts.add_attachment(one.id or 0, shared)
    drafts.add_attachment(two.id or 0, shared)
    assert store.blobs.all_shas() == {ref.sha256}
    drafts.delete(one.id or 0)
    assert store.blobs.exists(ref.sha256)                   # still used by "hai"
    drafts.delete(two.id or 0)
    assert not store.blobs.exists(ref.sha256)


def test_removed_attachment_stays_restorable_from_history(
    store: Store, drafts: DraftRepository, clock: FakeClock, tmp_path: Path
) -> None:
    article = drafts.create(Article(title="Bài"))
    ref = drafts.add_attachment(article.id or 0, _file(tmp_path, "a.docx", b"PK docx"))
    clock.advance(5)
    drafts.remove_attachment(article.id or 0, ref.id or 0)
    assert drafts.get(article.id or 0).attachments == []
    assert store.blobs.exists(ref.sha256)                   # the version before removal needs it
    version = drafts.versions(article.id or 0)[0]
    restored = drafts.restore(article.id or 0, version.id)
    assert [a.sha256 for a in restored.attachments] == [ref.sha256]
    drafts.delete(article.id or 0)
    assert store.blobs.all_shas() == set()


def test_attach_to_missing_article_frees_the_copy(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        store.drafts.add_attachment(42, _file(tmp_path, "x.txt", b"orphan"))
    assert store.blobs.all_shas() == set()


def test_collect_garbage_keeps_what_is_referenced(store: Store, tmp_path: Path) -> None:
    article = store.drafts.create(Article(title="Bài"))
    ref = store.drafts.add_attachment(article.id or 0, _file(tmp_path, "a.txt", b"used"))
    orphan, _ = store.blobs.put_bytes(b"left by a crash")
    assert store.collect_garbage(min_age_seconds=0) == 1
    assert store.blobs.exists(ref.sha256) and not store.blobs.exists(orphan)


def test_other_reference_sources_keep_blobs(store: Store, tmp_path: Path) -> None:
    article = store.drafts.create(Article(title="Bài"))
    ref = store.drafts.add_attachment(article.id or 0, _file(tmp_path, "a.txt", b"queued"))
    store.drafts.add_blob_reference_source(lambda candidates: candidates & {ref.sha256})
    store.drafts.delete(article.id or 0)
    assert store.blobs.exists(ref.sha256)                   # e.g. an upload still in the outbox
