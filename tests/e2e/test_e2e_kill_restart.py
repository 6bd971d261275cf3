"""Nothing is lost: the REAL app, killed with SIGKILL mid-typing, keeps all but the last 2 s.

The app runs as a subprocess on a temporary --home, driven by driver_type_and_attach.py through
the EDITOR_APP_DRIVER hook (see editor_app/ui/driver.py). The test reads the driver's timestamped
markers, kills the process with SIGKILL while it types, restarts the app with driver_dump.py and
checks that everything typed more than 2 s before the kill is there, and that the store is intact.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32",
                                                  reason="SIGKILL is POSIX")]

HERE = Path(__file__).resolve().parent
TYPING_BEFORE_KILL_S = 5.0
LOSS_WINDOW_S = 2.0
sys.path.insert(0, str(HERE))
from driver_type_and_attach import TITLE, word  # noqa: E402


def _start(home: Path, driver: str, **env: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "EDITOR_APP_DRIVER": str(HERE / driver), **env}
    environment.pop("EDITOR_APP_HOME", None)
    return subprocess.Popen(
        [sys.executable, "-m", "editor_app", "--home", str(home), "--no-demo-portal",
         "--no-error-dialogs"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        env=environment)


def _reader(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


def _next_marker(lines: queue.Queue[str], kind: str, timeout: float,
                 log: list[str]) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            break
        log.append(line)
        parts = line.split(" ", 2)
        if parts[:2] == ["E2E", kind]:
            return parts
    raise AssertionError(f"no 'E2E {kind}' marker in {timeout} s; output:\n" + "\n".join(log))


def test_sigkill_while_typing_loses_at_most_the_last_two_seconds(tmp_path: Path):
    home = tmp_path / "home"
    attachment = tmp_path / "to-trinh.txt"
    original = "Tờ trình số 12/TTr-STTTT về Đề án chuyển đổi số\n".encode()
    attachment.write_bytes(original)
    log: list[str] = []
    app = _start(home, "driver_type_and_attach.py", E2E_ATTACH=str(attachment))
    lines, pump = _reader(app)
    try:
        _next_marker(lines, "attached", 60, log)
        typed: list[tuple[float, int]] = []
        first = float(_next_marker(lines, "typed", 10, log)[2].split()[0])
        while time.time() - first < TYPING_BEFORE_KILL_S:
            stamp, count = _next_marker(lines, "typed", 10, log)[2].split()
            typed.append((float(stamp), int(count)))
        killed_at = time.time()
        os.kill(app.pid, signal.SIGKILL)
        app.wait(10)
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(10)
        pump.join(10)
        assert app.stdout is not None
        app.stdout.close()
    attachment.unlink()  # the store must not need the user's original any more

    safe = max(count for stamp, count in typed if stamp <= killed_at - LOSS_WINDOW_S)
    restarted = _start(home, "driver_dump.py")
    out, _ = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, out
    dump = json.loads(next(x for x in out.splitlines() if x.startswith("E2E dump "))[9:])

    assert dump["title"] == TITLE
    assert dump["attachments"] == ["to-trinh.txt"]
    expected = " ".join(word(i) for i in range(safe))
    assert dump["body"].startswith(expected), (safe, dump["body"][-200:])
    _assert_store_intact(home, original)


def _assert_store_intact(home: Path, original: bytes) -> None:
    from editor_app.core.paths import resolve_paths
    from editor_app.store import open_store

    paths = resolve_paths(home)
    with sqlite3.connect(paths.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = open_store(paths)
    try:
        (summary,) = store.drafts.list()
        (ref,) = store.drafts.get(summary.id).attachments
        assert store.blobs.path(ref.sha256).read_bytes() == original
    finally:
        store.close()


def test_self_test_exits_zero_on_a_fresh_home(tmp_path: Path):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("EDITOR_APP_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "--home", str(tmp_path / "home"), "--self-test"],
        capture_output=True, text=True, timeout=120, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    assert "self-test: ok" in result.stdout


def test_self_test_fails_clearly_when_the_home_is_unusable(tmp_path: Path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "--home", str(blocker), "--self-test"],
        capture_output=True, text=True, timeout=120, env=environment, check=False)
    assert result.returncode != 0
    assert "editor-app" in result.stderr and "Traceback" not in result.stderr
