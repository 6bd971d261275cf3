"""`editor-app config` run as a real subprocess, the way IT scripts use it."""

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str, env_extra: dict[str, str], home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "editor_app", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=60)


def test_preset_changes_portal_of_a_fresh_home_and_locks_it(tmp_path: Path) -> None:
    preset = tmp_path / "preset.json"
    preset.write_text(json.dumps({"settings": {"portal_url": "https://cong.example.gov.vn",
                                               "profile_id": "cao-bang"},
                                  "locked": ["portal_url"]}))
    env = {"EDITOR_APP_PRESET": str(preset)}
    shown = json.loads(_run("config", "show", "--json", env_extra=env, home=tmp_path / "h").stdout)
    locked = {"value": "https://cong.example.gov.vn", "origin": "preset (locked)"}
    assert shown["portal_url"] == locked
    assert shown["profile_id"] == {"value": "cao-bang", "origin": "preset"}
    refused = _run("config", "set", "portal_url", "https://x", env_extra=env, home=tmp_path / "h")
    assert refused.returncode == 1 and "locked" in refused.stderr
    assert _run("config", "set", "profile_id", "son-la", env_extra=env,
                home=tmp_path / "h").returncode == 0
    shown = json.loads(_run("config", "show", "--json", env_extra=env, home=tmp_path / "h").stdout)
    assert shown["profile_id"] == {"value": "son-la", "origin": "user"}


def test_invalid_value_is_bad_usage(tmp_path: Path) -> None:
    env = {"EDITOR_APP_PRESET": str(tmp_path / "none.json")}
    result = _run("config", "set", "sync_interval_minutes", "often", env_extra=env, home=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_option_values_are_not_taken_for_subcommands() -> None:
    from editor_app.cli import _first_positional

    assert _first_positional(["--lang", "vi", "--home", "x"]) is None
    assert _first_positional(["--home", "x", "--lang", "en", "detect", "f"]) == "detect"
    assert _first_positional(["--lang=vi"]) is None
