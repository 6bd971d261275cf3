"""Upload throughput of a 1 GB file through the app's sync layer, against ``curl -T``.

Both go to the same review-queue service on 127.0.0.1 (started here, as the app's demo portal),
in the same run, alternately; best and median of ``--rounds``. The sync layer runs in its own
process (benchmarks/upload_client.py) so its peak memory is its own; curl sends the same file as
one tus PATCH after the same create request. Goal (issue 6): sync layer >= 0.8x curl.

    python -m benchmarks.bench_upload [--size-mb 1024] [--rounds 5]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from editor_app.core.paths import resolve_paths
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal, start_demo_portal
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.uploads import UploadJob

MB = 1024 * 1024
ROOT = Path(__file__).resolve().parent.parent


def make_file(path: Path, size: int) -> None:
    """Sparse, with a marked MiB every 64 MiB: quick to make, not all zeros."""
    with path.open("wb") as handle:
        handle.truncate(size)
        for index, at in enumerate(range(0, size, 64 * MB)):
            handle.seek(at)
            handle.write(hashlib.sha256(str(index).encode()).digest() * 32768)


def sync_layer(portal: DemoPortal, token: str, path: Path, work: Path) -> tuple[float, int, str]:
    """The sync layer's upload in its own process; it reports its time and its peak RSS."""
    state = work / "state.json"
    state.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-m", "benchmarks.upload_client", portal.url,
                             str(path), str(state)], cwd=ROOT, capture_output=True, check=False,
                            env={**os.environ, "PORTAL_TOKEN": token})
    if result.returncode:
        raise RuntimeError(f"upload client failed: {result.stderr.decode(errors='replace')}")
    done = json.loads(result.stdout.decode().strip().splitlines()[-1])
    return done["seconds"], done["peak_rss"], done["upload_id"]


def curl(client: ReviewQueueClient, token: str, path: Path) -> tuple[float, int, str]:
    size = path.stat().st_size
    began = time.perf_counter()  # creating the upload is part of a tus upload, as for the app
    url = client.uploader.create(UploadJob(open=lambda: path.open("rb"), size=size,
                                           filename=path.name))
    command = ["curl", "-sS", "-o", "/dev/null", "-w", "%{time_total}", "-X", "PATCH",
               "-H", "Tus-Resumable: 1.0.0", "-H", "Upload-Offset: 0",
               "-H", "Content-Type: application/offset+octet-stream",
               "-H", f"Authorization: Bearer {token}", "-T", str(path), url]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        peak = _watch_memory(proc)
        error = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    seconds = time.perf_counter() - began
    if proc.returncode:
        raise RuntimeError(f"curl failed: {error}")
    return seconds, peak, url.rsplit("/", 1)[-1]


def _watch_memory(proc: subprocess.Popen[bytes]) -> int:
    """Peak RSS of a running child, sampled every 20 ms (fork-time pages would skew rusage)."""
    watched, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, watched.memory_info().rss)
        time.sleep(0.02)
    return peak


def settle() -> None:
    """Let the previous run's written and deleted gigabyte reach the disk before timing again."""
    os.sync()
    time.sleep(1.0)


def forget(client: ReviewQueueClient, upload_id: str) -> None:
    """Delete the finished upload so a run needs disk for only a couple of copies."""
    client._call("DELETE", f"/api/v1/uploads/{upload_id}", headers={"Tus-Resumable": "1.0.0"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_upload")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("curl") is None:
        print("curl not found: no baseline to compare with")
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    portal = start_demo_portal(resolve_paths(work / "home"))
    try:
        return _bench(portal, work, args.size_mb * MB, args.rounds)
    finally:
        portal.stop()
        shutil.rmtree(work, ignore_errors=True)


def _bench(portal: DemoPortal, work: Path, size: int, rounds: int) -> int:
    account = portal.account("collaborator")
    client = ReviewQueueClient(ConnectionOptions(portal.url, read_timeout=300))
    token = client.login(account.username, account.password).token
    path = work / "video.mp4"
    make_file(path, size)
    runs: dict[str, list[tuple[float, int]]] = {"sync": [], "curl": []}
    clients = {"sync": lambda: sync_layer(portal, token, path, work),
               "curl": lambda: curl(client, token, path)}
    for round_ in range(rounds):
        for name in (("sync", "curl") if round_ % 2 == 0 else ("curl", "sync")):
            settle()
            seconds, peak, upload_id = clients[name]()
            forget(client, upload_id)
            runs[name].append((seconds, peak))
    path.unlink()
    best = {name: min(results) for name, results in runs.items()}
    rate = {name: size / MB / seconds for name, (seconds, _) in best.items()}
    median = {name: size / MB / statistics.median(s for s, _ in results)
              for name, results in runs.items()}
    print(f"file: {size / MB:.0f} MiB, {rounds} rounds, service on 127.0.0.1")
    for name, label in (("sync", "sync layer (tus client)"), ("curl", "curl -T (one PATCH)")):
        print(f"{label:<24} best {rate[name]:7.1f} MiB/s  median {median[name]:7.1f} MiB/s  "
              f"peak RSS {max(p for _, p in runs[name]) / MB:6.1f} MiB")
    print(f"ratio sync/curl: best {rate['sync'] / rate['curl']:.2f}x, "
          f"median {median['sync'] / median['curl']:.2f}x (goal >= 0.80x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
