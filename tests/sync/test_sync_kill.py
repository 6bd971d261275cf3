"""Exactly one submission per draft submit, even when the app is killed at a random instant.

50 runs, in two parallel worker processes (see submit_worker.py): each run's first attempt is
SIGKILLed after a random delay spread over the whole submit, the second attempt (the app restarted)
finishes. The real service must then hold each draft exactly once, with both attachments whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import jpeg_bytes

from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent
RUNS = 50
WORKERS = 2


def _run_workers(portal: DemoPortal, token: str, root: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get(
        "PYTHONPATH", "")])}
    per = RUNS // WORKERS
    procs = [subprocess.Popen(
        [sys.executable, str(HERE / "submit_worker.py"), portal.url, token, str(root),
         str(i * per), str(per), str(4242 + i)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for i in range(WORKERS)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
        results += [json.loads(line) for line in out.decode().splitlines() if line.strip()]
    return results


def test_killed_submits_leave_exactly_one_whole_submission_per_draft(
        portal: DemoPortal, collaborator_token: str, client: ReviewQueueClient,
        tmp_path: Path) -> None:
    results = _run_workers(portal, collaborator_token, tmp_path)
    assert len(results) == RUNS
    assert all(r["finish"] == 0 for r in results), results  # every restart finished the job
    killed = [r for r in results if r["killed"] == -9]
    assert len(killed) >= RUNS * 0.5  # most first attempts really died mid-way

    held: dict[str, list] = {}
    for submission in client.list_submissions(mine="true"):
        held.setdefault(submission.client_uid, []).append(submission)
    for result in results:
        copies = held.get(str(result["uid"]), [])
        assert len(copies) == 1, f"run {result['run']}: {len(copies)} submissions"
        run = int(result["run"])
        expected = {"anh-1.jpg": jpeg_bytes(1000 + 2 * run, 300, 200),
                    "anh-2.jpg": jpeg_bytes(1000 + 2 * run + 1, 120, 90)}
        attachments = {a.filename: a for a in copies[0].attachments}
        assert set(attachments) == set(expected)
        for name, data in expected.items():
            assert attachments[name].sha256 == hashlib.sha256(data).hexdigest()
            assert attachments[name].size == len(data)
