"""The editor's doors into validation; run on the pool by the controller, never on the GUI thread.

Each door imports its check inside the call: the validation modules (and the profile loader they
pull in) cost tens of milliseconds to import, paid by the first check on the pool rather than by
the window while it starts.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from editor_app.core.articles import Article, AttachmentRef
from editor_app.validation.findings import Finding

log = logging.getLogger("editor_app.ui.checks")

_TEXT_FIELDS = ("title", "summary", "pen_name", "real_name", "source", "unit")


def validate(article: Article, files: list[tuple[AttachmentRef, Path]],
             profile_id: Any) -> list[Finding]:
    """Every finding for the article and its stored attachments; ``profile_id`` is a shipped
    profile's id or the portal's profile itself (``AppContext.check_profile``)."""
    from editor_app.validation.article import validate_article

    return validate_article(article, files, profile_id)


def inspect_file(path: Path, filename: str, profile_id: Any,
                 category: str | None = None) -> list[Finding]:
    """The attachment inspector's verdict on one blob; ``category`` is the draft's, whose own
    attachment rules may narrow the profile's."""
    from editor_app.validation.files import inspect_attachment

    return list(inspect_attachment(path, profile_id, name=filename, category=category))


def attachment_fix_target(finding: Finding) -> str | None:
    """The sha256 of the attachment a file fix (strip GPS, …) applies to, else None."""
    from editor_app.validation.fixes import FIX_IDS

    name = finding.location.field or ""
    if finding.fix in FIX_IDS and name.startswith("attachments."):
        return name.split(".")[1]
    return None


def fix_attachment_file(blob: Path, fix_id: str, folder: Path, filename: str) -> Path:
    """A fixed COPY of the blob under the user's file name (the blob itself never changes)."""
    from editor_app.validation.fixes import apply_fix as apply_file_fix

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
