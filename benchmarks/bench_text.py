"""Text engine speed and memory, against `iconv -f VISCII -t UTF-8` timed in the same run.

Run: ``python -m benchmarks.bench_text [--size-mb 50] [--runs 5] [--big-mb 500] [--skip-big]
[--instructions [--instructions-mb 5]]``.

Inputs are made at run time in a temporary folder from the seed regulations (real government
text; the generated TCVN3 file loses its toned capitals exactly as ABC-typed files do). Each round
runs iconv, both conversions and detection one after the other, so they share the machine's load;
the figures are medians over the rounds, as wall time and as CPU time (user + system of the
child), with the load average printed beside them. ``--instructions`` adds a load-independent
proxy: instructions counted by ``valgrind --tool=callgrind`` for iconv and for the CLI on a
smaller file (skipped when valgrind is absent).

The CLI runs as an installed app would: the package copied into a fresh virtual environment in
the temporary folder, the way a wheel installs it (an editable install's import hook, loaded on
every start, is a development artefact worth ~10 ms a command), started by an ``editor-app``
launcher like the one pip writes for the ``[project.scripts]`` entry point (``python -m`` would
add runpy's import, ~3 ms, which users' ``editor-app`` does not pay), and with compiled bytecode
(a bytecode cache there, filled by a warm-up run), not recompiling every module on each start.
The text engine needs nothing outside the standard library, so nothing else is installed.
Targets (issue 3): TCVN3 convert >= 0.5x iconv's speed, VNI >= 0.3x, peak RSS < 200 MB on the
big file, detect < 1/10 of the conversion time.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import venv
from pathlib import Path

from editor_app.validation.text.codecs import encode_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
TARGETS = {"tcvn3": 0.5, "vni": 0.3}


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


# What pip writes for the console script ``editor-app = "editor_app.cli:main"`` (pyproject.toml).
LAUNCHER = """import sys
from editor_app.cli import main
if __name__ == "__main__":
    sys.exit(main())
"""


def install_app(folder: Path) -> None:
    """The package copied into ``folder/site``, a fresh virtual environment in ``folder/venv``
    (no pip, no site-packages of its own, so no editable-install hook) and the ``editor-app``
    launcher in ``folder/bin``."""
    shutil.copytree(ROOT / "editor_app", folder / "site" / "editor_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(folder / "venv")
    (folder / "bin").mkdir()
    (folder / "bin" / "editor-app").write_text(LAUNCHER, encoding="utf-8")


def python(folder: Path) -> str:
    bin_dir = "Scripts" if os.name == "nt" else "bin"
    return str(folder / "venv" / bin_dir / ("python.exe" if os.name == "nt" else "python"))


def child_env(folder: Path) -> dict[str, str]:
    """The environment of the timed commands: the installed copy on the path, bytecode cached
    in ``folder``, never in the project (PYTHONDONTWRITEBYTECODE would make every start
    recompile every module)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["PYTHONPATH"] = str(folder / "site")
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def app(folder: Path, *args: str) -> list[str]:
    """``editor-app ARGS`` as installed in ``folder`` by :func:`install_app`."""
    return [python(folder), str(folder / "bin" / "editor-app"), *args]


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def _commands(folder: Path, files: dict[str, Path]) -> dict[str, list[str]]:
    return {
        "iconv": ["iconv", "-f", "VISCII", "-t", "UTF-8", str(files["viscii"]),
                  "-o", str(folder / "iconv.out")],
        "tcvn3": app(folder, "convert", str(files["tcvn3"]), "-o", str(folder / "out.tcvn3")),
        "vni": app(folder, "convert", str(files["vni"]), "-o", str(folder / "out.vni")),
        "detect": app(folder, "detect", "--json", str(files["tcvn3"])),
    }


def speed_figures(folder: Path, text: str, size: int, runs: int) -> None:
    files = {enc: folder / f"in.{enc}.txt" for enc in ("viscii", "tcvn3", "vni")}
    for enc, path in files.items():
        make_file(path, text, enc, size)
    env = child_env(folder)
    commands = _commands(folder, files)
    warm_up = app(folder, "convert", str(files["tcvn3"]), "-o", str(folder / "warm"), "--from",
                  "ascii")
    subprocess.run(warm_up, check=True, stdout=subprocess.DEVNULL, env=env)  # bytecode
    subprocess.run(commands["detect"], check=True, stdout=subprocess.DEVNULL, env=env)
    print(f"{load()} (before)")
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so every command meets the same load
        for name, command in commands.items():
            samples[name].append(timed(command, env))
    print(f"{load()} (after {runs} rounds)")
    wall = {name: statistics.median(w for w, _ in rows) for name, rows in samples.items()}
    cpu = {name: statistics.median(c for _, c in rows) for name, rows in samples.items()}
    mb = files["viscii"].stat().st_size / 1e6
    print(f"iconv VISCII->UTF-8  {mb:6.1f} MB  wall {wall['iconv']:6.2f} s  cpu "
          f"{cpu['iconv']:6.2f} s  {mb / wall['iconv']:6.1f} MB/s  (baseline)")
    for enc, target in TARGETS.items():
        size_mb = files[enc].stat().st_size / 1e6
        ratio = (size_mb / wall[enc]) / (mb / wall["iconv"])
        cpu_ratio = (size_mb / cpu[enc]) / (mb / cpu["iconv"])
        print(f"convert {enc:<6}       {size_mb:6.1f} MB  wall {wall[enc]:6.2f} s  cpu "
              f"{cpu[enc]:6.2f} s  {size_mb / wall[enc]:6.1f} MB/s  ratio {ratio:.3f}x iconv "
              f"(cpu {cpu_ratio:.3f}x; target >= {target}x: {_verdict(ratio >= target)})")
    detect = wall["detect"] / wall["tcvn3"]
    print(f"detect tcvn3         {files['tcvn3'].stat().st_size / 1e6:6.1f} MB  wall "
          f"{wall['detect']:6.3f} s  cpu {cpu['detect']:6.3f} s  ratio {detect:.3f} of its "
          f"conversion time (cpu {cpu['detect'] / cpu['tcvn3']:.3f}; target < 0.1: "
          f"{_verdict(detect < 0.1)})")


def _verdict(met: bool) -> str:
    """Said from the unrounded figure, so 0.497 printed as 0.50 is not taken for a pass."""
    return "met" if met else "MISSED"


def instructions(command: list[str], env: dict[str, str]) -> int:
    """Instructions executed by ``command`` and its children, counted by callgrind."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    match = re.search(r"Collected : (\d+)", result.stderr)
    if not match:
        raise RuntimeError("callgrind printed no instruction count")
    return int(match.group(1))


def instruction_figures(folder: Path, text: str, size: int) -> None:
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed, skipped")
        return
    files = {enc: folder / f"small.{enc}.txt" for enc in ("viscii", "tcvn3", "vni")}
    for enc, path in files.items():
        make_file(path, text, enc, size)
    env = child_env(folder)
    commands = _commands(folder, files)
    subprocess.run(commands["detect"], check=True, stdout=subprocess.DEVNULL, env=env)
    counts = {name: instructions(command, env) for name, command in commands.items()}
    tiny = folder / "tiny.txt"
    tiny.write_bytes(files["tcvn3"].read_bytes()[:2000])
    startup = instructions(app(folder, "convert", str(tiny), "--from", "tcvn3", "-o",
                               str(tiny) + ".out"), env)
    mb = files["viscii"].stat().st_size / 1e6
    print(f"instructions iconv   {mb:6.1f} MB  {counts['iconv'] / 1e6:8.0f} M  (baseline)")
    print(f"instructions start   {startup / 1e6:8.0f} M  (interpreter and imports, converting "
          "2 KB: part of every figure below)")
    for enc, target in TARGETS.items():
        ratio = (counts["iconv"] / mb) / (counts[enc] / (files[enc].stat().st_size / 1e6))
        print(f"instructions {enc:<6}  {files[enc].stat().st_size / 1e6:6.1f} MB  "
              f"{counts[enc] / 1e6:8.0f} M  ratio {ratio:.2f}x iconv (target >= {target}x)")
    print(f"instructions detect  {counts['detect'] / 1e6:8.0f} M  ratio "
          f"{counts['detect'] / counts['tcvn3']:.3f} of tcvn3 conversion (target < 0.1)")


def tree_peak_rss(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak of the summed resident size of ``command`` and all its children), sampled
    every 20 ms: the conversion runs in several processes, and their sum is what the machine
    pays."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            members = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(member.memory_info().rss for member in members))
        except psutil.Error:  # a child ended between listing and reading it
            pass
        time.sleep(0.02)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - start, peak


def memory_figure(folder: Path, text: str, size: int, encoding: str) -> None:
    big = folder / f"big.{encoding}.txt"
    make_file(big, text, encoding, size)
    command = app(folder, "convert", str(big), "-o", str(folder / "big.out"))
    seconds, peak = tree_peak_rss(command, child_env(folder))
    mb, rss_mb = big.stat().st_size / 1e6, peak / 2**20
    print(f"convert {encoding} (big)  {mb:6.1f} MB  wall {seconds:6.2f} s  peak RSS of all its "
          f"processes {rss_mb:.0f} MB (target < 200 MB; input/RSS ratio {mb / rss_mb:.1f}x)")
    big.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5, help="rounds; medians are reported")
    parser.add_argument("--big-mb", type=int, default=500)
    parser.add_argument("--big-encoding", default="tcvn3", choices=("tcvn3", "vni"))
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind (load-independent)")
    parser.add_argument("--instructions-mb", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("iconv") is None:
        raise SystemExit("iconv is needed for the baseline")
    text = seed_text()
    with tempfile.TemporaryDirectory(prefix="bench-text-") as tmp:
        folder = Path(tmp)
        install_app(folder)
        speed_figures(folder, text, args.size_mb * 1_000_000, args.runs)
        _clean(folder)
        if args.instructions:
            instruction_figures(folder, text, args.instructions_mb * 1_000_000)
            _clean(folder)
        if not args.skip_big:
            memory_figure(folder, text, args.big_mb * 1_000_000, args.big_encoding)
    return 0


def _clean(folder: Path) -> None:
    """Remove the inputs and outputs, keep the bytecode cache and the launcher."""
    for leftover in folder.iterdir():
        if leftover.is_file():
            leftover.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
