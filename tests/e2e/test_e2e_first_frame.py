"""The real app's first frame: the main window with its drafts list, drawn before Qt's namespace.

Starts the app as a subprocess on a temporary --home (offscreen), driven by driver_first_frame.py.
The frame must already be the real window (Vietnamese column titles, the centred placeholder),
and the drafts model must replace the header-only one by itself once the app runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent


def _first_frame(home: Path) -> dict[str, object]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "EDITOR_APP_DRIVER": str(HERE / "driver_first_frame.py")}
    environment.pop("EDITOR_APP_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "--home", str(home), "--no-demo-portal",
         "--no-error-dialogs", "--lang", "vi"],
        capture_output=True, text=True, encoding="utf-8", env=environment, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("FIRST FRAME ")]
    assert result.returncode == 0 and lines, result.stdout + result.stderr
    return dict(json.loads(lines[0].removeprefix("FIRST FRAME ")))


def test_first_frame_is_the_real_window_drawn_without_the_qt_namespace(tmp_path):
    report = _first_frame(tmp_path / "home")
    assert report["window"] == "MainWindow" and report["drafts_visible"] is True
    assert report["header"] == ["Tiêu đề", "Chuyên mục", "Trạng thái", "Cập nhật", "Hạn đăng"]
    assert report["placeholder_centered"] is True
    assert report["qt_namespace_built"] is False  # ~15 ms kept out of the first frame
    assert report["model"] == "DraftsModel"
    assert report["sorted_by"] == [3, True]  # newest first, as before the store opened
