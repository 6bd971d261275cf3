"""Run a real service on 127.0.0.1 for tests and demos: in a thread, or as a subprocess.

Tests of the service and of the app's sync layer share these, so both exercise the same server
the way ``review-queue serve`` runs it (uvicorn, real sockets).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from review_queue.app import create_app
from review_queue.settings import DATA_ENV, Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_in_thread(settings: Settings, port: int | None = None) -> Iterator[str]:
    """The service on 127.0.0.1 in a background thread; yields its base URL."""
    app = create_app(settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=port or free_port(), log_level="warning",
                            access_log=False, log_config=None)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="review-queue", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the review-queue service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        app.state.services.engine.dispose()


@contextmanager
def serve_subprocess(
    data_dir: Path, port: int | None = None, env: dict[str, str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``review-queue serve`` as a child process; yields (base URL, process)."""
    port = port or free_port()
    command = [sys.executable, "-m", "review_queue.cli", "--data", str(data_dir), "serve",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    child_env = {**os.environ, DATA_ENV: str(data_dir), **(env or {})}
    process = subprocess.Popen(command, env=child_env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"review-queue exited with status {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("review-queue did not open its port in time")
