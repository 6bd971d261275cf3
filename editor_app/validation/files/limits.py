"""Attachment limits from the portal profile (its categories' own rules over its defaults)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from editor_app.validation.files.formats import DEFAULT_LIMITS, FORMATS, AttachmentLimits

if TYPE_CHECKING:
    from editor_app.core.profile_schema import Profile


def limits_for_profile(profile_id: str | Profile | None = None,
                       category: str | None = None) -> AttachmentLimits:
    """The profile's allowed formats and limits; an unknown id raises LookupError (bad usage).

    ``profile_id`` may also be a profile itself (the one a portal served, which the app checks
    against offline). ``category`` is the draft's category: where the profile gives it its own
    attachment rules they apply, over the profile's defaults.
    """
    if profile_id is None or isinstance(profile_id, str):
        return _shipped_limits(profile_id, category)
    return _limits_of(_policy(profile_id, category))


@lru_cache(maxsize=64)
def _shipped_limits(profile_id: str | None, category: str | None) -> AttachmentLimits:
    from editor_app.core.profiles import load_profile  # ~150 ms (pydantic): only when asked

    return _limits_of(_policy(load_profile(profile_id), category))


def _policy(profile: Profile, category: str | None) -> Any:
    """The category's own attachment rules over the profile's."""
    return profile.attachments_for(category)


def _limits_of(policy: Any) -> AttachmentLimits:
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
