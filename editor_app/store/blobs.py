"""Content-addressed blob store: attachment bytes kept once, under their sha256.

Files are copied in the moment they are attached, so the user's original may move or vanish. Each
blob is written to a temporary file in the same folder, fsynced, then renamed into place
(``os.replace`` is atomic), so a crash leaves either the whole blob or none of it, never a torn
file under a valid name. Reads and writes stream in chunks: attachments can be gigabyte videos.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger("editor_app.store.blobs")

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
Progress = Callable[[int, int], None]


def is_sha256(value: str) -> bool:
    return bool(_SHA256.match(value))


class BlobStore:
    """Blobs under ``root/ab/cdef…``; safe to use from several threads at once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        """Opens a blob for reading; FileNotFoundError when it is not stored."""
        return self.path(sha256).open("rb")

    def put_file(self, source: Path, progress: Progress | None = None) -> tuple[str, int]:
        """Copies ``source`` in; returns (sha256, size). Progress gets (bytes done, total)."""
        total = source.stat().st_size
        with source.open("rb") as handle:
            return self.put_stream(handle, progress, total)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.exists(sha256):
            fd, tmp = tempfile.mkstemp(dir=self._tmp)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            self._commit(Path(tmp), sha256)
        return sha256, len(data)

    def put_stream(
        self, stream: BinaryIO, progress: Progress | None = None, total: int = 0,
        limit: int | None = None,
    ) -> tuple[str, int]:
        """Copies a stream in chunk by chunk, hashing as it goes; ``limit`` caps the size."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self._tmp)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise ValueError(f"stream is larger than the limit of {limit} bytes")
                    digest.update(chunk)
                    out.write(chunk)
                    if progress:
                        progress(size, max(total, size))
            sha256 = digest.hexdigest()
            if self.exists(sha256):
                os.unlink(tmp)
            else:
                self._commit(Path(tmp), sha256)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256, size

    def _commit(self, tmp: Path, sha256: str) -> None:
        """fsync the data, rename it into place, fsync the folder so the name survives too."""
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        target = self.path(sha256)
        target.parent.mkdir(exist_ok=True)
        os.replace(tmp, target)
        _fsync_dir(target.parent)

    def all_shas(self) -> set[str]:
        """Every stored blob, by walking the folders (used by garbage collection)."""
        found: set[str] = set()
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                names = (sub.name + f.name for f in sub.iterdir())
                found.update(name for name in names if is_sha256(name))
        return found

    def delete(self, sha256: str) -> bool:
        try:
            self.path(sha256).unlink()
        except FileNotFoundError:
            return False
        return True

    def gc(self, referenced: set[str], min_age_seconds: float = 0.0) -> int:
        """Deletes every blob not in ``referenced``; returns how many were removed.

        ``min_age_seconds`` spares blobs written very recently: one may have just been stored for
        an attachment whose database row is not committed yet.
        """
        removed = 0
        cutoff = time.time() - min_age_seconds
        for sha256 in self.all_shas() - referenced:
            path = self.path(sha256)
            try:
                if min_age_seconds and path.stat().st_mtime > cutoff:
                    continue
            except FileNotFoundError:
                continue
            removed += self.delete(sha256)
        self._clean_tmp(cutoff)
        return removed

    def _clean_tmp(self, cutoff: float) -> None:
        """Leftovers of copies interrupted by a crash."""
        for leftover in self._tmp.iterdir():
            try:
                if leftover.stat().st_mtime <= cutoff:
                    leftover.unlink()
            except OSError as exc:
                log.warning("could not remove %s: %s", leftover, exc)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
