"""The Python that installer/build.py freezes with: this one if it has everything, else build/venv.

A fresh clone has no environment yet, and ``python installer/build.py`` must still work, so when
the running interpreter lacks a dependency of the app or PyInstaller, build.py makes (or reuses)
``build/venv``, installs exactly what pyproject.toml names there and re-runs itself inside it.
Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_VENV = ROOT / "build" / "venv"
INSIDE_ENV = "EDITOR_APP_BUILD_VENV"  # set when build.py re-runs itself in build/venv
MIN_PYTHON = (3, 11)
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def requirements() -> list[str]:
    """The app's dependencies plus the dev extra's PyInstaller, as pyproject.toml states them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev = project.get("optional-dependencies", {}).get("dev", [])
    freezer = [r for r in dev if _name(r) == "pyinstaller"] or ["pyinstaller>=6.5"]
    return [*project["dependencies"], *freezer]


def _name(requirement: str) -> str:
    match = _NAME.match(requirement)
    if match is None:
        raise ValueError(f"unreadable requirement {requirement!r} in pyproject.toml")
    return match.group(1).lower().replace("_", "-")


def missing(wanted: list[str]) -> list[str]:
    """Requirements the running interpreter does not satisfy."""
    absent = []
    for requirement in wanted:
        try:
            version = importlib.metadata.version(_name(requirement))
        except importlib.metadata.PackageNotFoundError:
            absent.append(requirement)
            continue
        if not _satisfies(requirement, version):
            absent.append(requirement)
    return absent


def _satisfies(requirement: str, version: str) -> bool:
    """Version ranges are checked when the ``packaging`` library is at hand (it is wherever pip
    or setuptools is recent), else presence alone counts."""
    try:
        from packaging.requirements import Requirement
    except ImportError:
        return True
    return Requirement(requirement).specifier.contains(version, prereleases=True)


def venv_python(folder: Path = BUILD_VENV) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def prepare_build_venv(wanted: list[str]) -> Path:
    """Create build/venv if needed and install ``wanted`` into it; its python."""
    python = venv_python()
    if not python.exists():
        print(f"build.py: creating the build environment {BUILD_VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(BUILD_VENV)
    else:
        print(f"build.py: reusing the build environment {BUILD_VENV}", flush=True)
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", *wanted]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    return python


def reexec_in_build_venv_if_needed(argv: list[str]) -> int | None:
    """None when this interpreter can build; else the exit status of the re-run in build/venv."""
    if sys.version_info < MIN_PYTHON:
        print(f"build.py needs Python {'.'.join(map(str, MIN_PYTHON))} or newer "
              f"(this is {sys.version.split()[0]}): run it with python3.11 or later",
              file=sys.stderr)
        return 2
    wanted = requirements()
    absent = missing(wanted)
    if not absent:
        return None
    if os.environ.get(INSIDE_ENV):
        print(f"build.py: build/venv still lacks {', '.join(absent)} after installing",
              file=sys.stderr)
        return 2
    print(f"build.py: {sys.executable} lacks {', '.join(absent)}; "
          f"building inside {BUILD_VENV} instead", flush=True)
    try:
        python = prepare_build_venv(wanted)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"build.py: could not prepare {BUILD_VENV}: {exc}\n"
              f"Install the app and PyInstaller yourself, then re-run: "
              f"python -m pip install -e '.[dev]' && python installer/build.py", file=sys.stderr)
        return 2
    env = {**os.environ, INSIDE_ENV: "1"}
    return subprocess.run([str(python), str(Path(__file__).with_name("build.py")), *argv],
                          env=env, check=False).returncode
