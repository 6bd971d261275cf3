"""Resources found the same way in every layout, and staged with the catalogs compiled.

Real files throughout: the project's own resources/ is staged with the real lrelease of the
PySide6 wheel, the .qm files are loaded by a real QTranslator, and the frozen layout is the
folder a PyInstaller build has (``sys._MEIPASS/resources``), made by the same staging function
the spec uses. ``sys._MEIPASS`` is the one thing set by hand: only PyInstaller's bootloader sets
it, and it cannot run inside pytest.
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_support import PROJECT_ROOT, load_installer_module
from PySide6.QtCore import QTranslator

from editor_app.core import paths, resources
from editor_app.core.settings import Preset

catalogs = load_installer_module("catalogs")
SOURCE = PROJECT_ROOT / "resources"
CATALOG_STEMS = sorted(ts.stem for ts in (SOURCE / "translations").glob("*.ts"))


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    """resources_root() is cached per process: forget it before and after the test."""
    resources.resources_root.cache_clear()
    yield
    resources.resources_root.cache_clear()


@pytest.fixture
def lrelease() -> str:
    found = catalogs.find_lrelease()
    assert found is not None, "the PySide6 wheel ships lrelease"
    return str(found)


def test_a_checkout_finds_its_own_resources_folder(fresh_lookup):
    assert resources.resources_root() == SOURCE
    assert resources.resource_path("profiles", "son-la.toml").is_file()


def test_a_frozen_bundle_finds_resources_under_meipass(fresh_lookup, tmp_path, monkeypatch):
    catalogs.stage_resources(SOURCE, tmp_path / "resources", None)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == tmp_path / "resources"


def test_a_folder_without_the_national_profile_is_not_taken(fresh_lookup, tmp_path, monkeypatch):
    (tmp_path / "resources" / "profiles").mkdir(parents=True)  # someone else's "resources"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == SOURCE


def test_staging_compiles_every_catalog_and_copies_the_rest(tmp_path, lrelease, qapp):
    shipped = catalogs.stage_resources(SOURCE, tmp_path / "staged", lrelease)
    assert shipped == [f"{stem}.qm" for stem in CATALOG_STEMS]
    staged = tmp_path / "staged"
    assert not list((staged / "translations").glob("*.ts"))
    assert (staged / "profiles" / "national.toml").read_bytes() == (
        SOURCE / "profiles" / "national.toml").read_bytes()
    assert (staged / "icons" / "editor-app-256.png").is_file()
    translator = QTranslator()
    assert translator.load(str(staged / "translations" / "editor_app_vi.qm"))
    assert translator.translate("MainWindow", "Editorial workstation") == "Trạm biên tập"


def test_without_lrelease_the_sources_ship_for_the_app_to_compile(tmp_path):
    shipped = catalogs.stage_resources(SOURCE, tmp_path / "staged", None)
    assert shipped == [f"{stem}.ts" for stem in CATALOG_STEMS]
    assert not list((tmp_path / "staged" / "translations").glob("*.qm"))


@pytest.mark.parametrize("broken", ["false", "no-such-lrelease-anywhere"])
def test_a_failing_lrelease_falls_back_to_the_sources(tmp_path, broken):
    command = shutil.which(broken) or str(tmp_path / broken)
    shipped = catalogs.stage_resources(SOURCE, tmp_path / "staged", command)
    assert shipped == [f"{stem}.ts" for stem in CATALOG_STEMS]


def test_a_broken_catalog_falls_back_alone(tmp_path, lrelease):
    source = tmp_path / "resources"
    shutil.copytree(SOURCE, source, ignore=shutil.ignore_patterns("*.qm"))
    (source / "translations" / "broken_vi.ts").write_text("<TS><context>", encoding="utf-8")
    shipped = catalogs.stage_resources(source, tmp_path / "staged", lrelease)
    assert "broken_vi.ts" in shipped
    assert "editor_app_vi.qm" in shipped


def test_staging_refuses_a_tree_without_profiles(tmp_path):
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    with pytest.raises(FileNotFoundError):
        catalogs.stage_resources(tmp_path / "resources", tmp_path / "staged", None)


def test_explicit_lrelease_from_the_environment_wins(monkeypatch):
    monkeypatch.setenv(catalogs.LRELEASE_ENV, "/opt/qt/bin/lrelease")
    assert catalogs.find_lrelease() == "/opt/qt/bin/lrelease"


def test_a_preset_with_a_bom_and_vietnamese_values_is_read(tmp_path):
    """As Notepad or Inno Setup's SaveStringsToUTF8File write it."""
    preset = tmp_path / "preset.json"
    preset.write_text('{"settings": {"unit": "Sở Nội vụ", "ca_bundle": "C:\\\\Chứng thư\\\\g.pem"},'
                      ' "locked": ["unit"]}', encoding="utf-8-sig")
    loaded = Preset.load(preset)
    assert loaded.values == {"unit": "Sở Nội vụ", "ca_bundle": "C:\\Chứng thư\\g.pem"}
    assert loaded.locked == frozenset({"unit"})


def test_a_preset_in_a_legacy_code_page_is_ignored_not_fatal(tmp_path, caplog):
    preset = tmp_path / "preset.json"
    text = unicodedata.normalize("NFD", '{"settings": {"unit": "Phòng Đào tạo"}}')
    preset.write_bytes(text.encode("cp1258"))  # as Windows' "ANSI" on a Vietnamese system
    assert Preset.load(preset).values == {}
    assert "unreadable settings file" in caplog.text


@pytest.mark.skipif(os.name == "nt", reason="the installer script is checked on POSIX only")
def test_the_inno_script_is_ascii_and_writes_utf8():
    script = (PROJECT_ROOT / "installer" / "windows" / "editor-app.iss").read_bytes()
    script.decode("ascii")  # how ISCC reads the script's own encoding never matters
    text = script.decode("ascii")
    assert "SaveStringsToUTF8FileWithoutBOM" in text
    assert "SaveStringToFile(" not in text  # writes the ANSI code page: Vietnamese lost
    assert "build\\app_version.iss" in text and '#define AppVersion "' not in text


def test_on_macos_the_preset_lives_outside_the_signed_bundle(monkeypatch, tmp_path):
    """sys.platform and sys.frozen are set by hand: no Mac and no frozen bundle run here."""
    monkeypatch.delenv("EDITOR_APP_PRESET", raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Contents" / "MacOS" / "editor-app"))
    (tmp_path / "Contents" / "MacOS").mkdir(parents=True)
    (tmp_path / "Contents" / "MacOS" / "preset.json").write_text("{}")  # never read from here
    assert paths.system_preset_file() == Path(
        "/Library/Application Support/editor-app/preset.json")


def test_elsewhere_a_preset_beside_the_frozen_executable_wins(monkeypatch, tmp_path):
    monkeypatch.delenv("EDITOR_APP_PRESET", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "editor-app"))
    (tmp_path / "preset.json").write_text("{}")
    assert paths.system_preset_file() == tmp_path / "preset.json"
    monkeypatch.setenv("EDITOR_APP_PRESET", str(tmp_path / "explicit.json"))
    assert paths.system_preset_file() == tmp_path / "explicit.json"
