"""ZIP and RAR: judge the listing first, then check each allowed file inside like an attachment.

Nothing is ever written under an entry's own name, so a hostile name cannot escape anywhere.
The central directory (or RAR headers) is judged before any byte is decompressed: names that
climb out (``../``) or are absolute, links, encrypted entries, too many entries, bombs by
declared total size, by compression ratio and by overlapping entries (the "42.zip" and
overlapping-file tricks), and names that alone are refused (programs, formats the portal does
not take, archives nested too deep: :mod:`.archive_names`). Only then is each remaining entry
streamed in 1 MiB chunks into a private temporary file — stopping the moment it grows past what
its header declared — and inspected recursively.

Compressed RAR entries need an outside unpacker (:mod:`.rartool`). Without one, or when it fails,
those entries get one warning that names them and the checks that were not done; never a silent
pass. Findings on a file inside an archive carry no fix: a fix rewrites the attachment itself,
and the attachment is the archive.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import IO, Any

from editor_app.validation.files import codes
from editor_app.validation.files.archive_names import name_findings
from editor_app.validation.files.common import Source, human_size
from editor_app.validation.findings import Finding

CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    packed: int
    encrypted: bool = False
    link: bool = False
    is_dir: bool = False
    offset: int | None = None
    compressed: bool = False   # RAR compression: its bytes need an outside unpacker

    @property
    def safe(self) -> bool:
        return not (self.encrypted or self.link or _traverses(self.name) or _absolute(self.name))


def _traverses(name: str) -> bool:
    return ".." in name.replace("\\", "/").split("/")


def _absolute(name: str) -> bool:
    name = name.replace("\\", "/")
    return name.startswith("/") or bool(_DRIVE.match(name))


@dataclass(frozen=True)
class _ToolFailed:
    """The outside unpacker could not give an entry's bytes (not installed, or it failed)."""

    reason: str


def listing_findings(entries: list[Entry], source: Source, archive_size: int) -> list[Finding]:
    """Everything wrong with the listing itself; bombs stop the inspection before any read."""
    limits = source.limits
    if len(entries) > limits.max_archive_entries:
        return [codes.ARCHIVE_TOO_MANY.at(source.at(), count=len(entries),
                                          limit=limits.max_archive_entries)]
    findings = []
    for entry in entries:
        where = source.at(part=entry.name)
        if _traverses(entry.name):
            findings.append(codes.ARCHIVE_TRAVERSAL.at(where, name=entry.name))
        elif _absolute(entry.name):
            findings.append(codes.ARCHIVE_ABSOLUTE.at(where, name=entry.name))
        if entry.link:
            findings.append(codes.ARCHIVE_LINK.at(where, name=entry.name))
        if entry.encrypted:
            findings.append(codes.ARCHIVE_ENCRYPTED.at(where, name=entry.name))
        if entry.safe and not entry.is_dir:
            findings += name_findings(entry.name, source)
    return findings + _bomb_findings(entries, source, archive_size)


def _readable(entry: Entry, source: Source) -> bool:
    """An entry whose content is worth reading: a plain file whose name did not refuse it."""
    return not entry.is_dir and entry.safe and not name_findings(entry.name, source)


def _stopped(findings: list[Finding]) -> bool:
    return any(f.code in (codes.ARCHIVE_BOMB.code, codes.ARCHIVE_TOO_MANY.code)
               for f in findings)


def _bomb_findings(entries: list[Entry], source: Source, archive_size: int) -> list[Finding]:
    limits = source.limits
    total = sum(e.size for e in entries)
    reasons: list[tuple[str, str]] = []
    if total > limits.max_unpacked_bytes:
        cap = human_size(limits.max_unpacked_bytes)
        reasons.append((f"giải nén ra {human_size(total)}, vượt {cap}",
                        f"unpacks to {human_size(total)}, over {cap}"))
    worst = max(entries, key=lambda e: e.size / max(e.packed, 1), default=None)
    if worst and worst.size > CHUNK and worst.size / max(worst.packed, 1) > limits.max_ratio:
        ratio = worst.size // max(worst.packed, 1)
        reasons.append((f"mục “{worst.name}” nén với tỉ lệ {ratio}:1",
                        f"entry “{worst.name}” is compressed {ratio}:1"))
    elif total > 10 * CHUNK and total / max(archive_size, 1) > limits.max_ratio:
        ratio = total // max(archive_size, 1)
        reasons.append((f"cả tệp nén với tỉ lệ {ratio}:1",
                        f"the whole archive is compressed {ratio}:1"))
    offsets = [e.offset for e in entries if e.offset is not None and not e.is_dir]
    if len(offsets) != len(set(offsets)):
        reasons.append(("nhiều mục dùng chung một vùng dữ liệu", "entries share the same data"))
    return [codes.ARCHIVE_BOMB.at(source.at(), reason=vi, reason_en=en) for vi, en in reasons]


def inspect_zip(source: Source) -> list[Finding]:
    with zipfile.ZipFile(source.path) as archive:
        entries = zip_entries(archive)
        findings = listing_findings(entries, source, source.size)
        if _stopped(findings):
            return findings
        findings += _contents(entries, source, lambda e: archive.open(e.name))
    return findings


def zip_entries(archive: zipfile.ZipFile) -> list[Entry]:
    return [_zip_entry(info) for info in archive.infolist()]


def _zip_entry(info: zipfile.ZipInfo) -> Entry:
    mode = info.external_attr >> 16
    return Entry(name=info.filename, size=info.file_size, packed=info.compress_size,
                 encrypted=bool(info.flag_bits & 0x1),
                 link=info.create_system == 3 and (mode & 0o170000) == 0o120000,
                 is_dir=info.is_dir(), offset=info.header_offset)


def inspect_rar(source: Source) -> list[Finding]:
    import rarfile

    from editor_app.validation.files.rartool import rar_tool

    try:
        archive = rarfile.RarFile(os.path.abspath(source.path))  # never a name like "-x"
    except (rarfile.PasswordRequired, rarfile.NeedFirstVolume) as exc:
        encrypted = isinstance(exc, rarfile.PasswordRequired)
        what = "mã hoá" if encrypted else "một phần của bộ nhiều tệp"
        return [codes.ARCHIVE_ENCRYPTED.at(source.at(), name=f"{source.name} ({what})")]
    with archive:
        entries = [_rar_entry(info, rarfile.RAR_M0) for info in archive.infolist()]
        findings = listing_findings(entries, source, source.size)
        if _stopped(findings):
            return findings
        wanted = [e for e in entries if _readable(e, source)]
        if any(e.compressed for e in wanted) and rar_tool() is None:
            locked = [e for e in wanted if e.compressed]
            findings.append(_not_inspected(source, locked, None))
            wanted = [e for e in wanted if not e.compressed]
        findings += _contents(wanted, source, lambda e: archive.open(e.name))
    return findings


def _rar_entry(info: Any, stored_method: int) -> Entry:
    return Entry(name=info.filename, size=info.file_size, packed=info.compress_size,
                 encrypted=info.needs_password(), is_dir=info.is_dir(),
                 link=info.is_symlink() or getattr(info, "file_redir", None) is not None,
                 compressed=not info.is_dir() and info.compress_type != stored_method)


def _not_inspected(source: Source, entries: list[Entry], failure: str | None) -> Finding:
    """One warning for the RAR entries whose bytes could not be read, naming them and why."""
    names = ", ".join(e.name for e in entries[:5]) + (", …" if len(entries) > 5 else "")
    if failure is None:
        why = ("máy này chưa cài chương trình giải nén RAR (unrar, unar hoặc bsdtar của "
               "libarchive-tools)")
        why_en = "no RAR unpacker is installed here (unrar, unar or bsdtar from libarchive-tools)"
    else:
        why = f"chương trình giải nén báo lỗi ({failure})"
        why_en = f"the unpacker failed ({failure})"
    return codes.ARCHIVE_NOT_INSPECTED.at(source.at(), count=len(entries), names=names,
                                          why=why, why_en=why_en,
                                          data={"entries": [e.name for e in entries]})


def _contents(entries: list[Entry], source: Source,
              opener: Callable[[Entry], IO[bytes]]) -> list[Finding]:
    from editor_app.validation.files.inspect import inspect_source

    findings: list[Finding] = []
    unread: list[Entry] = []
    failure = ""
    with tempfile.TemporaryDirectory(prefix="editor-app-inspect-") as folder:
        for entry in entries:
            if not _readable(entry, source):
                continue
            where = source.at(part=entry.name)
            with _spooled(entry, opener, Path(folder)) as (path, problem):
                if isinstance(problem, _ToolFailed):
                    unread.append(entry)
                    failure = failure or problem.reason
                    continue
                if problem is not None:
                    findings.append(problem(where))
                    continue
                inner = Source(path=path, name=PurePosixPath(entry.name.replace("\\", "/")).name,
                               size=entry.size, part=where.part, depth=source.depth + 1,
                               limits=source.limits)
                findings += [_without_fix(f) for f in inspect_source(inner)]
    if unread:
        findings.append(_not_inspected(source, unread, failure))
    return findings


def _without_fix(finding: Finding) -> Finding:
    """A fix rewrites the attachment, and for a file inside an archive that is the archive:
    stripping GPS from "anh/g.jpg" cannot be done to the ZIP, so no fix is offered."""
    return replace(finding, fix=None) if finding.fix else finding


_Problem = Callable[..., Finding] | _ToolFailed | None


@contextmanager
def _spooled(entry: Entry, opener: Callable[[Entry], IO[bytes]],
             folder: Path) -> Iterator[tuple[Path, _Problem]]:
    """The entry's bytes in a private temp file, or a finding explaining why it cannot be read."""
    handle, name = tempfile.mkstemp(dir=folder)
    path = Path(name)
    problem: _Problem = None
    try:
        with os.fdopen(handle, "wb") as out:
            problem = _copy(entry, opener, out)
        yield path, problem
    finally:
        path.unlink(missing_ok=True)


def _copy(entry: Entry, opener: Callable[[Entry], IO[bytes]], out: IO[bytes]) -> _Problem:
    import rarfile

    written = 0
    try:
        with opener(entry) as stream:
            while chunk := stream.read(CHUNK):
                written += len(chunk)
                if written > entry.size:
                    return lambda where: codes.ARCHIVE_BOMB.at(
                        where, reason="mục lớn hơn kích thước khai báo",
                        reason_en="an entry is larger than it declares")
                out.write(chunk)
    except rarfile.RarExecError as exc:  # the unpacker is missing or gave up (solid, filters …)
        return _ToolFailed(f"{type(exc).__name__}: {exc}"[:160])
    except (zipfile.BadZipFile, rarfile.Error, OSError, EOFError, NotImplementedError,
            ValueError, RuntimeError) as exc:
        reason = f"{type(exc).__name__}: {exc}"[:200]
        return lambda where: codes.CORRUPT.at(where, label="ZIP/RAR", reason=reason)
    return None
