"""Imports into the store: bytes into the blob store first, then the article."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest

from editor_app.core.articles import Article
from editor_app.core.interchange import InterchangeError, export_package, import_file
from editor_app.store import Store
from editor_app.store.importing import import_draft, import_package


def test_imported_docx_is_stored_with_its_images(store: Store, tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(image)
    document = docx.Document()
    document.add_paragraph("Chào Đà Nẵng")
    document.add_picture(str(image))
    document.save(str(tmp_path / "bai.docx"))
    article = import_draft(store, import_file(tmp_path / "bai.docx"))
    [ref] = store.drafts.get(article.id or 0).attachments
    assert store.blobs.exists(ref.sha256)
    assert [s.id for s in store.drafts.search("da nang")] == [article.id]


def test_package_export_import_between_two_stores(
    store: Store, tmp_path: Path
) -> None:
    source = tmp_path / "goc.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4000)   # ~1 MB, several chunks
    article = store.drafts.create(Article(title="Bài mang đi", tags=["usb"]))
    store.drafts.add_attachment(article.id or 0, source, caption="Văn bản")
    package = export_package(store.drafts.get(article.id or 0), store.blobs, tmp_path / "p.zip")

    from editor_app.core.paths import resolve_paths
    from editor_app.store import open_store

    other = open_store(resolve_paths(tmp_path / "may-khac"))
    try:
        seen: list[tuple[int, int]] = []
        copied = import_package(other, package, lambda d, t: seen.append((d, t)))
        assert copied.uid == article.uid                  # same draft, other machine
        [ref] = copied.attachments
        assert (ref.caption, ref.filename) == ("Văn bản", "goc.pdf")
        assert other.blobs.path(ref.sha256).read_bytes() == source.read_bytes()
        assert seen[-1] == (ref.size, ref.size)
    finally:
        other.close()
    again = import_package(store, package)                # back home: a copy, new uid
    assert again.uid != article.uid and again.id != article.id


def test_damaged_package_stores_no_article(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"noi dung dinh kem")
    article = store.drafts.create(Article(title="Bài"))
    store.drafts.add_attachment(article.id or 0, source)
    package = export_package(store.drafts.get(article.id or 0), store.blobs, tmp_path / "p.zip")
    sha = hashlib.sha256(b"noi dung dinh kem").hexdigest()
    damaged = tmp_path / "hong.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, b"NOI DUNG DINH KEM" if info.filename.endswith(sha) else data)
    before = store.drafts.count()
    with pytest.raises(InterchangeError, match="sha256"):
        import_package(store, damaged)
    assert store.drafts.count() == before
