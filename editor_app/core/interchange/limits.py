"""Limits that keep hostile archives (DOCX, ODT and draft packages are all ZIP files) harmless.

A ZIP's directory says how big each entry is; Python's zipfile never inflates an entry past that
size, so checking the directory before reading bounds both memory and time ("zip bombs").
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from editor_app.core.interchange.model import InterchangeError

MAX_ENTRIES = 10_000
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024      # all entries of a DOCX/ODT together
MAX_RATIO = 200                              # uncompressed / compressed for one entry


def check_zip(path: Path, max_total: int = MAX_DOCUMENT_BYTES) -> None:
    """Raises InterchangeError for a broken, huge or suspicious archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InterchangeError(f"{path.name} không phải tệp nén hợp lệ.",
                               f"{path.name} is not a valid archive: {exc}") from exc
    if len(entries) > MAX_ENTRIES:
        raise InterchangeError(f"{path.name} có quá nhiều mục ({len(entries)}).",
                               f"{path.name} has too many entries ({len(entries)}).")
    total = sum(entry.file_size for entry in entries)
    if total > max_total:
        raise InterchangeError(f"{path.name}: nội dung giải nén quá lớn ({total} byte).",
                               f"{path.name}: too large when uncompressed ({total} bytes).")
    for entry in entries:
        if entry.file_size > 1_000_000 and entry.file_size > MAX_RATIO * entry.compress_size:
            raise InterchangeError(
                f"{path.name}: mục {entry.filename!r} có tỉ lệ nén bất thường (nghi “zip bomb”).",
                f"{path.name}: entry {entry.filename!r} has a suspicious compression ratio.",
            )
