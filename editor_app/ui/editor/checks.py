"""The editor's doors into validation; run on the pool by the controller, never on the GUI thread.

The check modules are written by other parts of the team and land over time, so each door imports
its check inside the call and degrades to the checks that exist: the whole-article validator when
present, else the profile's metadata checks.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from editor_app.core.articles import Article, AttachmentRef
from editor_app.validation.findings import Finding

log = logging.getLogger("editor_app.ui.checks")

_TEXT_FIELDS = ("title", "summary", "pen_name", "real_name", "source", "unit")


def _optional(module: str, name: str) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def validate(article: Article, files: list[tuple[AttachmentRef, Path]],
             profile_id: Any) -> list[Finding]:
    """Every finding for the article and its stored attachments; ``profile_id`` is a shipped
    profile's id or the portal's profile itself (``AppContext.check_profile``)."""
    validate_article = _optional("editor_app.validation.article", "validate_article")
    if validate_article is not None:
        return list(validate_article(article, files, profile_id))
    from editor_app.core.profiles import load_profile
    from editor_app.validation.metadata import check_metadata

    profile = load_profile(profile_id) if isinstance(profile_id, str) else profile_id
    return check_metadata(article, profile)


def inspect_file(path: Path, filename: str, profile_id: Any,
                 category: str | None = None) -> list[Finding] | None:
    """The attachment inspector's verdict on one blob, or None when no inspector is installed;
    ``category`` is the draft's, whose own attachment rules may narrow the profile's."""
    inspect = _optional("editor_app.validation.files", "inspect_attachment")
    if inspect is None:
        return None
    return list(inspect(path, profile_id, name=filename, category=category))


def attachment_fix_target(finding: Finding) -> str | None:
    """The sha256 of the attachment a file fix (strip GPS, …) applies to, else None."""
    fix_ids = _optional("editor_app.validation.fixes", "FIX_IDS") or ()
    name = finding.location.field or ""
    if finding.fix in fix_ids and name.startswith("attachments."):
        return name.split(".")[1]
    return None


def fix_attachment_file(blob: Path, fix_id: str, folder: Path, filename: str) -> Path:
    """A fixed COPY of the blob under the user's file name (the blob itself never changes)."""
    apply_file_fix = _optional("editor_app.validation.fixes", "apply_fix")
    if apply_file_fix is None:
        raise RuntimeError("no file fixes are installed")
    folder.mkdir(parents=True, exist_ok=True)
    return Path(apply_file_fix(blob, fix_id, folder / Path(filename).name))


def apply_fix(article: Article, finding: Finding) -> Article | None:
    """The fixed article, or None when the finding carries no safe text replacement.

    Checks that offer a fix put the corrected value in ``data["replacement"]`` and point the
    location at the field (``source``, ``metadata.number`` …); that is all a fix needs here.
    """
    replacement = finding.data.get("replacement")
    name = finding.location.field or ""
    if not isinstance(replacement, str):
        return None
    if name in _TEXT_FIELDS:
        fixed = replace(article)
        setattr(fixed, name, replacement)
        return fixed
    if name.startswith("metadata."):
        return replace(article, metadata={**article.metadata, name[9:]: replacement})
    return None
