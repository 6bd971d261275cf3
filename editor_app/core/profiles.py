"""Load the portal profiles shipped in resources/profiles/*.toml (or any profile file).

Profiles are data so that a province changing its rules, or a sixth province, needs a new file and
not a new release. A profile may ``extends`` another (the provinces extend ``national``, the Decree
42/2022 baseline) and restate only what its own regulation changes; tables merge key by key, so a
province can tighten one field (``categories.qa.fields.asker_phone.required = true``) without
copying the category. ``deadlines`` is the exception: a profile that states any deadline states
them all, so a kind its regulation lacks is not inherited. Everything is validated on load; a bad
file raises :class:`ProfileError` naming the file and the offending key, never a half-read profile.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from editor_app.core.profile_schema import (
    CATEGORY_IDS,
    DEADLINE_KINDS,
    FORMAT_IDS,
    Category,
    CategoryAttachments,
    DeadlineRule,
    FieldSpec,
    Profile,
    ProfileInfo,
)
from editor_app.core.resources import resource_path

__all__ = [
    "Category",
    "DeadlineRule",
    "FieldSpec",
    "Profile",
    "ProfileError",
    "ProfileInfo",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "parse_profile",
    "profile_ids",
]

DEFAULT_PROFILE = "national"
SCHEMA_VERSION = 1
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_ADAPTER = TypeAdapter(Profile)


class ProfileError(ValueError):
    """A profile file that cannot be read or breaks the schema; the message says where."""


def profiles_dir() -> Path:
    return resource_path("profiles")


def profile_ids(directory: Path | None = None) -> list[str]:
    """Ids of the shipped profiles (file stems), sorted, ``national`` first."""
    stems = sorted(p.stem for p in (directory or profiles_dir()).glob("*.toml"))
    return sorted(stems, key=lambda s: s != DEFAULT_PROFILE)


def list_profiles() -> list[ProfileInfo]:
    """Identity of every shipped profile, for the settings dialog and ``editor-app profiles``."""
    return [load_profile(pid).info for pid in profile_ids()]


def load_profile(profile_id: str | None = None) -> Profile:
    """The shipped profile ``profile_id`` (None: ``national``).

    Raises LookupError listing the valid ids when there is no such profile, ProfileError when the
    file is broken. Results are cached: profiles are immutable once shipped.
    """
    chosen = profile_id or DEFAULT_PROFILE
    valid = profile_ids()
    if chosen not in valid:
        raise LookupError(f"unknown profile {chosen!r}; valid profiles: {', '.join(valid)}")
    return _load_shipped(chosen)


@cache
def _load_shipped(profile_id: str) -> Profile:
    profile = load_profile_file(profiles_dir() / f"{profile_id}.toml")
    if profile.id != profile_id:  # settings store the id: it must find this file again
        raise ProfileError(f"{profile_id}.toml: id {profile.id!r} differs from the file name")
    return profile


def load_profile_file(path: Path) -> Profile:
    """A profile from any TOML file (e.g. one the portal served and the app cached)."""
    return parse_profile(_read_resolved(path, ()), origin=path.name)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ProfileError(f"{path.name}: no such profile file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path.name}: not valid TOML: {exc}") from None


def _read_resolved(path: Path, chain: tuple[str, ...]) -> dict[str, Any]:
    """The file's table with its ``extends`` chain merged beneath it."""
    data = _read_toml(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or not _ID.match(parent):
        raise ProfileError(f"{path.name}: extends: expected a profile id, got {parent!r}")
    if parent in chain or parent == path.stem:
        raise ProfileError(f"{path.name}: extends: cycle through {parent!r}")
    base_path = profiles_dir() / f"{parent}.toml"
    if not base_path.is_file():
        base_path = path.with_name(f"{parent}.toml")
    base = _read_resolved(base_path, (*chain, path.stem))
    return _deep_merge(base, data)


#: Top-level tables a profile restates whole: a province whose regulation sets its own deadlines
#: must not inherit a deadline kind its regulation lacks.
_REPLACED_WHOLE = frozenset({"deadlines"})


def _deep_merge(base: Mapping[str, Any], over: Mapping[str, Any],
                top: bool = True) -> dict[str, Any]:
    """Tables merge key by key (base order first); any other value replaces."""
    merged = dict(base)
    for key, value in over.items():
        if top and key in _REPLACED_WHOLE:
            merged[key] = value
        elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value, top=False)
        else:
            merged[key] = value
    return merged


def parse_profile(data: Mapping[str, Any], origin: str = "<profile>") -> Profile:
    """Validate an already-merged profile table and build the dataclasses."""
    try:
        shaped = _shape(data)
    except ProfileError as exc:
        raise ProfileError(f"{origin}: {exc}") from None
    try:
        profile = _ADAPTER.validate_python(shaped)
    except ValidationError as exc:
        raise ProfileError(f"{origin}: " + _describe(exc, shaped)) from None
    except (TypeError, AttributeError) as exc:
        raise ProfileError(f"{origin}: malformed profile: {exc}") from None
    problems = _semantic_problems(profile)
    if problems:
        raise ProfileError(f"{origin}: " + "; ".join(problems))
    return profile


def _shape(data: Mapping[str, Any]) -> dict[str, Any]:
    """TOML keys categories and fields by id; the dataclasses carry the id inside."""
    shaped = dict(data)
    version = shaped.pop("schema", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ProfileError(f"schema: version {version!r} is not supported "
                           f"(expected {SCHEMA_VERSION})")
    categories = shaped.get("categories")
    if isinstance(categories, Mapping):
        shaped["categories"] = {
            cid: _shape_category(cid, table, _kinds(shaped)) for cid, table in categories.items()
        }
    return shaped


def _kinds(shaped: Mapping[str, Any]) -> frozenset[str]:
    deadlines = shaped.get("deadlines")
    return frozenset(deadlines) if isinstance(deadlines, Mapping) else frozenset()


def _shape_category(category_id: str, table: Any, kinds: frozenset[str]) -> Any:
    """A category whose deadline kind is a shared one its profile lacks has no deadline there
    (Cao Bằng has no rule for agencies a document concerns); an unknown kind stays, to be
    reported as the typo it probably is. ``""`` switches a deadline off explicitly."""
    if not isinstance(table, Mapping):
        return table
    category = {"id": category_id, **table}
    kind = category.get("deadline_kind")
    if kind == "" or (kind in DEADLINE_KINDS and kind not in kinds):
        category["deadline_kind"] = category["event_field"] = None
    fields = category.get("fields")
    if isinstance(fields, Mapping):
        category["fields"] = [
            {"key": key, **spec} if isinstance(spec, Mapping) else spec
            for key, spec in fields.items()
        ]
    return category


def _describe(exc: ValidationError, shaped: Mapping[str, Any]) -> str:
    parts = []
    for error in exc.errors()[:8]:
        where = _toml_path(error["loc"], shaped)
        parts.append(f"{where}: {error['msg']}")
    more = exc.error_count() - len(parts)
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _toml_path(loc: tuple[int | str, ...], shaped: Any) -> str:
    """The error's location as the TOML author wrote it: field ``title``, not list index 1."""
    names, node = [], shaped
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            key = node.get("key") if isinstance(node, Mapping) else None
            names.append(str(key if key is not None else part))
            continue
        names.append(str(part))
        node = node.get(part) if isinstance(node, Mapping) else None
    return ".".join(names) or "(top)"


def _semantic_problems(profile: Profile) -> list[str]:
    """Rules the types alone cannot state: shared category ids, cross references, citations."""
    problems: list[str] = []
    if not _ID.match(profile.id):
        problems.append(f"id: {profile.id!r} is not a lowercase, hyphenated id")
    missing = [cid for cid in CATEGORY_IDS if cid not in profile.categories]
    if missing:
        problems.append("categories: missing " + ", ".join(missing))
    for cid, category in profile.categories.items():
        problems += _category_problems(profile, cid, category)
    for kind, rule in profile.deadlines.items():
        if rule.working_days < 0 or not rule.reference.strip():
            problems.append(f"deadlines.{kind}: needs working_days >= 0 and a reference")
    bad_formats = [k for k in profile.attachments.max_bytes if k not in (*FORMAT_IDS, "default")]
    if bad_formats:
        problems.append("attachments.max_bytes: unknown formats " + ", ".join(bad_formats))
    if not profile.attachments.reference.strip() or not profile.citation_reference.strip():
        problems.append("attachments.reference and citation_reference must cite the regulation")
    weekdays = [d.isoformat() for d in profile.makeup_workdays if d.weekday() < 5]
    if weekdays:
        problems.append("makeup_workdays: not a Saturday or Sunday: " + ", ".join(weekdays))
    return problems


def _category_problems(profile: Profile, cid: str, category: Category) -> list[str]:
    where = f"categories.{cid}"
    problems = []
    if not category.reference.strip():
        problems.append(f"{where}.reference: every category cites its article")
    if category.deadline_kind is not None:
        if category.deadline_kind not in profile.deadlines:
            problems.append(f"{where}.deadline_kind: no deadline rule {category.deadline_kind!r}")
        spec = category.field(category.event_field or "")
        if spec is None or spec.type != "date":
            problems.append(f"{where}.event_field: must name a date field of the category")
    for spec in category.fields:
        problems += _field_problems(f"{where}.fields.{spec.key}", spec)
    if category.attachments is not None:
        problems += _category_attachment_problems(profile, f"{where}.attachments",
                                                  category.attachments)
    return problems


def _category_attachment_problems(profile: Profile, where: str,
                                  rules: CategoryAttachments) -> list[str]:
    """A category narrows the portal's formats; it cannot accept what the portal refuses."""
    problems = []
    wider = [fid for fid in rules.allowed or () if fid not in profile.attachments.allowed]
    if wider:
        problems.append(f"{where}.allowed: not allowed by the profile: " + ", ".join(wider))
    unknown = [k for k in rules.max_bytes if k not in (*FORMAT_IDS, "default")]
    if unknown:
        problems.append(f"{where}.max_bytes: unknown formats " + ", ".join(unknown))
    if any(v <= 0 for v in rules.max_bytes.values()):
        problems.append(f"{where}.max_bytes: sizes are positive byte counts")
    if not rules.reference.strip():
        problems.append(f"{where}.reference: a category's attachment rule cites its article")
    return problems


def _field_problems(where: str, spec: FieldSpec) -> list[str]:
    problems = []
    if spec.type == "choice" and not spec.choices:
        problems.append(f"{where}.choices: a choice field needs choices")
    if spec.required and not spec.reference.strip():
        problems.append(f"{where}.reference: a required field cites its article")
    if spec.pattern is not None:
        try:
            re.compile(spec.pattern)
        except re.error as exc:
            problems.append(f"{where}.pattern: {exc}")
    return problems
