"""Bringing imported drafts and draft packages into the store.

The importers in editor_app.core.interchange never touch the database; these two functions put
their bytes in the blob store first and then create the article, so a crash in between leaves at
worst an unreferenced blob (collected later), never an article pointing at missing bytes.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.articles import Article, new_uid
from editor_app.core.interchange.model import ImportedDraft, InterchangeError
from editor_app.core.interchange.package import Progress, open_package
from editor_app.store.store import Store


def import_draft(store: Store, imported: ImportedDraft) -> Article:
    """Stores a draft made by ``import_file`` and returns it with its id."""
    for item in imported.files:
        store.blobs.put_bytes(item.data)
    return store.drafts.create(imported.article)


def import_package(store: Store, path: Path, progress: Progress | None = None) -> Article:
    """Stores the draft of a package, verifying every attachment while it is copied.

    A package whose draft is already in the store (same uid) comes in as a copy with a new uid:
    the uid is the portal's idempotency key, so two drafts must never share one.
    """
    with open_package(path) as package:
        article = package.article
        total = sum(ref.size for ref in package.attachments)
        done = 0
        for ref in {r.sha256: r for r in package.attachments}.values():
            with package.open(ref.sha256) as stream:
                sha256, size = store.blobs.put_stream(stream, limit=ref.size)
            if sha256 != ref.sha256:
                raise InterchangeError(f"Tệp {ref.filename} trong gói bị hỏng.",
                                       f"{ref.filename} in the package is damaged.")
            done += size
            if progress:
                progress(done, total)
    if store.drafts.get_by_uid(article.uid) is not None:
        article.uid = new_uid()
    article.id = None
    return store.drafts.create(article)
