"""A local demo portal, so a newcomer goes from writing to submitting in minutes.

When no portal is configured, the UI calls :func:`start_demo_portal`: the review-queue service
runs as a child process on 127.0.0.1, with its SQLite database and files under the app's data
folder, and the ``demo`` accounts (one per role, public passwords) created once. It is started as
a separate process, never imported: the app shares only the wire schema with the service. Its
output goes to ``demo-portal.log`` in the app's log folder.

The port is kept in the demo portal's folder and reused on the next start, because the app keys
saved logins and cached profiles by the portal's address; when another program holds it, a new
port is taken and remembered (:attr:`DemoPortal.previous_url` tells the caller, and waiting
uploads resume anyway: the outbox keeps their locations relative to the portal).
"""

from __future__ import annotations

import atexit
import contextlib
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
PORT_FILE = "port"
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
    previous_url: str | None = None  # the remembered address, when its port was taken

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


def port_is_free(port: int) -> bool:
    """Nobody listens on ``port`` (connections of our last run still closing do not count:
    the service binds with SO_REUSEADDR too)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def choose_port(data: Path, port: int | None = None) -> tuple[int, int | None]:
    """(port to use, the remembered one when it was taken); the choice is remembered."""
    saved_file = data / PORT_FILE
    saved: int | None = None
    with contextlib.suppress(OSError, ValueError):
        saved = int(saved_file.read_text(encoding="ascii").strip())
    taken: int | None = None
    if port is None and saved is not None and 0 < saved < 65536:
        if port_is_free(saved):
            port = saved
        else:
            taken = saved
            log.warning("demo portal port %s is taken; using another one", saved)
    chosen = port or free_port()
    if chosen != saved:
        saved_file.write_text(str(chosen), encoding="ascii")
    return chosen, taken


def start_demo_portal(paths: AppPaths, *, port: int | None = None,
                      timeout: float = 60.0) -> DemoPortal:
    """Start the demo portal and wait until it answers; raises UserError if it cannot.

    ``port`` None: the one used last time from this app home (a new one if taken)."""
    data = paths.data / "demo-portal"
    data.mkdir(parents=True, exist_ok=True)
    paths.logs.mkdir(parents=True, exist_ok=True)
    accounts = _demo_accounts(data)
    chosen, taken = choose_port(data, port)
    url = f"http://127.0.0.1:{chosen}"
    with (paths.logs / LOG_FILE).open("ab") as log_file:
        process = subprocess.Popen(
            [*service_command(), "--data", str(data), "serve", "--host", "127.0.0.1",
             "--port", str(chosen), "--log-level", "warning"],
            stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT, env=_env())
    previous = f"http://127.0.0.1:{taken}" if taken is not None else None
    portal = DemoPortal(url, accounts, data, process, previous)
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
