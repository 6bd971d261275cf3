"""Build the frozen desktop app and smoke-test it; fail loudly if anything is wrong.

    python installer/build.py              # dist/editor-app/ (onedir) + smoke test
    python installer/build.py --archive    # also dist/editor-app-<version>-linux-x86_64.tar.gz

Steps: install PyInstaller if missing, compile the Qt translations (.ts -> .qm), run the one spec,
then run the frozen `editor-app --version`, `--self-test` (offscreen) and a preset check (a
preset.json beside the executable must change the portal address a fresh home sees).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "editor-app"
SIZE_GOAL_MB = 150


class BuildError(RuntimeError):
    pass


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise BuildError(
            f"{cmd[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        run([sys.executable, "-m", "pip", "install", "pyinstaller>=6.5"])


def compile_translations() -> None:
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = shutil.which("pyside6-lrelease") or str(beside_python)
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))])


def freeze() -> None:
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
         str(ROOT / "installer" / "editor_app.spec")])


def executable() -> Path:
    name = "editor-app.exe" if os.name == "nt" else "editor-app"
    path = BUNDLE / name
    if not path.exists():
        raise BuildError(f"frozen executable missing: {path}")
    return path


def smoke_test() -> None:
    exe = executable()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("EDITOR_APP_HOME", None)
    env.pop("EDITOR_APP_PRESET", None)
    version = run([str(exe), "--version"], env=env).stdout.strip()
    print("frozen app says:", version)
    with tempfile.TemporaryDirectory() as home:
        run([str(exe), "--home", home, "--self-test", "--no-demo-portal"], env=env, timeout=120)
        check_preset(exe, env, Path(home) / "fresh")
        check_inspection_workers(exe, env, Path(home))
    print("smoke test passed")


def check_preset(exe: Path, env: dict[str, str], home: Path) -> None:
    """A preset.json beside the executable must reach a fresh profile, locked."""
    preset = exe.parent / "preset.json"
    portal = "https://cong-thu-nghiem.example.gov.vn"
    preset.write_text(json.dumps({"settings": {"portal_url": portal}, "locked": ["portal_url"]}))
    try:
        shown = run([str(exe), "--home", str(home), "config", "show", "--json"], env=env).stdout
    finally:
        preset.unlink()
    row = json.loads(shown)["portal_url"]
    if row != {"value": portal, "origin": "preset (locked)"}:
        raise BuildError(f"preset beside the executable was not applied: {row}")


def check_inspection_workers(exe: Path, env: dict[str, str], home: Path) -> None:
    """`check` parses files in worker processes: they must start inside the frozen build too."""
    sample = home / "mau-tcvn3.txt"
    sample.write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n".encode("latin-1"))
    result = subprocess.run([str(exe), "--home", str(home), "check", "--json", str(sample)],
                            env=env, text=True, capture_output=True, timeout=120)
    if result.returncode != 1 or '"text.legacy-encoding"' not in result.stdout:
        raise BuildError(
            f"frozen `check` did not flag TCVN3 text:\n{result.stdout}\n{result.stderr}"
        )


def bundle_size_mb() -> float:
    total = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def linux_archive(version: str) -> Path:
    """A tar.gz with the onedir bundle, a .desktop file and the icon, unpackable anywhere."""
    out = DIST / f"editor-app-{version}-linux-{platform.machine()}.tar.gz"
    top = f"editor-app-{version}"
    with tarfile.open(out, "w:gz") as archive:
        archive.add(BUNDLE, arcname=f"{top}/editor-app")
        for name in ("editor-app.desktop", "editor-app.svg", "install.sh"):
            archive.add(ROOT / "installer" / "linux" / name, arcname=f"{top}/{name}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also make the Linux tar.gz")
    parser.add_argument("--skip-freeze", action="store_true", help="only smoke-test dist/")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from editor_app import __version__

    try:
        if not args.skip_freeze:
            ensure_pyinstaller()
            compile_translations()
            freeze()
        smoke_test()
        size = bundle_size_mb()
        verdict = "ok" if size < SIZE_GOAL_MB else f"OVER the {SIZE_GOAL_MB} MB goal"
        print(f"bundle size: {size:.1f} MB ({verdict})")
        if args.archive and sys.platform.startswith("linux"):
            print("archive:", linux_archive(__version__))
    except (BuildError, subprocess.TimeoutExpired) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
