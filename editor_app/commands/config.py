"""`editor-app config show|set`: the effective settings, where each value comes from, headless.

IT staff use it to verify a preset on a machine ("is the portal address locked?") and to script
settings without opening the app.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from editor_app.core.paths import resolve_paths, system_preset_file
from editor_app.core.settings import SCHEMA, Preset, Settings, spec_for


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="print the effective settings and their origin")
    show.add_argument("--json", action="store_true", help="one JSON object")
    set_ = actions.add_parser("set", help="store a user setting")
    set_.add_argument("key", choices=[spec.key for spec in SCHEMA])
    set_.add_argument("value")


def _load(args: argparse.Namespace) -> tuple[Settings, Preset]:
    paths = resolve_paths(args.home)
    preset = Preset.load(system_preset_file())
    return Settings(paths.settings_file, preset), preset


def _origin(settings: Settings, preset: Preset, key: str, user_keys: set[str]) -> str:
    if settings.is_locked(key):
        return "preset (locked)"
    if key in user_keys:
        return "user"
    return "preset" if key in preset.values else "default"


def run(args: argparse.Namespace) -> int:
    settings, preset = _load(args)
    if args.action == "set":
        return _set(settings, args.key, args.value)
    user_keys = set(settings.user_keys())
    rows: dict[str, Any] = {
        spec.key: {"value": value, "origin": _origin(settings, preset, spec.key, user_keys)}
        for spec, value in settings.items()
    }
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for key, row in rows.items():
            print(f"{key:<24} {row['value']!s:<40} {row['origin']}")
    return 0


def _set(settings: Settings, key: str, raw: str) -> int:
    spec = spec_for(key)
    try:
        value: Any = raw.lower() in ("1", "true", "yes") if spec.type is bool else spec.type(raw)
        settings.set(key, value)
    except PermissionError as exc:
        print(f"editor-app config: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"editor-app config: invalid value: {exc}", file=sys.stderr)
        return 2
    return 0
