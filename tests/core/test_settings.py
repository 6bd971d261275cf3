import json
from pathlib import Path

import pytest

from editor_app.core.paths import resolve_paths
from editor_app.core.settings import Preset, Settings


def test_home_moves_every_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "h")
    for folder in (paths.data, paths.config, paths.logs, paths.cache):
        assert folder.is_relative_to(tmp_path / "h")


def test_user_value_overrides_preset_and_default(tmp_path: Path) -> None:
    preset = Preset(values={"portal_url": "https://cong.example.gov.vn"})
    settings = Settings(tmp_path / "s.json", preset)
    assert settings.get("portal_url") == "https://cong.example.gov.vn"
    assert settings.get("language") == "vi"
    settings.set("portal_url", "https://other.gov.vn")
    assert Settings(tmp_path / "s.json", preset).get("portal_url") == "https://other.gov.vn"


def test_locked_preset_key_wins_and_refuses_writes(tmp_path: Path) -> None:
    preset_file = tmp_path / "preset.json"
    preset_file.write_text(json.dumps({"settings": {"portal_url": "https://a.gov.vn"},
                                       "locked": ["portal_url"]}))
    user_file = tmp_path / "s.json"
    user_file.write_text(json.dumps({"portal_url": "https://user.example"}))
    settings = Settings(user_file, Preset.load(preset_file))
    assert settings.get("portal_url") == "https://a.gov.vn"
    assert settings.is_locked("portal_url")
    with pytest.raises(PermissionError):
        settings.set("portal_url", "x")


def test_bad_values_and_broken_files_fall_back(tmp_path: Path) -> None:
    user_file = tmp_path / "s.json"
    user_file.write_text('{"language": "fr", "autosave_seconds": "soon"')  # truncated JSON
    settings = Settings(user_file)
    assert settings.get("language") == "vi"
    user_file.write_text('{"language": "fr", "autosave_seconds": 3}')
    settings = Settings(user_file)
    assert settings.get("language") == "vi"
    assert settings.get("autosave_seconds") == 3.0
