"""What every per-format inspector shares: the file being inspected and the text hand-off.

A :class:`Source` is either an attachment on disk or an entry of an archive spooled to a private
temporary file; findings for an archive entry carry its path in ``Location.part`` so the user sees
which file inside the ZIP is at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor_app.validation.files import codes
from editor_app.validation.files.formats import DEFAULT_LIMITS, AttachmentLimits
from editor_app.validation.findings import Finding, Location


@dataclass(frozen=True)
class Source:
    """One file to inspect: ``path`` holds the bytes, ``name`` is what the user calls it."""

    path: Path
    name: str
    size: int
    part: str | None = None      # archive entry path, "outer.zip/inner.docx" style when nested
    depth: int = 0               # archive nesting depth, 0 for the attachment itself
    limits: AttachmentLimits = DEFAULT_LIMITS

    def at(self, **where: Any) -> Location:
        """A location inside this file (an archive entry's path is kept in ``part``)."""
        part = where.pop("part", None)
        if self.part and part:
            part = f"{self.part}/{part}"
        return Location(part=part or self.part, **where)


def human_size(size: int) -> str:
    """Sizes as a Vietnamese user reads them (decimal comma is avoided: "1.5 MB")."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def engine_text_findings(text: str, source: Source) -> list[Finding]:
    """The text engine's encoding and Unicode checks; "not checked" if the engine fails on it."""
    from editor_app.validation.text.checks import check_text  # ~40 ms: only workers need it

    try:
        return list(check_text(text, location=source.at()))
    except Exception as exc:  # the engine's failure must not hide the file's other findings
        reason = f"{type(exc).__name__}: {exc}"[:200]
        return [codes.NOT_CHECKED.at(source.at(), what=f"mã hoá và Unicode của văn bản ({reason})",
                                     what_en=f"text encoding and Unicode ({reason})")]


def text_findings(text: str, source: Source) -> list[Finding]:
    """The text engine's checks and the content policy, on one Unicode text."""
    from editor_app.validation.policy import check_policy

    return engine_text_findings(text, source) + check_policy(text, location=source.at())
