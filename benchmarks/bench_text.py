"""Text engine speed and memory, against `iconv -f VISCII -t UTF-8` timed in the same run.

Run: ``python -m benchmarks.bench_text [--size-mb 50] [--big-mb 500] [--skip-big]``.
Inputs are made at run time in a temporary folder from the seed regulations (real government
text; the generated TCVN3 file loses its toned capitals exactly as ABC-typed files do).
Targets (issue 3): TCVN3 convert >= 0.5x iconv's speed, VNI >= 0.3x, peak RSS < 200 MB on the
big file, detect < 1/10 of the conversion time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from editor_app.validation.text.codecs import encode_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
_RSS_WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def seed_text() -> str:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no seed texts in {SEEDS}")
    return "".join(path.read_text(encoding="utf-8") for path in files)


def make_file(path: Path, text: str, encoding: str, size: int) -> None:
    """Repeat the encoded seeds until ``size`` bytes."""
    block = encode_text(text, encoding, fold_case=True, errors="replace")
    with open(path, "wb") as out:
        written = 0
        while written < size:
            out.write(block)
            written += len(block)


def timed(command: list[str], stdout: Path | None = None) -> float:
    start = time.perf_counter()
    if stdout is None:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    else:
        with open(stdout, "wb") as out:
            subprocess.run(command, check=True, stdout=out)
    return time.perf_counter() - start


def best_of(runs: int, command: list[str], stdout: Path | None = None) -> float:
    return min(timed(command, stdout) for _ in range(runs))


def app(*args: str) -> list[str]:
    return [sys.executable, "-m", "editor_app", *args]


def speed_figures(folder: Path, text: str, size: int, runs: int) -> None:
    files = {enc: folder / f"in.{enc}.txt" for enc in ("viscii", "tcvn3", "vni")}
    for enc, path in files.items():
        make_file(path, text, enc, size)
    baseline = best_of(runs, ["iconv", "-f", "VISCII", "-t", "UTF-8", str(files["viscii"])],
                       folder / "iconv.out")
    mb = files["viscii"].stat().st_size / 1e6
    print(f"iconv VISCII->UTF-8   {mb:7.1f} MB  {baseline:6.2f} s  {mb / baseline:7.1f} MB/s  "
          "(baseline)")
    conversion = {}
    for enc, target in (("tcvn3", 0.5), ("vni", 0.3)):
        path = files[enc]
        seconds = best_of(runs, app("convert", str(path), "-o", str(folder / f"out.{enc}")))
        conversion[enc] = seconds
        size_mb = path.stat().st_size / 1e6
        ratio = (size_mb / seconds) / (mb / baseline)
        print(f"convert {enc:<6}        {size_mb:7.1f} MB  {seconds:6.2f} s  "
              f"{size_mb / seconds:7.1f} MB/s  ratio {ratio:.2f}x iconv (target >= {target}x)")
    detect = best_of(runs, app("detect", "--json", str(files["tcvn3"])))
    share = detect / conversion["tcvn3"]
    print(f"detect tcvn3          {files['tcvn3'].stat().st_size / 1e6:7.1f} MB  {detect:6.2f} s  "
          f"ratio {share:.3f} of its conversion time (target < 0.1)")


def memory_figure(folder: Path, text: str, size: int) -> None:
    big = folder / "big.tcvn3.txt"
    make_file(big, text, "vni", size)
    command = [sys.executable, "-c", _RSS_WRAPPER,
               *app("convert", str(big), "-o", str(folder / "big.out"))]
    start = time.perf_counter()
    peak_kb = int(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    seconds = time.perf_counter() - start
    mb = big.stat().st_size / 1e6
    print(f"convert vni (big)     {mb:7.1f} MB  {seconds:6.2f} s  peak RSS {peak_kb / 1024:.0f} MB"
          f" (target < 200 MB; input/RSS ratio {mb / (peak_kb / 1024):.1f}x)")
    big.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=50)
    parser.add_argument("--big-mb", type=int, default=500)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--runs", type=int, default=2, help="best of N runs per figure")
    args = parser.parse_args(argv)
    if shutil.which("iconv") is None:
        raise SystemExit("iconv is needed for the baseline")
    text = seed_text()
    with tempfile.TemporaryDirectory(prefix="bench-text-") as tmp:
        folder = Path(tmp)
        speed_figures(folder, text, args.size_mb * 1_000_000, args.runs)
        for leftover in folder.iterdir():
            leftover.unlink()
        if not args.skip_big:
            memory_figure(folder, text, args.big_mb * 1_000_000)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    raise SystemExit(main())
