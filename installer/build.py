"""Build the frozen desktop app and smoke-test it; fail loudly if anything is wrong.

    python installer/build.py              # dist/editor-app/ (onedir) + smoke test
    python installer/build.py --archive    # also dist/editor-app-<version>-linux-<arch>.tar.gz

Works from a fresh clone with any Python 3.11+: when this interpreter lacks the app's dependencies
or PyInstaller, it builds inside build/venv (made or reused, see installer/build_env.py). Steps:
run the one spec (which compiles the catalogs and refuses to build without them), then run the
frozen app: ``--version`` must print this checkout's ``__version__``, ``--self-test`` offscreen must
pass (store, profile, Vietnamese catalog, icon), an IT preset must change the portal address a
fresh home sees, Qt's (trimmed) ICU data must still sort and upper-case Vietnamese, and ``check``
must start its inspection workers. Finally the onedir bundle must stay under 150 MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "editor-app"
SIZE_LIMIT_MB = 150


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


def freeze() -> None:
    env = dict(os.environ)
    if env.get("EDITOR_APP_CODESIGN_IDENTITY"):
        env["PYINSTALLER_STRICT_BUNDLE_CODESIGN_ERROR"] = "1"  # a failed signature stops the build
    result = run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                  "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                  str(ROOT / "installer" / "editor_app.spec")], env=env)
    for line in (result.stdout + result.stderr).splitlines():
        if line.startswith("editor-app spec:"):  # the spec's own notes (catalogs, ICU data)
            print(line, flush=True)


def executable() -> Path:
    name = "editor-app.exe" if os.name == "nt" else "editor-app"
    path = BUNDLE / name
    if not path.exists():
        raise BuildError(f"frozen executable missing: {path}")
    return path


def smoke_test(version: str) -> None:
    exe = executable()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("EDITOR_APP_HOME", None)
    env.pop("EDITOR_APP_PRESET", None)
    check_version(exe, env, version)
    with tempfile.TemporaryDirectory() as home:
        run([str(exe), "--home", home, "--self-test", "--no-demo-portal"], env=env, timeout=120)
        check_preset(exe, env, Path(home) / "fresh")
        check_qt_locale_data(exe, env, Path(home))
        check_inspection_workers(exe, env, Path(home))
    print("smoke test passed")


def check_version(exe: Path, env: dict[str, str], version: str) -> None:
    said = run([str(exe), "--version"], env=env, timeout=60).stdout.strip()
    print("frozen app says:", said)
    if said != f"editor-app {version}":
        raise BuildError(f"frozen --version printed {said!r}, expected 'editor-app {version}'")


# Written as Inno Setup or Notepad may write it: UTF-8 with a BOM, Vietnamese in the values.
PRESET_PORTAL = "https://cong-thu-nghiem.example.gov.vn"
PRESET_CA = "C:\\Chứng thư số\\gốc-cơ-quan.pem"


def check_preset(exe: Path, env: dict[str, str], home: Path) -> None:
    """An IT preset must reach a fresh profile, locked, with its Vietnamese intact.

    Beside the executable where the installers put it; on macOS that would break the bundle's
    signature, so there it is named through $EDITOR_APP_PRESET (its real place,
    /Library/Application Support/editor-app/, needs root).
    """
    preset = (home.parent / "preset.json") if sys.platform == "darwin" else (
        exe.parent / "preset.json")
    body = {"settings": {"portal_url": PRESET_PORTAL, "ca_bundle": PRESET_CA},
            "locked": ["portal_url"]}
    preset.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8-sig")
    run_env = {**env, "EDITOR_APP_PRESET": str(preset)} if sys.platform == "darwin" else env
    try:
        shown = run([str(exe), "--home", str(home), "config", "show", "--json"],
                    env=run_env, timeout=60).stdout
    finally:
        preset.unlink()
    rows = json.loads(shown)
    if rows["portal_url"] != {"value": PRESET_PORTAL, "origin": "preset (locked)"}:
        raise BuildError(f"the preset's portal address was not applied: {rows['portal_url']}")
    if rows["ca_bundle"].get("value") != PRESET_CA:
        raise BuildError(f"the preset's Vietnamese CA path did not survive: {rows['ca_bundle']}")


# Run inside the frozen app's window (ui/driver.py): Vietnamese collation, case mapping and
# time-zone names come from Qt's ICU data, which the Linux build trims (installer/icu_trim.py).
LOCALE_DRIVER = """
def drive(window):
    from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimer, QTimeZone
    vi = QLocale("vi_VN")
    zone = QTimeZone(QByteArray(b"Asia/Ho_Chi_Minh"))
    print("LOCALE", QCollator(vi).compare("đa", "dz"), QCollator(QLocale("en_US")).compare(
        "đa", "dz"), vi.toUpper("đà nẵng"), zone.displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, vi), sep="|", flush=True)
    QTimer.singleShot(0, window.close)
"""


def check_qt_locale_data(exe: Path, env: dict[str, str], home: Path) -> None:
    """Vietnamese sorts đ after d (English does not), upper-cases and names Vietnam's zone."""
    driver = home / "locale_driver.py"
    driver.write_text(LOCALE_DRIVER, encoding="utf-8")
    out = run([str(exe), "--home", str(home / "locale"), "--no-demo-portal"],
              env={**env, "EDITOR_APP_DRIVER": str(driver)}, timeout=120).stdout
    line = next((x for x in out.splitlines() if x.startswith("LOCALE|")), "")
    fields = line.split("|")[1:]
    if len(fields) != 4 or int(fields[0]) <= 0 or int(fields[1]) >= 0 or (
            fields[2] != "ĐÀ NẴNG" or not fields[3]):
        raise BuildError(f"Qt's locale data is incomplete in the frozen app: {line or out!r}")


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


def bundle_size_mb(bundle: Path = BUNDLE) -> float:
    total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def check_size(bundle: Path = BUNDLE, limit_mb: float = SIZE_LIMIT_MB) -> float:
    size = bundle_size_mb(bundle)
    print(f"bundle size: {size:.1f} MB (limit {limit_mb} MB)", flush=True)
    if size >= limit_mb:
        raise BuildError(f"the onedir bundle is {size:.1f} MB, over the {limit_mb} MB limit")
    return size


def write_inno_version(version: str) -> Path:
    """build/app_version.iss: the version the Windows installer script includes (ISCC)."""
    path = ROOT / "build" / "app_version.iss"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#define AppVersion "{version}"\n', encoding="ascii")
    return path


def linux_archive(version: str) -> Path:
    """A tar.gz with the onedir bundle, a .desktop file and the icons, unpackable anywhere."""
    out = DIST / f"editor-app-{version}-linux-{platform.machine()}.tar.gz"
    top = f"editor-app-{version}"
    icons = ROOT / "resources" / "icons"
    with tarfile.open(out, "w:gz") as archive:
        archive.add(BUNDLE, arcname=f"{top}/editor-app")
        for name in ("editor-app.desktop", "install.sh"):
            archive.add(ROOT / "installer" / "linux" / name, arcname=f"{top}/{name}")
        archive.add(icons / "editor-app.svg", arcname=f"{top}/icons/editor-app.svg")
        for png in sorted(icons.glob("editor-app-*.png")):
            archive.add(png, arcname=f"{top}/icons/{png.name}")
    return out


def _build_env() -> ModuleType:
    """installer/build_env.py, loaded by path: importing this file must not touch sys.path."""
    spec = importlib.util.spec_from_file_location("_editor_app_build_env",
                                                  Path(__file__).with_name("build_env.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also make the Linux tar.gz")
    parser.add_argument("--skip-freeze", action="store_true", help="only smoke-test dist/")
    args = parser.parse_args(argv)
    status = _build_env().reexec_in_build_venv_if_needed(argv)
    if status is not None:
        return status
    sys.path.insert(0, str(ROOT))
    from editor_app import __version__

    try:
        write_inno_version(__version__)
        if not args.skip_freeze:
            freeze()
        smoke_test(__version__)
        check_size()
        if args.archive and sys.platform.startswith("linux"):
            print("archive:", linux_archive(__version__))
    except (BuildError, subprocess.TimeoutExpired) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
