"""The draft package: one draft and its attachments in a .zip, to carry on a USB stick.

Layout (documented for people in docs/draft-package.md)::

    mimetype                  "application/vnd.editor-app.draft+zip" (first, stored)
    draft.json                {"format": ..., "format_version": 1, "article": {...}}
    attachments/<sha256>      each distinct attachment once, named by its content hash

Reading treats the file as hostile: entry names are never used as paths, sizes are checked
against the directory and the JSON before inflating, every attachment is verified against its
sha256 while it streams, and anything wrong raises :class:`InterchangeError` with the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

from editor_app import __version__
from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.interchange.model import BlobSource, InterchangeError
from editor_app.core.interchange.serialize import article_from_dict, article_to_dict

MIMETYPE = "application/vnd.editor-app.draft+zip"
FORMAT = "editor-app-draft"
FORMAT_VERSION = 1
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 8 * 1024**3
MAX_ENTRIES = 10_000
_ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")
Progress = Callable[[int, int], None]
CHUNK = 1024 * 1024


def export_package(article: Article, blobs: BlobSource, out: Path,
                   progress: Progress | None = None) -> Path:
    """Writes the package atomically (temp file, then rename); returns ``out``."""
    refs = _distinct(article.attachments)
    total = sum(ref.size for ref in refs)
    done = 0
    document = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "exported_at": datetime.now(UTC).isoformat(), "app_version": __version__,
                "article": article_to_dict(article)}
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".", suffix=".partial")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
            archive.writestr("draft.json", json.dumps(document, ensure_ascii=False, indent=2))
            for ref in refs:
                with _open_blob(blobs, ref) as source, \
                        archive.open(f"attachments/{ref.sha256}", "w", force_zip64=True) as target:
                    while chunk := source.read(CHUNK):
                        target.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def _open_blob(blobs: BlobSource, ref: AttachmentRef) -> BinaryIO:
    try:
        return blobs.open(ref.sha256)
    except (KeyError, FileNotFoundError) as exc:
        raise InterchangeError(
            f"Không tìm thấy dữ liệu của tệp đính kèm {ref.filename} để xuất gói.",
            f"The bytes of attachment {ref.filename} are missing; the package was not written.",
        ) from exc


def _distinct(refs: list[AttachmentRef]) -> list[AttachmentRef]:
    seen: dict[str, AttachmentRef] = {}
    for ref in refs:
        seen.setdefault(ref.sha256, ref)
    return list(seen.values())


class DraftPackage:
    """An open, checked package; use as a context manager and stream attachments from it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise _bad(path, "không phải tệp nén hợp lệ", "not a valid ZIP file") from exc
        try:
            self._entries = self._check_entries()
            self.document = self._read_json()
            self.article = self._read_article()
            self._check_attachments()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> DraftPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def attachments(self) -> list[AttachmentRef]:
        return self.article.attachments

    def open(self, sha256: str) -> BinaryIO:
        """The attachment's bytes, verified against sha256 and size as they are read."""
        ref = next((r for r in self.article.attachments if r.sha256 == sha256), None)
        if ref is None:
            raise KeyError(sha256)
        return _Verified(self._zip.open(self._entries[sha256]), ref, self.path)  # type: ignore[return-value]

    def read(self, sha256: str) -> bytes:
        with self.open(sha256) as handle:
            return handle.read()

    def _check_entries(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _bad(self.path, "có quá nhiều mục", "has too many entries")
        attachments = {}
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in name.split("/") or "\\" in name or \
                    re.match(r"^[A-Za-z]:", name):
                raise _bad(self.path, f"chứa đường dẫn nguy hiểm {name!r}",
                           f"contains an unsafe path {name!r} (zip slip)")
            match = _ATTACHMENT_NAME.match(name)
            if match:
                attachments[match.group(1)] = info
        return attachments

    def _read_json(self) -> dict[str, Any]:
        try:
            info = self._zip.getinfo("draft.json")
        except KeyError:
            raise _bad(self.path, "thiếu draft.json", "has no draft.json") from None
        if info.file_size > MAX_JSON_BYTES:
            raise _bad(self.path, "draft.json quá lớn", "has an oversized draft.json")
        try:
            document = json.loads(self._zip.read(info).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, RecursionError) as exc:
            raise _bad(self.path, "draft.json hỏng", f"has a broken draft.json ({exc})") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _bad(self.path, "không phải gói bản thảo", "is not a draft package")
        version = document.get("format_version")
        if not isinstance(version, int) or version < 1:
            raise _bad(self.path, "thiếu phiên bản định dạng", "has no valid format_version")
        if version > FORMAT_VERSION:
            raise _bad(self.path, f"được tạo bởi phiên bản mới hơn (định dạng {version}); "
                       "hãy cập nhật phần mềm", f"needs a newer app (format {version})")
        return document

    def _read_article(self) -> Article:
        try:
            return article_from_dict(self.document.get("article"))  # type: ignore[arg-type]
        except (TypeError, ValueError) as exc:
            raise _bad(self.path, f"bài viết trong gói không hợp lệ ({exc})",
                       f"has an invalid article ({exc})") from exc

    def _check_attachments(self) -> None:
        for ref in self.article.attachments:
            info = self._entries.get(ref.sha256)
            if info is None:
                raise _bad(self.path, f"thiếu tệp đính kèm {ref.filename!r}",
                           f"lacks the attachment {ref.filename!r}")
            if info.file_size != ref.size or ref.size > MAX_ATTACHMENT_BYTES:
                raise _bad(self.path, f"tệp {ref.filename!r} có kích thước sai",
                           f"has a wrong size for {ref.filename!r}")
            ref.filename = _safe_filename(ref.filename)


class _Verified:
    """Wraps an entry stream; at its end, the bytes must match the promised sha256 and size."""

    def __init__(self, raw: IO[bytes], ref: AttachmentRef, path: Path) -> None:
        self._raw, self._ref, self._path = raw, ref, path
        self._digest = hashlib.sha256()
        self._size = 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self._raw.read(size)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _bad(self._path, "dữ liệu nén hỏng", f"has damaged data ({exc})") from exc
        self._digest.update(chunk)
        self._size += len(chunk)
        if self._size > self._ref.size:
            raise _bad(self._path, "tệp đính kèm dài hơn khai báo", "has an oversized attachment")
        if not chunk or size < 0:
            self._verify()
        return chunk

    def _verify(self) -> None:
        if self._size != self._ref.size or self._digest.hexdigest() != self._ref.sha256:
            raise _bad(self._path, f"tệp {self._ref.filename!r} không khớp mã băm",
                       f"has an attachment that fails its sha256 check ({self._ref.filename!r})")

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> _Verified:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _safe_filename(name: str) -> str:
    """Only the last path component, without control characters: a name, never a path."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    return cleaned[:200] or "attachment"


def _bad(path: Path, reason_vi: str, reason_en: str) -> InterchangeError:
    return InterchangeError(f"Gói bản thảo {path.name} {reason_vi}.",
                            f"Draft package {path.name} {reason_en}.")


def open_package(path: Path) -> DraftPackage:
    """Opens and checks a package; raises InterchangeError when it is damaged or hostile."""
    return DraftPackage(path)


def read_package(path: Path) -> tuple[Article, list[tuple[AttachmentRef, bytes]]]:
    """Whole package in memory (small drafts, tests, the validation engine)."""
    with open_package(path) as package:
        return package.article, [(ref, package.read(ref.sha256))
                                 for ref in _distinct(package.attachments)]
