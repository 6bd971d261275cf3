"""The local store: drafts in SQLite (WAL), attachments in a content-addressed blob store.

Callers use :func:`open_store` and the plain dataclasses of :mod:`editor_app.core.articles`; the
SQLAlchemy models stay inside this package.
"""

from editor_app.store.blobs import BlobStore
from editor_app.store.repository import DraftRepository
from editor_app.store.search import fold
from editor_app.store.store import Store, open_store

__all__ = ["BlobStore", "DraftRepository", "Store", "fold", "open_store"]
