"""Runs every check that applies to a file or a draft package and collects the findings.

This module is the one place that decides which checks apply; the check modules themselves stay
independent of each other. A plain file is an attachment: it is sniffed and inspected in a
worker process (text-bearing files get the text engine and the content policy there too). A
draft package — a ZIP holding ``draft.json`` (docs/draft-package.md) — is an article: its listing
is judged like any archive first, then the article checks run on it and its attachments.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from editor_app.validation.files import codes, inspect_many, limits_for_profile
from editor_app.validation.files.common import Source
from editor_app.validation.findings import FileReport, Finding, Location

PACKAGE_MARKER = "draft.json"


def check_paths(paths: Iterable[Path], profile_id: str | None = None) -> list[FileReport]:
    """One report per path, in order; plain files are inspected in parallel.

    An unknown profile raises LookupError before any file is opened (the CLI's exit 2).
    """
    paths = [Path(p) for p in paths]
    limits_for_profile(profile_id)
    packages = {p for p in paths if is_draft_package(p)}
    plain = [p for p in paths if p not in packages]
    inspected = dict(zip(plain, inspect_many(plain, profile_id), strict=True)) if plain else {}
    reports = []
    for path in paths:
        found = check_package(path, profile_id) if path in packages else inspected[path]
        reports.append(FileReport(path=str(path), findings=found))
    return reports


def check_path(path: Path, profile_id: str | None = None) -> FileReport:
    return check_paths([path], profile_id)[0]


def is_draft_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return PACKAGE_MARKER in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def check_package(path: Path, profile_id: str | None = None) -> list[Finding]:
    """The article inside a draft package, after its listing passed the archive checks."""
    from editor_app.validation.files.archives import listing_findings, zip_entries

    limits = limits_for_profile(profile_id)
    source = Source(path=path, name=path.name, size=path.stat().st_size, limits=limits)
    with zipfile.ZipFile(path) as archive:
        findings = listing_findings(zip_entries(archive), source, source.size)
    if any(f.severity == "error" for f in findings):
        return findings
    from editor_app.core.interchange.package import open_package  # ~40 ms: packages only

    try:
        with tempfile.TemporaryDirectory(prefix="editor-app-package-") as folder, \
                open_package(path) as package:
            pairs = _spool_attachments(package, Path(folder))
            return findings + _validate(package.article, pairs, profile_id)
    except Exception as exc:  # a damaged or foreign package: say so, never a traceback
        reason = getattr(exc, "message_vi", None) or f"{type(exc).__name__}: {exc}"
        return [*findings, codes.CORRUPT.at(Location(), label="gói bản thảo",
                                            reason=str(reason)[:300])]


def _spool_attachments(package: Any, folder: Path) -> list[tuple[Any, Path]]:
    """Each distinct attachment streamed (sha256-verified by the reader) into a private file."""
    pairs: list[tuple[Any, Path]] = []
    done: dict[str, Path] = {}
    for ref in package.attachments:
        if ref.sha256 not in done:
            target = folder / f"attachment-{len(done)}"
            with package.open(ref.sha256) as source, open(target, "wb") as out:
                while chunk := source.read(1024 * 1024):
                    out.write(chunk)
            done[ref.sha256] = target
        pairs.append((ref, done[ref.sha256]))
    return pairs


def _validate(article: Any, pairs: list[tuple[Any, Path]], profile_id: str | None) -> list[Finding]:
    from editor_app.validation.article import validate_article

    return validate_article(article, pairs, profile_id)
