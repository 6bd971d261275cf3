"""Compile the Qt catalogs and stage resources/ for a wheel or a frozen build.

Used by setup.py (wheel builds: resources/ becomes ``editor_app/_resources``) and by
installer/build.py (frozen builds). Standard library only, because a wheel is built in an isolated
environment that has neither PySide6 nor the app: lrelease is then looked for on PATH, and when
none is found a catalog ships as its ``.ts`` source, which the app compiles into its cache on first
start (``editor_app/ui/i18n.py``). Each catalog ships as exactly one of ``.qm`` or ``.ts``: an
installed wheel's file times follow the order of extraction, so shipping both would let the app
take a fresh .qm for stale and compile it again.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

LRELEASE_ENV = "EDITOR_APP_LRELEASE"
# Folders of resources/ that ship; anything else there (editor backups, notes) stays behind.
SHIPPED_FOLDERS = ("profiles", "icons", "styles")


def find_lrelease() -> str | None:
    """Qt's lrelease: $EDITOR_APP_LRELEASE, the PySide6 wheel's own, or one on PATH."""
    explicit = os.environ.get(LRELEASE_ENV)
    if explicit:
        return explicit
    spec = importlib.util.find_spec("PySide6")  # isolated wheel builds have none
    if spec is not None and spec.origin:
        exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
        bundled = Path(spec.origin).resolve().parent / exe
        if bundled.is_file():
            return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalog(lrelease: str, ts: Path, qm: Path) -> bool:
    """``lrelease ts -qm qm``; True when a non-empty .qm was written."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],
                                capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"lrelease {lrelease!r} did not run for {ts.name}: {exc}", file=sys.stderr)
        return False
    if result.returncode != 0:
        print(f"lrelease failed for {ts.name}: {result.stderr.strip()}", file=sys.stderr)
        return False
    return qm.is_file() and qm.stat().st_size > 0


def compile_in_place(translations: Path, lrelease: str | None) -> list[Path]:
    """Compile every ``*.ts`` of ``translations`` beside itself; the .qm files made."""
    if lrelease is None:
        return []
    return [ts.with_suffix(".qm") for ts in sorted(translations.glob("*.ts"))
            if compile_catalog(lrelease, ts, ts.with_suffix(".qm"))]


def stage_resources(source: Path, target: Path, lrelease: str | None) -> list[str]:
    """Copy ``source`` (resources/) to ``target`` with catalogs compiled where possible.

    Returns the shipped catalog file names. Raises FileNotFoundError when ``source`` has no
    profiles: a build without them would only fail later, on the user's machine.
    """
    if not (source / "profiles").is_dir():
        raise FileNotFoundError(f"no profiles under {source}")
    if target.exists():
        shutil.rmtree(target)
    for folder in SHIPPED_FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
        else:
            (target / folder).mkdir(parents=True)
    return _stage_catalogs(source / "translations", target / "translations", lrelease)


def _stage_catalogs(source: Path, target: Path, lrelease: str | None) -> list[str]:
    target.mkdir(parents=True, exist_ok=True)
    shipped = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        if lrelease is not None and compile_catalog(lrelease, ts, qm):
            shipped.append(qm.name)
        else:
            qm.unlink(missing_ok=True)
            shutil.copy2(ts, target / ts.name)
            shipped.append(ts.name)
    return shipped
