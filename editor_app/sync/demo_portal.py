"""A local demo portal, so a newcomer goes from writing to submitting in minutes.

When no portal is configured, the UI calls :func:`start_demo_portal`: the review-queue service
runs as a child process on 127.0.0.1 (a free port), with its SQLite database and files under the
app's data folder, and the ``demo`` accounts (one per role, public passwords) created once. It is
started as a separate process, never imported: the app shares only the wire schema with the
service. Its output goes to ``demo-portal.log`` in the app's log folder.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from editor_app.core.errors import UserError
from editor_app.core.paths import AppPaths

log = logging.getLogger("editor_app.sync.demo")

SERVICE_MODULE = "review_queue.cli"
ACCOUNTS_FILE = "demo-accounts.json"
LOG_FILE = "demo-portal.log"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    unit: str
    categories: tuple[str, ...] = ()


@dataclass
class DemoPortal:
    url: str
    accounts: list[DemoAccount]
    data_dir: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def account(self, role: str = "collaborator") -> DemoAccount:
        return next(a for a in self.accounts if a.role == role)

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the service (idempotent); a stubborn one is killed after ``timeout``."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)
        log.info("demo portal stopped")


def service_command() -> list[str]:
    """How to run the review-queue CLI from this interpreter."""
    return [sys.executable, "-m", SERVICE_MODULE]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_demo_portal(paths: AppPaths, *, port: int | None = None,
                      timeout: float = 60.0) -> DemoPortal:
    """Start the demo portal and wait until it answers; raises UserError if it cannot."""
    data = paths.data / "demo-portal"
    data.mkdir(parents=True, exist_ok=True)
    paths.logs.mkdir(parents=True, exist_ok=True)
    accounts = _demo_accounts(data)
    chosen = port or free_port()
    url = f"http://127.0.0.1:{chosen}"
    with (paths.logs / LOG_FILE).open("ab") as log_file:
        process = subprocess.Popen(
            [*service_command(), "--data", str(data), "serve", "--host", "127.0.0.1",
             "--port", str(chosen), "--log-level", "warning"],
            stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT, env=_env())
    portal = DemoPortal(url, accounts, data, process)
    atexit.register(portal.stop)
    _wait_until_up(portal, timeout, paths.logs / LOG_FILE)
    log.info("demo portal running at %s", url)
    return portal


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("REVIEW_QUEUE_DATABASE_URL", None)  # the demo always uses its own SQLite file
    return env


def _demo_accounts(data: Path) -> list[DemoAccount]:
    """Run the service's ``demo`` setup once; later starts read the accounts it printed."""
    saved = data / ACCOUNTS_FILE
    if not saved.exists():
        result = subprocess.run(
            [*service_command(), "--data", str(data), "demo", "--json"],
            capture_output=True, timeout=120, env=_env(), check=False)
        if result.returncode != 0:
            raise UserError("Không khởi tạo được cổng thử nghiệm.",
                            "Could not set up the demo portal: "
                            + result.stderr.decode(errors="replace")[-500:])
        saved.write_bytes(result.stdout)
    document: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
    return [DemoAccount(**{**a, "categories": tuple(a.get("categories", ()))})
            for a in document["accounts"]]


def _wait_until_up(portal: DemoPortal, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not portal.running():
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-800:]
            raise UserError("Cổng thử nghiệm không chạy được.",
                            f"The demo portal exited: {tail}")
        try:
            if requests.get(portal.url + "/api/v1/health", timeout=(1, 2)).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    portal.stop()
    raise UserError("Cổng thử nghiệm không khởi động kịp.",
                    "The demo portal did not start in time.")
