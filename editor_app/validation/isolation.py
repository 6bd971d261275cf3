"""Run untrusted parsing in worker processes with a wall-clock timeout and a memory limit.

A hostile DOCX, PDF or ZIP may hang a parser, crash it in C code or eat all memory. Parsing in the
app's own process would freeze the window or take the app down, so every inspection runs in a
worker process (STYLE.md 4): workers are started once with the spawn method (safe next to Qt's
threads), import the parsers, then take jobs one at a time. A job that overruns its deadline or
its memory budget gets its worker killed and replaced; the caller receives
:class:`InspectionFailed` with the reason, which the inspector turns into a "could not be
inspected" finding. Memory is capped twice: ``RLIMIT_AS`` inside the worker on POSIX (a
``MemoryError`` the job can report), and the parent watching the worker's resident size on every
platform (the only way on Windows).
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import queue
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import psutil

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY = 1024 * 1024 * 1024
POLL_SECONDS = 0.1
START_TIMEOUT = 60.0
WARM_MODULES = ("editor_app.validation.files.inspect",)


class InspectionFailed(Exception):
    """The job did not finish: ``reason`` is "timeout", "memory", "crashed" or an error text."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Job:
    """``target`` is "package.module:function", called in the worker with ``args``."""

    target: str
    args: tuple[Any, ...] = ()
    timeout: float = DEFAULT_TIMEOUT


def _worker_main(conn: Connection, memory_bytes: int, warm: Sequence[str]) -> None:
    """The worker's loop: limit itself, import the parsers, then answer jobs until told to stop."""
    _limit_memory(memory_bytes)
    for module in warm:
        importlib.import_module(module)
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        target, args = message
        try:
            conn.send(("ok", _resolve(target)(*args)))
        except MemoryError:
            conn.send(("memory", "MemoryError"))
        except Exception as exc:  # reported to the parent, which decides what it means
            conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"))


def _limit_memory(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's resident-size watch is the limit
        return
    # address space, not resident size: generous headroom for the interpreter and shared libraries
    limit = memory_bytes + 512 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


class _Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, memory_bytes: int, warm: Sequence[str]) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, memory_bytes, tuple(warm)),
                                       daemon=True, name="editor-app-inspector")
        self.process.start()
        child.close()
        self.memory_bytes = memory_bytes
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the worker's imports; a worker that dies while starting fails at once."""
        if self.ready:
            return
        deadline = time.monotonic() + START_TIMEOUT
        while not self.conn.poll(POLL_SECONDS):
            if not self.process.is_alive() or time.monotonic() > deadline:
                self.kill()
                raise InspectionFailed("crashed", "the inspection worker did not start")
        try:
            self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise InspectionFailed("crashed", "the inspection worker did not start") from exc
        self.ready = True

    def run(self, job: Job) -> Any:
        self.wait_ready()
        self.conn.send((job.target, job.args))
        deadline = time.monotonic() + job.timeout
        watch = psutil.Process(self.process.pid)
        while not self.conn.poll(POLL_SECONDS):
            if not self.process.is_alive():
                raise InspectionFailed("crashed", f"exit code {self.process.exitcode}")
            if time.monotonic() > deadline:
                raise InspectionFailed("timeout", f"{job.timeout:.0f} s")
            if _rss(watch) > self.memory_bytes:
                raise InspectionFailed("memory", f"over {self.memory_bytes // (1024 * 1024)} MB")
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise InspectionFailed("crashed", f"exit code {self.process.exitcode}") from exc
        if status == "ok":
            return value
        raise InspectionFailed(status, str(value))

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()


def _rss(process: psutil.Process) -> int:
    try:
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0


class WorkerPool:
    """A bounded set of reusable worker processes; thread-safe, results come back in order."""

    def __init__(self, workers: int | None = None, *, memory_bytes: int = DEFAULT_MEMORY,
                 warm: Sequence[str] = WARM_MODULES) -> None:
        self.size = max(1, workers or available_cores())
        self.memory_bytes = memory_bytes
        self.warm = tuple(warm)
        self._idle: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        for _ in range(self.size):
            self._idle.put(None)  # a slot; the process starts when first needed
        self._closed = False
        self._lock = threading.Lock()
        self._live: set[_Worker] = set()

    def run(self, job: Job) -> Any:
        """Run one job in a worker; raises :class:`InspectionFailed` if it hangs, dies or bloats."""
        worker = self._idle.get()
        try:
            if worker is None:
                worker = self._start()
            result = worker.run(job)
        except InspectionFailed:
            if worker is not None:
                self._discard(worker)
            self._idle.put(None)
            raise
        self._idle.put(worker)
        return result

    def map(self, jobs: Sequence[Job]) -> list[Any | InspectionFailed]:
        """Run ``jobs`` on all workers at once; a failed job yields its exception, in place."""
        def one(job: Job) -> Any | InspectionFailed:
            try:
                return self.run(job)
            except InspectionFailed as exc:
                return exc

        if self.size == 1 or len(jobs) <= 1:
            return [one(job) for job in jobs]
        with ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="inspect") as threads:
            return list(threads.map(one, jobs))

    def _start(self) -> _Worker:
        worker = _Worker(self.memory_bytes, self.warm)
        with self._lock:
            if self._closed:
                worker.kill()
                raise InspectionFailed("crashed", "the inspection pool is closed")
            self._live.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._live.discard(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._live = list(self._live), set()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def available_cores() -> int:
    """Cores this process may use (the affinity mask on Linux, else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


_shared: WorkerPool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> WorkerPool:
    """The app-wide pool, started on first use and stopped when the interpreter exits."""
    global _shared
    with _shared_lock:
        if _shared is None:
            import atexit

            _shared = WorkerPool()
            atexit.register(_shared.close)
        return _shared
