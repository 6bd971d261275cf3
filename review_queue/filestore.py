"""Where upload bytes live, behind a small interface an S3-compatible store could implement.

Uploads arrive in pieces (tus PATCH requests, possibly on different instances), so the interface
is "write from this offset" plus reads; nothing here keeps a whole file in memory. A store for
S3-compatible object storage would map an upload to a multipart upload (parts written from an
offset) and return None from :meth:`FileStore.local_path` (the attachment inspection then
reads the upload through :meth:`FileStore.open_read` into a temporary file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol

_KEY = re.compile(r"^[0-9a-f]{32}$")


class ByteSink(Protocol):
    def write(self, data: bytes) -> object: ...


class FileStore(Protocol):
    """Bytes of uploads by key (the upload id)."""

    def create(self, key: str) -> None: ...

    def writer(self, key: str, offset: int) -> AbstractContextManager[ByteSink]: ...

    def size(self, key: str) -> int: ...

    def open_read(self, key: str) -> BinaryIO: ...

    def delete(self, key: str) -> None: ...

    def local_path(self, key: str) -> Path | None: ...


class LocalFileStore:
    """Files under one folder, two hex characters of fan-out (ab/abcdef…)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError("invalid file key")
        return self.root / key[:2] / key

    def create(self, key: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()

    @contextmanager
    def writer(self, key: str, offset: int) -> Iterator[ByteSink]:
        """Write from ``offset``; bytes beyond it (a crashed earlier write) are dropped first."""
        with open(self._path(key), "r+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            try:
                yield handle
            finally:
                handle.flush()
                os.fsync(handle.fileno())

    def size(self, key: str) -> int:
        return self._path(key).stat().st_size

    def open_read(self, key: str) -> BinaryIO:
        return open(self._path(key), "rb")

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def local_path(self, key: str) -> Path | None:
        return self._path(key)
