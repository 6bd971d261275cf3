"""Start-up: the real app to a shown, responsive main window, against a bare PySide6 window.

Both are started the same way in the same run: a fresh ``python`` subprocess, offscreen, timed from
spawn until the process prints READY from a zero-delay timer queued after ``show()`` (so the event
loop is running and answering). The app gets a home whose store already exists (the usual start);
a first start on an empty home (migrations, catalog compilation) is printed separately. Both run
as installed programs do, with compiled bytecode (cached in the temporary folder, never in the
project): PYTHONDONTWRITEBYTECODE would make every app start recompile every module of its own.
Goal: median app / median bare <= 1.5.

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
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), window.close()))
app.exec()
"""
DRIVER = """
def drive(window):
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, lambda: (print("READY", flush=True), window.close()))
"""


def _time_to_ready(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env)
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.strip() == "READY":
                return time.perf_counter() - start
        raise RuntimeError(f"{command[:3]} exited without READY (status {process.wait()})")
    finally:
        process.stdout.close()
        process.wait(60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("EDITOR_APP_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        driver = Path(tmp) / "ready_driver.py"
        driver.write_text(DRIVER, encoding="utf-8")
        home = Path(tmp) / "home"
        app_env = {**env, "EDITOR_APP_DRIVER": str(driver)}
        app = [sys.executable, "-m", "editor_app", "--home", str(home), "--no-demo-portal"]
        bare = [sys.executable, "-c", BARE]
        first = _time_to_ready(app, app_env)
        _time_to_ready(bare, env)  # warm the OS file cache for both
        app_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(_time_to_ready(bare, env))
            app_times.append(_time_to_ready(app, app_env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"bare PySide6 window : median {bare_median * 1000:7.1f} ms over {args.runs} runs")
    print(f"editor-app          : median {app_median * 1000:7.1f} ms over {args.runs} runs")
    print(f"editor-app 1st start: {first * 1000:7.1f} ms (empty home: migrations, catalog)")
    print(f"ratio app/bare      : {ratio:.2f}x (goal <= {GOAL}x) "
          f"{'OK' if ratio <= GOAL else 'OVER GOAL'}")
    print(f"load average        : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
