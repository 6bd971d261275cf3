"""Attachment limits from the portal profile, with the national defaults as the fallback."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from editor_app.validation.files.common import optional
from editor_app.validation.files.formats import DEFAULT_LIMITS, FORMATS, AttachmentLimits


@lru_cache(maxsize=16)
def limits_for_profile(profile_id: str | None = None) -> AttachmentLimits:
    """The profile's allowed formats and limits; an unknown id raises LookupError (bad usage).

    Without the profile module the defaults apply, which accept every format the regulations list.
    """
    load_profile = optional("editor_app.core.profiles", "load_profile")
    if load_profile is None:
        return DEFAULT_LIMITS
    policy = load_profile(profile_id).attachments
    allowed = tuple(fid for fid in policy.allowed if fid in FORMATS)
    max_bytes = {}
    for fid in FORMATS:
        limit = policy.limit_for(fid) if hasattr(policy, "limit_for") else policy.max_bytes.get(fid)
        max_bytes[fid] = int(limit) if limit else FORMATS[fid].default_max_bytes
    return replace(
        DEFAULT_LIMITS, allowed=allowed, max_bytes=max_bytes,
        min_image_width=int(getattr(policy, "min_image_width", 0) or 0),
        min_image_height=int(getattr(policy, "min_image_height", 0) or 0),
        require_signed_pdf_for_legal=bool(getattr(policy, "require_signed_pdf_for_legal", False)))
