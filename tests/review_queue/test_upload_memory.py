"""A big upload is streamed to disk by ``review-queue serve``: its memory does not grow with it."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest
from queue_support import PASSWORD, make_settings, seed_accounts

from review_queue.testing import serve_subprocess

SIZE = 256 * 1024 * 1024
BLOCK = os.urandom(1024 * 1024)


def body() -> Iterator[bytes]:
    for _ in range(SIZE // len(BLOCK)):
        yield BLOCK


@pytest.mark.slow
@pytest.mark.e2e
def test_a_256_mb_upload_keeps_server_memory_flat(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    seed_accounts(settings)
    with serve_subprocess(settings.data_dir) as (url, process), \
            httpx.Client(base_url=url, timeout=300) as http:
        token = http.post("/api/v1/auth/login", json={"username": "collab",
                                                      "password": PASSWORD}).json()["token"]
        auth = {"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}
        created = http.post("/api/v1/uploads/", headers={**auth, "Upload-Length": str(SIZE)})
        server = psutil.Process(process.pid)
        baseline, peak, done = server.memory_info().rss, [0], threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], server.memory_info().rss)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            reply = http.patch(created.headers["location"], content=body(), headers={
                **auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
                "Content-Length": str(SIZE)})
        finally:
            done.set()
            sampler.join()
        assert reply.status_code == 204, reply.text
        info = http.get(created.headers["location"], headers=auth).json()
    expected = hashlib.sha256()
    for block in body():
        expected.update(block)
    assert info["complete"] and info["sha256"] == expected.hexdigest()
    growth_mb = (peak[0] - baseline) / 2**20
    assert growth_mb < 64, f"server memory grew {growth_mb:.0f} MB during a 256 MB upload"
