"""Runs every check that applies to a file or a draft package and collects the findings.

This module is the one place that decides which checks apply; the check modules themselves stay
independent of each other. (Seam shared by the text engine, the attachment inspector and the
profile checks: each contributes through the functions called below.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editor_app.validation.findings import FileReport


def check_paths(paths: Iterable[Path], profile_id: str | None = None) -> list[FileReport]:
    return [check_path(path, profile_id) for path in paths]


def check_path(path: Path, profile_id: str | None = None) -> FileReport:
    raise NotImplementedError("wired up by the text engine and attachment inspector")
