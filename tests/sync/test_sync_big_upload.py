"""A 2 GB attachment: the client stays under 250 MB of memory and resumes after being killed.

The upload runs in its own process (benchmarks/upload_client.py, the sync layer's tus client) so
its memory is measured alone. The file is generated sparse in a temporary folder (marked
stretches of data between holes, so the checksum means something) and deleted afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
SIZE = 2 * 1024**3
MEMORY_LIMIT = 250 * 1024**2


@pytest.fixture
def big_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "phong-su.mp4"
    with path.open("wb") as handle:
        handle.truncate(SIZE)
        for index, at in enumerate(range(0, SIZE, 256 * 1024**2)):
            handle.seek(at)
            handle.write(hashlib.sha256(str(index).encode()).digest() * 32768)  # 1 MiB
    yield path
    path.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(4 * 1024**2):
            digest.update(block)
    return digest.hexdigest()


def _client(portal: DemoPortal, token: str, path: Path, state: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.upload_client", portal.url, str(path), str(state)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PORTAL_TOKEN": token})


def _follow(proc: subprocess.Popen[str], kill_at: int | None) -> tuple[list[dict[str, Any]], int]:
    """Read the client's events, sampling its memory; SIGKILL it once ``kill_at`` bytes went."""
    events, peak = [], 0
    watched = psutil.Process(proc.pid)
    with proc:
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            events.append(json.loads(line))
            try:
                peak = max(peak, watched.memory_info().rss)
            except psutil.NoSuchProcess:
                break
            if kill_at is not None and events[-1].get("sent", 0) >= kill_at:
                os.kill(proc.pid, signal.SIGKILL)
                break
        errors = proc.stderr.read()
        proc.wait(120)
    assert events, errors
    return events, peak


def test_two_gigabytes_upload_in_bounded_memory_and_resume_after_a_kill(
        portal: DemoPortal, collaborator_token: str, client: ReviewQueueClient,
        big_file: Path, tmp_path: Path) -> None:
    state = tmp_path / "outbox-state.json"
    first, first_peak = _follow(_client(portal, collaborator_token, big_file, state),
                                kill_at=SIZE * 2 // 5)
    assert first[0] == {"event": "start", "offset": 0}
    reached = first[-1]["sent"]
    assert reached >= SIZE * 2 // 5

    second, second_peak = _follow(_client(portal, collaborator_token, big_file, state), None)
    resumed_from = second[0]["offset"]
    done = second[-1]
    assert done["event"] == "done", second
    assert resumed_from >= 64 * 1024**2  # durable bytes were kept: it did not start over
    assert done["sent"] == SIZE - resumed_from
    assert max(first_peak, second_peak, done["peak_rss"]) < MEMORY_LIMIT

    info = client._call("GET", f"/api/v1/uploads/{done['upload_id']}")
    assert (info["complete"], info["length"], info["offset"]) == (True, SIZE, SIZE)
    assert info["sha256"] == _sha256(big_file)
    client._call("DELETE", f"/api/v1/uploads/{done['upload_id']}",
                 headers={"Tus-Resumable": "1.0.0"})  # give the service its disk back
