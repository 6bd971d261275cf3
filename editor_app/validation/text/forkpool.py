"""Jobs run by forked children, their completions delivered in order: the POSIX fast path.

:mod:`parallel` converts a large file in parts. Where forking is safe (Linux, a single-threaded
command-line process), a handful of forked children reading job numbers from one pipe start in
about a millisecond and need no imports, where :mod:`concurrent.futures` with
:mod:`multiprocessing` costs some 25 ms before the first job runs: a twentieth of converting a
50 MB file. Everything else (Windows, macOS, a process with threads) uses the executor.

Protocol: the parent writes 4-byte job numbers to the jobs pipe (at most ``window`` unfinished at
once, so disk and memory stay bounded); each child reads one, runs it and answers on the done
pipe with a record of job number, status and message length, then the message (at most
``_MESSAGE`` bytes, so a whole record is one atomic pipe write and children never interleave).
A job number of ``_STOP`` ends a child. A child that dies is noticed by ``waitpid`` while the
parent waits, and becomes an error instead of a hang.
"""

from __future__ import annotations

import os
import select
import signal
import struct

TYPE_CHECKING = False  # typing is not imported at run time (faster CLI start)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_STOP = 0xFFFFFFFF
_RECORD = struct.Struct("<IIH")  # job, status (0 ok), message length
_MESSAGE = 2048                   # record + message stay below PIPE_BUF (4096 on Linux)
_POLL_SECONDS = 0.2


class ChildFailed(Exception):
    """A job raised in its child (``message`` is its error) or a child died."""


def run_in_order(count: int, run: Callable[[int], None], workers: int,
                 window: int) -> Iterator[int]:
    """Yield ``0 … count-1`` in order, each once ``run(i)`` has finished in some child.

    ``run`` executes in a forked child: it must communicate through files, not return values.
    Raises :class:`ChildFailed` for the first job that failed in order, or when a child dies;
    then, and when the caller stops iterating, the remaining children are killed.
    """
    jobs_r, jobs_w = os.pipe()
    done_r, done_w = os.pipe()
    pids = [_fork_child(run, jobs_r, done_w, (jobs_w, done_r)) for _ in range(workers)]
    os.close(jobs_r)
    os.close(done_w)
    complete = False
    try:
        yield from _deliver(count, workers, window, jobs_w, done_r, pids)
        complete = True
    finally:
        os.close(jobs_w)
        os.close(done_r)
        _reap(pids, kill=not complete)


def _fork_child(run: Callable[[int], None], jobs_r: int, done_w: int,
                parent_ends: tuple[int, ...]) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:  # the child: never returns, never runs the parent's cleanup or atexit handlers
        for fd in parent_ends:
            os.close(fd)
        _child_loop(run, jobs_r, done_w)
    finally:
        os._exit(0)


def _child_loop(run: Callable[[int], None], jobs_r: int, done_w: int) -> None:
    while True:
        raw = os.read(jobs_r, 4)
        if len(raw) < 4:
            return
        (job,) = struct.unpack("<I", raw)
        if job == _STOP:
            return
        try:
            run(job)
            status, message = 0, b""
        except BaseException as exc:  # reported to the parent, which decides
            status, message = 1, f"{type(exc).__name__}: {exc}".encode()[:_MESSAGE]
        os.write(done_w, _RECORD.pack(job, status, len(message)) + message)


def _deliver(count: int, workers: int, window: int, jobs_w: int, done_r: int,
             pids: list[int]) -> Iterator[int]:
    sent = finished_until = 0
    finished: dict[int, tuple[int, bytes]] = {}
    pending = b""
    while finished_until < count:
        while sent < count and sent - finished_until < window:
            _send(jobs_w, struct.pack("<I", sent))
            sent += 1
        if sent == count:
            _send(jobs_w, struct.pack("<I", _STOP) * workers)
            sent += 1  # stop written once
        while finished_until not in finished:
            pending = _read_records(done_r, pending, finished, pids)
        status, message = finished.pop(finished_until)
        if status:
            raise ChildFailed(message.decode(errors="replace"))
        yield finished_until
        finished_until += 1


def _send(jobs_w: int, data: bytes) -> None:
    try:
        os.write(jobs_w, data)
    except BrokenPipeError as exc:  # no child left to read it
        raise ChildFailed("every conversion worker stopped before finishing") from exc


def _read_records(done_r: int, pending: bytes, finished: dict[int, tuple[int, bytes]],
                  pids: list[int]) -> bytes:
    """Wait for completions (checking that children live) and file every whole record."""
    ready, _, _ = select.select([done_r], [], [], _POLL_SECONDS)
    if not ready:
        _check_children(pids)
        return pending
    block = os.read(done_r, 1 << 16)
    if not block:
        raise ChildFailed("every conversion worker stopped before finishing")
    pending += block
    while len(pending) >= _RECORD.size:
        job, status, length = _RECORD.unpack_from(pending)
        if len(pending) < _RECORD.size + length:
            break
        finished[job] = (status, pending[_RECORD.size:_RECORD.size + length])
        pending = pending[_RECORD.size + length:]
    return pending


def _check_children(pids: list[int]) -> None:
    for pid in pids:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done and status:
            raise ChildFailed(f"a conversion worker stopped (wait status {status})")


def _reap(pids: list[int], kill: bool) -> None:
    """After a complete run the children have their stop and exit on their own; after an error,
    or when the caller gave up, they are killed. Either way none is left behind as a zombie."""
    for pid in pids:
        try:
            if kill:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):  # already reaped by _check_children
            continue
