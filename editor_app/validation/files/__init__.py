"""Attachment inspection: allowed formats by content, deep checks, security and privacy.

Public API (the app and the engine call these):

- :func:`inspect_attachment` — inspect one file in a worker process (timeout, memory limit);
  never raises for anything in the file, returns findings.
- :func:`inspect_many` — the same for many files, in parallel on the available cores.
- :func:`inspect_here` — the same checks in the calling process (the worker's entry point; tests).
- :func:`limits_for_profile` — what a portal accepts.
- Fixes live in :mod:`editor_app.validation.fixes` (``apply_fix(path, fix_id, out)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.validation.files import codes
from editor_app.validation.files.formats import AttachmentLimits
from editor_app.validation.files.limits import limits_for_profile
from editor_app.validation.findings import Finding

if TYPE_CHECKING:
    from editor_app.core.profile_schema import Profile
    from editor_app.validation.isolation import WorkerPool

__all__ = ["inspect_attachment", "inspect_here", "inspect_many", "limits_for_profile"]

_REASONS = {
    "timeout": ("quá thời gian cho phép ({detail})", "it took too long ({detail})"),
    "memory": ("vượt giới hạn bộ nhớ ({detail})", "it needed too much memory ({detail})"),
    "crashed": ("trình đọc tệp bị dừng đột ngột ({detail})", "the parser crashed ({detail})"),
    "error": ("lỗi trình đọc ({detail})", "the parser failed ({detail})"),
}


def inspect_here(path: Path | str, limits: AttachmentLimits | None = None,
                 name: str | None = None) -> list[Finding]:
    """Every attachment check on ``path`` in this process (no isolation)."""
    from editor_app.validation.files.common import Source
    from editor_app.validation.files.inspect import inspect_source

    path = Path(path)
    source = Source(path=path, name=name or path.name, size=path.stat().st_size,
                    limits=limits or AttachmentLimits())
    return inspect_source(source)


def timeout_for(size: int) -> float:
    """Wall-clock budget for one file: two minutes, plus ten seconds per 100 MB.

    Generous on purpose: a 500-page PDF takes about 40 s on a loaded two-core machine, and a
    legitimate file must never be refused as "could not be inspected".
    """
    return 120.0 + size / (10 * 1024 * 1024)


def inspect_attachment(path: Path, profile_id: str | Profile | None = None, *,
                       name: str | None = None, category: str | None = None) -> list[Finding]:
    """Inspect one attachment in the shared worker pool; ``name`` is the user's file name,
    ``category`` the draft's (a category may have its own formats and sizes)."""
    return inspect_many([path], profile_id, names=[name] if name else None,
                        category=category)[0]


def inspect_many(paths: Sequence[Path], profile_id: str | Profile | None = None, *,
                 names: Sequence[str | None] | None = None,
                 pool: WorkerPool | None = None,
                 category: str | None = None) -> list[list[Finding]]:
    """Findings per path, inspected in parallel in worker processes (order kept)."""
    from editor_app.validation.isolation import InspectionFailed, Job, shared_pool

    limits = limits_for_profile(profile_id, category)
    names = list(names) if names else [None] * len(paths)
    workers = pool or shared_pool()
    jobs, results = [], []
    for path, name in zip(paths, names, strict=True):
        size = Path(path).stat().st_size
        jobs.append(Job("editor_app.validation.files:inspect_here",
                        (str(path), limits, name or Path(path).name), timeout_for(size)))
    for outcome in workers.map(jobs):
        if isinstance(outcome, InspectionFailed):
            results.append([_failed(outcome)])
        else:
            results.append(list(outcome))
    return results


def _failed(failure: Exception) -> Finding:
    reason = getattr(failure, "reason", "error")
    detail = getattr(failure, "detail", str(failure)).splitlines()[0][:200] if str(failure) else ""
    vi, en = _REASONS.get(reason, _REASONS["error"])
    return codes.UNINSPECTABLE.at(reason=vi.format(detail=detail),
                                  reason_en=en.format(detail=detail), data={"reason": reason})
