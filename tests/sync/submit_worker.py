"""Kill-at-random worker for the exactly-once guarantee (run by test_sync_kill.py as a subprocess).

``python submit_worker.py URL TOKEN ROOT FIRST COUNT SEED`` handles runs FIRST..FIRST+COUNT-1.
Each run has its own app home under ROOT holding one draft with two attachments. The worker
imports everything once and then *forks* a child per attempt, so an attempt starts in a
millisecond: the first child of a run submits the draft and is SIGKILLed after a random delay
(anywhere from before the outbox write to after the create); a second child, like the app after
a restart, opens the same store and finishes the job. A line of JSON per run reports what
happened; the test then checks the service.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path

from sync_helpers import jpeg_bytes, make_article

from editor_app.core.paths import resolve_paths
from editor_app.store import open_store
from editor_app.store.outbox import SqlOutboxRepository, StoreArticles
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.credentials import CredentialStore
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.outbox import ItemState
from editor_app.sync.retry import RetryPolicy
from editor_app.sync.service import SyncService

CHUNK = 32 * 1024


def prepare(home: Path, seed: int, template: Path) -> str:
    """The draft of one run; the store is closed again before any fork.

    Each home starts as a copy of one freshly migrated empty store (migrating 50 new databases
    would cost more than all the submits).
    """
    shutil.copytree(template, home)
    store = open_store(resolve_paths(home))
    try:
        article = make_article(store, files={"anh-1.jpg": jpeg_bytes(seed, 300, 200),
                                             "anh-2.jpg": jpeg_bytes(seed + 1, 120, 90)})
        return article.uid
    finally:
        store.close()


def submit(home: Path, url: str, token: str) -> int:
    """What the app does when the user presses Submit (or restarts with an unsent outbox)."""
    store = open_store(resolve_paths(home))
    client = ReviewQueueClient(ConnectionOptions(url), token=token, chunk_size=CHUNK)
    service = SyncService(client, "collaborator", SqlOutboxRepository(store.engine), store.blobs,
                          articles=StoreArticles(store.drafts), credentials=CredentialStore(),
                          policy=RetryPolicy(max_attempts=30, base=0.05, cap=1.0))
    article = store.drafts.list()[0]
    if not service.outbox.items(article_uid=article.uid):
        service.outbox.submit(store.drafts.get(article.id))
    for _ in range(60):
        service.engine.run_due()
        item = service.outbox.items(article_uid=article.uid)[0]
        if item.state is ItemState.SENT:
            return 0
        if item.state is not ItemState.WAITING:
            print(f"run stopped in {item.state}: {item.last_error_en}", file=sys.stderr)
            return 3
        wake = service.engine.next_wakeup()
        time.sleep(max(0.0, (wake - service.engine.clock()).total_seconds()) if wake else 0.05)
    return 4


def attempt(home: Path, url: str, token: str, kill_after: float | None) -> tuple[int, float]:
    """Fork a child that submits; SIGKILL it after ``kill_after`` seconds (None: let it finish)."""
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: the "app"
        code = 1
        try:
            code = submit(home, url, token)
        finally:
            os._exit(code)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return code, time.monotonic() - started


def main(argv: list[str]) -> int:
    url, token, root, first, count, seed = argv
    rng = random.Random(int(seed))
    runs = range(int(first), int(first) + int(count))
    homes = {run: Path(root) / f"run-{run}" for run in runs}
    template = Path(root) / f"template-{first}"
    open_store(resolve_paths(template)).close()
    uids = {run: prepare(home, 1000 + 2 * run, template) for run, home in homes.items()}
    window = float("inf")
    for run in runs[:2]:  # how long one whole submit takes here (the first one warms up)
        finish, took = attempt(homes[run], url, token, None)
        window = min(window, took)
        print(json.dumps({"run": run, "uid": uids[run], "killed": None, "finish": finish}),
              flush=True)
    for run in runs[2:]:
        delay = rng.uniform(0.0, window)
        killed, _ = attempt(homes[run], url, token, delay)
        finish, took = attempt(homes[run], url, token, None)
        print(json.dumps({"run": run, "uid": uids[run], "delay": round(delay, 4),
                          "killed": killed, "finish": finish, "took": round(took, 3)}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
