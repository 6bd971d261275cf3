"""Start-up of the frozen app against the same version run from source, in the same run.

Both start the same way (fresh process, offscreen, a home whose store exists, bytecode cached: the
source run's in a temporary PYTHONPYCACHEPREFIX after a first warm-up start, like bench_startup)
and are timed until the main window is shown and the event loop answers (the READY marker of
bench_startup's driver); the two alternate run by run so load changes hit both alike.
Goal: frozen median / source median <= 1.2. Needs ``python installer/build.py`` first.

    python -m benchmarks.bench_frozen_startup [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import DRIVER, _time_to_ready

GOAL = 1.2
FROZEN = Path(__file__).resolve().parent.parent / "dist" / "editor-app" / (
    "editor-app.exe" if os.name == "nt" else "editor-app"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    if not FROZEN.exists():
        print(f"no frozen build at {FROZEN}: run python installer/build.py first")
        return 2
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("EDITOR_APP_HOME", None)
    env.pop("EDITOR_APP_PRESET", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        # The source run caches its bytecode (in the temporary folder, never in the project) as
        # an installed app does and as bench_startup does; the frozen app has its own compiled.
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        driver = Path(tmp) / "ready_driver.py"
        driver.write_text(DRIVER, encoding="utf-8")
        env["EDITOR_APP_DRIVER"] = str(driver)
        source = [sys.executable, "-m", "editor_app"]
        commands = {
            "source": [*source, "--home", f"{tmp}/src", "--no-demo-portal"],
            "frozen": [str(FROZEN), "--home", f"{tmp}/frozen", "--no-demo-portal"],
        }
        for command in commands.values():  # first start: migrations, OS file cache
            _time_to_ready(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_time_to_ready(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:<7}: median {median * 1000:7.1f} ms over {args.runs} runs")
    ratio = medians["frozen"] / medians["source"]
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"ratio frozen/source: {ratio:.2f}x (goal <= {GOAL}x) "
          f"{'OK' if ratio <= GOAL else 'OVER GOAL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
