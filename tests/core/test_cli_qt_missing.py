"""Without the system libraries Qt needs, the window says what to install (no traceback), and
the headless commands, which never load Qt, still work."""

from __future__ import annotations

import subprocess
import sys

import pytest

from editor_app.cli import _qt_missing


def test_a_missing_qt_library_names_the_packages(capsys: pytest.CaptureFixture[str]) -> None:
    status = _qt_missing(ImportError(
        "libEGL.so.1: cannot open shared object file: No such file or directory"))
    err = capsys.readouterr().err
    assert status == 1
    assert "libEGL.so.1" in err and "apt-get install" in err and "libegl1" in err


def test_without_qt_the_gui_fails_plainly_and_commands_still_run(tmp_path) -> None:
    """PySide6 made unimportable in a real subprocess (as a broken install would be)."""
    blocker = "import sys; sys.modules['PySide6'] = None; from editor_app.cli import main; "
    gui = subprocess.run([sys.executable, "-c", blocker + "sys.exit(main(['--home', "
                          f"{str(tmp_path)!r}]))"], capture_output=True, text=True)
    assert gui.returncode == 1 and "the window cannot start" in gui.stderr
    assert "Traceback" not in gui.stderr
    (tmp_path / "a.txt").write_text("Cộng hoà\n", encoding="utf-8")
    headless = subprocess.run([sys.executable, "-c", blocker + "sys.exit(main(['detect', "
                               f"{str(tmp_path / 'a.txt')!r}]))"], capture_output=True, text=True)
    assert headless.returncode == 0 and "unicode" in headless.stdout
