"""Shared test setup: Qt offscreen, a temporary app home per test, the real shared test data."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from hypothesis import settings
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No OS keyring runs here, and a developer's own must never receive test secrets. Pinning the
# "no backend" keyring (here and in every app the tests start) also keeps the choice from
# depending on test order: keyring picks from every KeyringBackend subclass defined so far, and
# test modules define in-memory ones that they pass explicitly where they need persistence.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
keyring.set_keyring(fail.Keyring())
# CI runs the property tests on a fixed sequence of examples, so a landing never depends on the
# day's random draw; on a developer's machine they keep exploring (and print what they find).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
os.environ.pop("EDITOR_APP_HOME", None)
os.environ.pop("EDITOR_APP_PRESET", None)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = PROJECT_ROOT.parent / "shared" / "testdata" / "real"


@pytest.fixture
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh app home: data, settings, logs and cache all under one temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("EDITOR_APP_HOME", str(home))
    monkeypatch.setenv("EDITOR_APP_PRESET", str(tmp_path / "no-preset.json"))
    return home


@pytest.fixture
def real_data() -> Path:
    """shared/testdata/real, or skip: those files are never copied into the project."""
    if not REAL_DATA.is_dir():
        pytest.skip("shared/testdata/real is not present beside the project")
    return REAL_DATA
