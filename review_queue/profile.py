"""The portal profile this service enforces, kept in the database so every instance agrees.

``review-queue profile set`` stores either a shipped profile id or a whole profile read from a
TOML file (stored as the validated profile's JSON). Profiles come from the app's profile module
(:mod:`editor_app.core.profiles`), the same rules the app checks offline.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.orm import Session

from editor_app.core.profiles import Profile, load_profile, load_profile_file
from review_queue.models import Meta

PROFILE_ID_KEY = "profile_id"
PROFILE_JSON_KEY = "profile_json"

_ADAPTER: TypeAdapter[Profile] = TypeAdapter(Profile)


def set_profile(db: Session, id_or_file: str) -> Profile:
    """Enforce a shipped profile (by id) or one read from a TOML file; raises on a bad one."""
    path = Path(id_or_file)
    if path.suffix == ".toml" or path.is_file():
        profile = load_profile_file(path)
        _put(db, PROFILE_JSON_KEY, _ADAPTER.dump_json(profile).decode("utf-8"))
    else:
        profile = load_profile(id_or_file)
        _put(db, PROFILE_JSON_KEY, "")
    _put(db, PROFILE_ID_KEY, profile.id)
    return profile


def current_profile(db: Session, default: str) -> Profile:
    stored = db.get(Meta, PROFILE_JSON_KEY)
    if stored is not None and stored.value:
        return _from_json(stored.value)
    chosen = db.get(Meta, PROFILE_ID_KEY)
    return load_profile(chosen.value if chosen else default)


def profile_json(profile: Profile) -> dict[str, Any]:
    """The profile as served by ``GET /api/v1/profile`` (the dataclasses' fields, as JSON)."""
    data: dict[str, Any] = _ADAPTER.dump_python(profile, mode="json")
    return data


def parse_served(data: dict[str, Any]) -> Profile:
    """The inverse of :func:`profile_json` (for clients and tests)."""
    return _ADAPTER.validate_json(_json_bytes(data))


@lru_cache(maxsize=8)
def _from_json(text: str) -> Profile:
    return _ADAPTER.validate_json(text)


def _json_bytes(data: dict[str, Any]) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _put(db: Session, key: str, value: str) -> None:
    row = db.get(Meta, key)
    if row is None:
        db.add(Meta(key=key, value=value))
    else:
        row.value = value
