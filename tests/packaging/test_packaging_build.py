"""installer/build.py's checks and build environment, and the spec's refusal to ship English only.

Real programs: the spec runs under the real PyInstaller (it stops before the analysis, so this
takes seconds), the version check runs the real ``editor-app`` of this environment, the size check
measures real files. Freezing itself is not repeated here: CI runs ``installer/build.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import INSTALLER, load_installer_module

from editor_app import __version__

build = load_installer_module("build")
build_env = load_installer_module("build_env")


def test_the_spec_refuses_to_build_when_no_catalog_compiles(tmp_path):
    env = {**os.environ, "EDITOR_APP_LRELEASE": shutil.which("false") or "false"}
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(INSTALLER / "editor_app.spec")],
        env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode != 0
    assert "translations not compiled to .qm" in result.stderr
    assert not (tmp_path / "dist" / "editor-app").exists()


def test_the_version_check_accepts_the_real_app_and_refuses_another_version():
    exe = Path(sys.executable).with_name("editor-app")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    build.check_version(exe, env, __version__)
    with pytest.raises(build.BuildError, match=re.escape("expected 'editor-app 9.9.9'")):
        build.check_version(exe, env, "9.9.9")


def test_the_size_check_fails_loudly_over_the_limit(tmp_path, capsys):
    bundle = tmp_path / "editor-app"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "lib.so").write_bytes(b"\0" * 2_000_000)
    (bundle / "link.so").symlink_to(bundle / "_internal" / "lib.so")  # counted once
    assert build.check_size(bundle, limit_mb=3) == pytest.approx(2.0)
    assert "bundle size: 2.0 MB" in capsys.readouterr().out
    with pytest.raises(build.BuildError, match=re.escape("over the 1.5 MB limit")):
        build.check_size(bundle, limit_mb=1.5)


def test_the_requirements_are_the_projects_plus_pyinstaller():
    wanted = build_env.requirements()
    names = [build_env._name(r) for r in wanted]
    assert "pyside6-essentials" in names and "sqlalchemy" in names
    assert names[-1] == "pyinstaller"
    assert build_env.missing(wanted) == []  # this environment can build


def test_missing_requirements_are_found_by_name_and_by_version():
    assert build_env.missing(["surely-not-a-distribution-xyz>=1"]) == [
        "surely-not-a-distribution-xyz>=1"]
    assert build_env.missing(["pytest<1"]) == ["pytest<1"]
    assert build_env.missing(["pytest>=1"]) == []
    with pytest.raises(ValueError):
        build_env.missing([";;"])


def test_an_old_python_gets_one_clear_instruction(monkeypatch, capsys):
    monkeypatch.setattr(build_env, "MIN_PYTHON", (99, 0))
    assert build_env.reexec_in_build_venv_if_needed([]) == 2
    assert "needs Python 99.0 or newer" in capsys.readouterr().err


def test_the_inno_version_file_is_what_iscc_includes(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "ROOT", tmp_path)
    written = build.write_inno_version("1.2.3")
    assert written == tmp_path / "build" / "app_version.iss"
    assert written.read_text(encoding="ascii") == '#define AppVersion "1.2.3"\n'
