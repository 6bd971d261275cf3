"""Start-up: the real app to a shown, responsive main window, against a bare PySide6 window.

Both are started the same way in the same run: a fresh ``python`` subprocess, offscreen, timed from
spawn until the process prints READY. Both print it from a zero-delay timer queued when the window
gets its first Paint event, so READY means the whole first frame has been drawn and the event loop
is turning (answering input). The app's READY comes from its driver hook (ui/driver.py); the work
it queues for after its first frame (opening the store on its worker, importing the review and
submit paths on the pool, the window icon) is then timed to SETTLED, the moment the last of it has
run on the GUI thread: printed beside, not part of the goal. The app gets a home whose store
already exists (the usual start); a first start on an empty home (migrations, catalog
compilation) is printed separately. Both run as installed programs do, with compiled bytecode
(cached in the temporary folder, never in the project): PYTHONDONTWRITEBYTECODE would make every
app start recompile every module of its own. Bare and app runs alternate, so load changes hit
both alike. Goal: median app / median bare <= 1.5.

    python -m benchmarks.bench_startup [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.5
# READY: the first frame is drawn and the loop turns (a filter installed last runs first, so this
# timer is queued before the app's own after-first-paint work); a window never painted ends the
# run after 20 s instead of hanging.
_PROBE = """
from PySide6.QtCore import QEvent, QObject, QTimer


class FirstFrame(QObject):
    def __init__(self, window, settled):
        super().__init__(window)
        self.settled = settled
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print("READY", flush=True))
            QTimer.singleShot(0, self.settled)
        return False


def probe(window, settled):
    window.ready_probe = FirstFrame(window, settled)
    QTimer.singleShot(20_000, lambda: (print("NO FIRST PAINT", flush=True), window.close()))
"""
BARE = _PROBE + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
probe(window, lambda: (print("SETTLED", flush=True), window.close()))
window.show()
app.exec()
"""
DRIVER = _PROBE + """

def drive(window):
    from editor_app.ui.first_paint import after_first_paint

    def settled():  # behind what the app queued for its first paint, and one more loop turn
        after_first_paint(window, lambda: QTimer.singleShot(
            0, lambda: (print("SETTLED", flush=True), window.close())))

    probe(window, settled)
"""
MARKERS = ("READY", "SETTLED")


def _time_to_markers(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each marker line; the process runs to its end (no broken pipe)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    with process.stdout:
        for line in process.stdout:
            if line.strip() in MARKERS:
                seen.setdefault(line.strip(), time.perf_counter() - start)
    status = process.wait(60)
    if "READY" not in seen:
        raise RuntimeError(f"{command[:3]} exited without READY (status {status})")
    return seen


def _time_to_ready(command: list[str], env: dict[str, str]) -> float:
    return _time_to_markers(command, env)["READY"]


def measure(runs: int) -> dict[str, list[float]]:
    """Alternating bare and app starts: seconds to READY (and the app's to SETTLED)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("EDITOR_APP_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {"bare": [], "app": [], "settled": [], "first": []}
    with tempfile.TemporaryDirectory() as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        driver = Path(tmp) / "ready_driver.py"
        driver.write_text(DRIVER, encoding="utf-8")
        home = Path(tmp) / "home"
        app_env = {**env, "EDITOR_APP_DRIVER": str(driver)}
        app = [sys.executable, "-m", "editor_app", "--home", str(home), "--no-demo-portal"]
        bare = [sys.executable, "-c", BARE]
        times["first"].append(_time_to_ready(app, app_env))
        _time_to_ready(bare, env)  # warm the OS file cache for both
        for _ in range(runs):
            times["bare"].append(_time_to_ready(bare, env))
            marks = _time_to_markers(app, app_env)
            times["app"].append(marks["READY"])
            times["settled"].append(marks.get("SETTLED", float("nan")))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    times = measure(args.runs)
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    ratio = app / bare
    print(f"bare PySide6 window : median {bare * 1000:7.1f} ms over {args.runs} runs")
    print(f"editor-app          : median {app * 1000:7.1f} ms over {args.runs} runs")
    print(f"editor-app settled  : median {statistics.median(times['settled']) * 1000:7.1f} ms "
          "(its after-first-frame work done on the GUI thread; not in the goal)")
    print(f"editor-app 1st start: {times['first'][0] * 1000:7.1f} ms "
          "(empty home: migrations, catalog)")
    print(f"ratio app/bare      : {ratio:.2f}x (goal <= {GOAL}x) "
          f"{'OK' if ratio <= GOAL else 'OVER GOAL'}")
    print(f"load average        : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
