"""An installed (non-editable) wheel runs: resources, catalogs and both console scripts.

The wheel is built by pip from a copy of the working tree (so a stale build/ of the checkout
cannot leak into it) and installed into a fresh virtual environment whose only extra path is a
.pth to this environment's site-packages: the dependencies (PySide6 and the rest) are reused
instead of downloaded, and the checkout's editable install is not seen (its .pth is not processed
from there). Every command runs from a temporary folder, so nothing imports the checkout.
pip fetches setuptools and wheel for its isolated build (cached after the first run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging_support import PROJECT_ROOT, load_installer_module

from editor_app import __version__

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

IGNORED = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "__pycache__", "*.egg-info", "*.qm", ".mypy_cache",
    ".ruff_cache", ".hypothesis", ".pytest_cache", ".import_linter_cache", ".data", "tests")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    shutil.copytree(PROJECT_ROOT, source, ignore=IGNORED)
    lrelease = load_installer_module("catalogs").find_lrelease()
    assert lrelease is not None
    env = {**os.environ, "EDITOR_APP_LRELEASE": lrelease}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(root / "dist"), str(source)], check=True, env=env, timeout=300)
    (built,) = (root / "dist").glob("editor_app-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    reused = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "_reuse_test_deps.pth").write_text("\n".join(sorted(reused)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    str(wheel)], check=True, cwd=venv, timeout=300)
    return bin_dir


def _run(command: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("PYTHONPATH", None)
    environment.pop("EDITOR_APP_HOME", None)
    return subprocess.run([str(c) for c in command], cwd=cwd, env=environment, text=True,
                          capture_output=True, timeout=180, check=False)


def test_the_wheel_carries_resources_with_compiled_catalogs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "editor_app/_resources/profiles/son-la.toml" in names
    assert "editor_app/_resources/profiles/national.toml" in names
    assert "editor_app/_resources/translations/editor_app_vi.qm" in names
    assert "editor_app/_resources/icons/editor-app-256.png" in names
    assert "editor_app/store/migrations/alembic.ini" in names
    assert not [n for n in names if n.endswith(".ts")]  # each catalog ships once, compiled


def test_the_installed_app_reads_resources_from_the_wheel(installed, tmp_path):
    shown = _run([installed / "python", "-c",
                  "from editor_app.core.resources import resources_root; print(resources_root())"],
                 tmp_path)
    assert shown.returncode == 0, shown.stderr
    root = Path(shown.stdout.strip())
    assert root.name == "_resources" and installed.parent in root.parents


def test_the_installed_app_prints_its_version(installed, tmp_path):
    result = _run([installed / "editor-app", "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"editor-app {__version__}"


def test_the_installed_app_passes_its_self_test(installed, tmp_path):
    result = _run([installed / "editor-app", "--home", tmp_path / "home", "--self-test",
                   "--no-demo-portal"], tmp_path, EDITOR_APP_PRESET=str(tmp_path / "none.json"))
    assert result.returncode == 0, result.stderr
    assert "self-test: ok" in result.stdout and "language vi" in result.stdout


def test_the_installed_service_enforces_a_shipped_profile(installed, tmp_path):
    result = _run([installed / "review-queue", "--data", tmp_path / "queue", "profile", "set",
                   "son-la"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("enforcing profile son-la")
    shown = _run([installed / "review-queue", "--data", tmp_path / "queue", "profile", "show"],
                 tmp_path)
    assert shown.stdout.strip() == "son-la"
    unknown = _run([installed / "review-queue", "--data", tmp_path / "queue", "profile", "set",
                    "no-such-province"], tmp_path)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr


def test_a_build_without_the_vietnamese_catalog_fails_the_self_test(installed, tmp_path):
    """The self-test must catch a bundle with no translations (it used to pass).

    Runs last in this module: it removes the installed catalog, then puts it back.
    """
    catalog = next(installed.parent.glob("lib*/python*/site-packages/editor_app/_resources/"
                                         "translations/editor_app_vi.qm"), None)
    if catalog is None:  # Windows layout
        catalog = next(installed.parent.glob("Lib/site-packages/editor_app/_resources/"
                                             "translations/editor_app_vi.qm"))
    kept = catalog.read_bytes()
    catalog.unlink()
    try:
        result = _run([installed / "editor-app", "--home", tmp_path / "home", "--self-test",
                       "--no-demo-portal"], tmp_path, EDITOR_APP_PRESET=str(tmp_path / "x.json"))
    finally:
        catalog.write_bytes(kept)
    assert result.returncode == 1
    assert "Vietnamese interface catalog" in result.stderr
    assert "Traceback" not in result.stderr
