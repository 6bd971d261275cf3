"""One declared settings schema, layered: defaults < IT preset < the user's own file.

Every setting is declared once here with its type, default and a label; the settings dialog is
generated from this list, so a new setting needs no UI code. The IT preset (see
:func:`editor_app.core.paths.system_preset_file`) may lock keys: a locked key keeps the preset's
value whatever the user's file says, and the dialog shows it read-only.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("editor_app.settings")


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key, Python type, default and labels (Vietnamese, English)."""

    key: str
    type: type
    default: Any
    label_vi: str
    label_en: str
    choices: tuple[str, ...] = ()
    help_vi: str = ""
    help_en: str = ""


SCHEMA: tuple[SettingSpec, ...] = (
    SettingSpec("language", str, "vi", "Ngôn ngữ giao diện", "Interface language",
                choices=("vi", "en")),
    SettingSpec("profile_id", str, "national", "Quy chế cổng (hồ sơ)", "Portal profile",
                help_vi="Bộ quy tắc của cổng thông tin điện tử tỉnh",
                help_en="The rule set of the province's portal"),
    SettingSpec("portal_url", str, "", "Địa chỉ cổng", "Portal address",
                help_vi="Để trống để dùng cổng thử nghiệm trên máy này",
                help_en="Leave empty to use the local demo portal"),
    SettingSpec("portal_username", str, "", "Tên đăng nhập", "User name"),
    SettingSpec("ca_bundle", str, "", "Tệp chứng thư CA", "CA bundle file",
                help_vi="Chứng thư gốc của mạng cơ quan (nếu có)",
                help_en="Root certificates of the agency network, if any"),
    SettingSpec("proxy", str, "", "Máy chủ proxy", "HTTP proxy",
                help_vi="Ví dụ http://proxy.so.gov.vn:8080; để trống dùng biến môi trường",
                help_en="e.g. http://proxy:8080; empty uses the environment"),
    SettingSpec("unit", str, "", "Đơn vị", "Unit"),
    SettingSpec("pen_name", str, "", "Bút danh mặc định", "Default pen name"),
    SettingSpec("real_name", str, "", "Họ và tên", "Full name"),
    SettingSpec("autosave_seconds", float, 1.0, "Tự lưu sau (giây)", "Autosave after (seconds)"),
    SettingSpec("sync_interval_minutes", int, 5, "Đồng bộ mỗi (phút)", "Sync every (minutes)"),
    SettingSpec("tone_style", str, "keep", "Kiểu đặt dấu thanh", "Tone-mark style",
                choices=("keep", "old", "new")),
)

_BY_KEY = {spec.key: spec for spec in SCHEMA}


def spec_for(key: str) -> SettingSpec:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def _coerce(spec: SettingSpec, value: Any) -> Any:
    """Values from JSON files are checked against the schema; a bad one falls back."""
    if spec.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, spec.type) or isinstance(value, bool) != (spec.type is bool):
        raise ValueError(f"{spec.key}: expected {spec.type.__name__}, got {value!r}")
    if spec.choices and value not in spec.choices:
        raise ValueError(f"{spec.key}: {value!r} not in {spec.choices}")
    return value


def _read_json(path: Path) -> dict[str, Any]:
    try:  # utf-8-sig: IT's presets are often saved by Notepad or Inno Setup with a BOM
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Preset:
    """What IT placed beneath the user's settings: values, and which of them are locked."""

    values: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Preset:
        raw = _read_json(path)
        locked = raw.pop("locked", [])
        values = _valid_values(raw.get("settings", raw), path)
        return cls(values, frozenset(k for k in locked if k in values))


def _valid_values(raw: dict[str, Any], origin: Path) -> dict[str, Any]:
    values = {}
    for key, value in raw.items():
        if key not in _BY_KEY:
            continue
        try:
            values[key] = _coerce(_BY_KEY[key], value)
        except ValueError as exc:
            log.warning("ignoring setting from %s: %s", origin, exc)
    return values


class Settings:
    """The effective settings; writes go to the user's file atomically."""

    def __init__(self, user_file: Path, preset: Preset | None = None) -> None:
        self._user_file = user_file
        self._preset = preset or Preset()
        self._user = _valid_values(_read_json(user_file), user_file)

    def get(self, key: str) -> Any:
        spec = spec_for(key)
        if key in self._preset.locked:
            return self._preset.values[key]
        if key in self._user:
            return self._user[key]
        return self._preset.values.get(key, spec.default)

    def is_locked(self, key: str) -> bool:
        return key in self._preset.locked

    def set(self, key: str, value: Any) -> None:
        """Store a user value; a locked key refuses with PermissionError."""
        spec = spec_for(key)
        if self.is_locked(key):
            raise PermissionError(f"setting {key!r} is locked by the IT preset")
        self._user[key] = _coerce(spec, value)
        self._save()

    def user_keys(self) -> list[str]:
        """Keys the user has set themselves (for showing where a value comes from)."""
        return list(self._user)

    def items(self) -> Iterator[tuple[SettingSpec, Any]]:
        for spec in SCHEMA:
            yield spec, self.get(spec.key)

    def _save(self) -> None:
        import tempfile  # with shutil and random, ~3 ms the start-up does not need

        self._user_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._user_file.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._user, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self._user_file)
