"""Run every benchmark, one fresh process each, and say which ones failed.

Each benchmark prints its figures against a baseline it measures in the same run; this runner
only starts them in turn (a fresh interpreter each, so one's imports, caches and memory never
colour the next) and prints a one-line summary per benchmark at the end. ``--quick`` runs each
on small inputs: a smoke run that shows every benchmark still works, not figures for a note.

    python -m benchmarks [--quick] [NAME ...]      e.g. python -m benchmarks --quick search text
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

# name -> the arguments of its quick run; the full run passes none (each module's defaults are
# the sizes its goals are stated for)
QUICK_ARGS: dict[str, list[str]] = {
    "startup": ["--runs", "2"],
    "search": ["--quick"],
    "text": ["--size-mb", "5", "--runs", "1", "--skip-big"],
    "documents": ["--paragraphs", "200"],
    "inspect": ["--quick"],
    "profiles": [],
    "review": ["--words", "500", "--items", "2000"],
    "upload": ["--size-mb", "32", "--rounds", "1"],
    "frozen_startup": ["--runs", "2"],
}
# exit status of a benchmark that has nothing to measure here (bench_frozen_startup without a
# frozen build): reported, not counted as a failure
NOTHING_TO_MEASURE = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(QUICK_ARGS)}")
    parser.add_argument("--quick", action="store_true", help="small inputs: a smoke run")
    args = parser.parse_args(argv)
    names = args.names or list(QUICK_ARGS)
    unknown = [name for name in names if name not in QUICK_ARGS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(QUICK_ARGS)}")
    root = Path(__file__).resolve().parent.parent
    outcomes: list[tuple[str, int, float]] = []
    for name in names:
        command = [sys.executable, "-m", f"benchmarks.bench_{name}",
                   *(QUICK_ARGS[name] if args.quick else [])]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        began = time.perf_counter()
        status = subprocess.run(command, cwd=root, check=False).returncode
        outcomes.append((name, status, time.perf_counter() - began))
    print("\n=== summary")
    for name, status, seconds in outcomes:
        verdict = {0: "ran", NOTHING_TO_MEASURE: "nothing to measure here"}.get(
            status, f"FAILED (exit status {status})")
        print(f"{name:<15} {verdict:<28} {seconds:7.1f} s")
    failed = [name for name, status, _ in outcomes if status not in (0, NOTHING_TO_MEASURE)]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
