"""Convert a large text file on every core: parts side by side, written in order, memory flat.

A chunk's conversion depends only on the chunk and the context bytes around it
(:mod:`stream`); the converters' memories (restored capital lines, the word cache) only save
time. So a file cut at line ends into parts of a few megabytes can be converted part by part in
several processes, each part streamed with the bytes before and after it as context, and the
results joined in order are byte for byte the one-process output. A desktop has two to eight
cores, and a 50 MB legacy file is about a second of pure-Python work on one of them.

Where forking is safe (Linux, a single-threaded command-line process) the workers are plain
forked children (:mod:`forkpool`: no imports, a millisecond to start) and, when the output is a
regular file, they write their parts into it themselves: a worker holds its converted chunks in
memory until it learns where the part starts, which is where the part before it ends, and from
then on writes each chunk as it comes. That offset travels as a baton through a ring of pipes
(:class:`_Batons`), passed on as soon as a part's length is known, before its last writes, so a
worker waits only for the previous part's conversion, never for its disk write, and no byte is
copied twice. (Copying the parts into the output in the parent took a sixth of a 50 MB
conversion's wall time.)

Elsewhere (Windows, macOS, next to other threads, an output that is not a file) workers write
their parts to files of their own, so only file names travel between processes, and the parent
appends them in order (in the kernel, with sendfile, where it can) and deletes each once
appended; spawned workers come from :mod:`concurrent.futures`, which re-imports only the text
engine. Either way at most ``2 * workers`` parts are in flight, so memory and the temporary disk
space stay flat.
"""

from __future__ import annotations

import itertools
import os
import select
import stat
import struct
import sys
from collections import deque
from pathlib import Path

from editor_app.validation.text import stream
from editor_app.validation.text.convert import chunk_converter, convert_stream

TYPE_CHECKING = False  # typing is not imported at run time (faster CLI start)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from concurrent.futures import Future
    from typing import BinaryIO

PART_SIZE = 8 << 20       # bytes per part: a few per worker for a 50 MB file, so the load evens out
_FIND_LINE_END = 1 << 16  # how far past a planned cut a line end is looked for

_converters: dict[tuple[str, str, bool], stream.ChunkConverter] = {}


class WorkerFailed(OSError):
    """A conversion worker stopped (killed, out of memory): the output is incomplete."""


def available_cores() -> int:
    """The cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def parts(path: Path, size: int, part_size: int = PART_SIZE) -> list[tuple[int, int]]:
    """``(start, end)`` byte ranges covering the file, each cut just after a line end; a part
    grows past ``part_size`` until a line ends (binary data may have no line end at all)."""
    bounds = [0]
    with open(path, "rb") as source:
        planned = part_size
        while planned < size - part_size // 2:  # no small last part
            source.seek(planned)
            newline = source.read(_FIND_LINE_END).find(b"\n")
            if newline < 0:
                planned += _FIND_LINE_END
                continue
            bounds.append(planned + newline + 1)
            planned = bounds[-1] + part_size
    bounds.append(size)
    return [(start, end) for start, end in itertools.pairwise(bounds) if end > start]


def convert_part(
    path: str, start: int, end: int, out: str, encoding: str, tone_style: str,
    restore_case: bool, chunk_size: int = stream.CHUNK_SIZE,
) -> None:
    """``path[start:end]`` converted into the file ``out``, with the bytes around it as
    context only."""
    with open(out, "wb") as target:
        for chunk in converted_chunks(path, start, end, (encoding, tone_style, restore_case),
                                      chunk_size):
            target.write(chunk)


def converted_chunks(
    path: str, start: int, end: int, options: tuple[str, str, bool],
    chunk_size: int | None = None,
) -> Iterator[bytes]:
    """``path[start:end]`` converted chunk by chunk (of ``stream.CHUNK_SIZE`` unless told),
    with the bytes around it as context only."""
    chunk_size = chunk_size or stream.CHUNK_SIZE
    convert = _converter(options)
    with open(path, "rb") as source:
        size = os.fstat(source.fileno()).st_size
        context_start = max(0, start - stream.CONTEXT)
        source.seek(context_start)
        before = source.read(start - context_start)
        tail = min(stream.LOOKAHEAD, size - end)
        part = _Window(source, end - start + tail)
        for piece in stream.pieces(part, chunk_size, before=before, first=start == 0, tail=tail):
            yield convert(piece)


def _converter(options: tuple[str, str, bool]) -> stream.ChunkConverter:
    """The chunk converter for ``(encoding, tone_style, restore_case)``, made once a process."""
    convert = _converters.get(options)
    if convert is None:
        convert = _converters[options] = chunk_converter(*options)
    return convert


class _Window:
    """The next ``length`` bytes of ``source``, read in blocks as :func:`stream.pieces` asks."""

    def __init__(self, source: BinaryIO, length: int) -> None:
        self._source, self._left = source, length

    def read(self, size: int) -> bytes:
        block = self._source.read(min(size, self._left))
        self._left -= len(block)
        return block


def convert_file(
    path: Path,
    target: BinaryIO,
    encoding: str,
    *,
    tone_style: str = "keep",
    restore_case: bool = True,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
    part_size: int = PART_SIZE,
    start_method: str | None = None,
) -> None:
    """Convert the file at ``path`` from ``encoding`` (a detection label) into UTF-8 NFC on
    ``target``; the same bytes as :func:`convert.convert_stream`, on up to ``workers`` cores.
    ``start_method`` overrides how workers start (tests run both)."""
    size = path.stat().st_size
    ranges = parts(path, size, part_size) if workers > 1 else []
    if len(ranges) < 2:
        with open(path, "rb") as source:
            convert_stream(source, target, encoding, tone_style=tone_style,
                           restore_case=restore_case, progress=progress)
        return
    options = (encoding, tone_style, restore_case)
    method = start_method or _start_method()
    workers = min(workers, len(ranges))
    fd = None
    if method == "fork":
        _converter(options)  # built once here (tables, compiled patterns), inherited by each child
        fd = _positioned_file(target)
    lengths = (_written_in_place(path, ranges, options, workers, target, fd) if fd is not None
               else _appended_parts(path, ranges, options, workers, method, target))
    done = 0
    for length in lengths:
        done += length
        if progress is not None:
            progress(done)


def _appended_parts(
    path: Path, ranges: list[tuple[int, int]], options: tuple[str, str, bool], workers: int,
    start_method: str, target: BinaryIO,
) -> Iterator[int]:
    """Workers convert into part files, appended to ``target`` in order; yields each part's
    source length once appended."""
    import tempfile  # only here: the in-place path needs no part files (faster CLI start)

    with tempfile.TemporaryDirectory(prefix="editor-app-convert-") as folder:
        for length, part in _converted_parts(path, ranges, options, workers, start_method,
                                             Path(folder)):
            _append(target, part)
            part.unlink()
            yield length


def _positioned_file(target: BinaryIO) -> int | None:
    """The descriptor of ``target`` when workers can write into it at offsets of their own: a
    regular file, not opened for appending (where Linux ignores pwrite's offset)."""
    try:
        fd = target.fileno()
        info = os.fstat(fd)
    except (AttributeError, OSError, ValueError):  # in memory, closed
        return None
    if not stat.S_ISREG(info.st_mode) or not hasattr(os, "pwrite"):
        return None
    import fcntl  # POSIX, like fork itself

    return None if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_APPEND else fd


def _written_in_place(
    path: Path, ranges: list[tuple[int, int]], options: tuple[str, str, bool], workers: int,
    target: BinaryIO, fd: int,
) -> Iterator[int]:
    """Forked workers write the parts straight into ``target`` (its descriptor ``fd``) from
    its current position; yields each part's source length once written, in order, and leaves
    ``target`` positioned after the last part."""
    from editor_app.validation.text import forkpool

    target.flush()
    window = 2 * workers  # forkpool keeps at most this many parts in flight: one baton each
    with _Batons(window) as batons:
        batons.hand(0, target.tell())

        def run(index: int) -> None:
            start, end = ranges[index]
            _write_part(converted_chunks(str(path), start, end, options), index, batons, fd)

        try:
            for index in forkpool.run_in_order(len(ranges), run, workers, window):
                start, end = ranges[index]
                yield end - start
        except forkpool.ChildFailed as exc:
            raise WorkerFailed(f"a conversion worker failed: {exc}") from exc
        target.seek(batons.take(len(ranges)))


def _write_part(chunks: Iterator[bytes], part: int, batons: _Batons, fd: int) -> None:
    """Write a part's converted chunks into ``fd`` at the part's offset: as they come once the
    offset is known (the part before has been converted), held in memory until then. The next
    part's offset is handed on as soon as this part's length is known, before the last writes."""
    start: int | None = None
    held: list[bytes] = []
    length = written = 0
    for chunk in chunks:
        held.append(chunk)
        length += len(chunk)
        if start is None:
            start = batons.poll(part)
        if start is not None:
            _write_at(fd, held, start + written)
            written = length
            held.clear()
    if start is None:
        start = batons.take(part)
    batons.hand(part + 1, start + length)
    _write_at(fd, held, start + written)


class _Batons:
    """A ring of pipes carrying "part N starts at byte X" from one worker to the next.

    Part ``n`` takes its offset from pipe ``n % size`` and hands the next part's on through
    pipe ``(n + 1) % size``. With at most ``size`` parts in flight, a pipe holds one offset at
    a time. A worker that dies leaves the next one blocked on its pipe, which the pool's
    parent notices (the dead child) and ends by killing them all."""

    _OFFSET = struct.Struct("<Q")

    def __init__(self, size: int) -> None:
        self._pipes = [os.pipe() for _ in range(size)]

    def __enter__(self) -> _Batons:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for read_end, write_end in self._pipes:
            os.close(read_end)
            os.close(write_end)

    def hand(self, part: int, offset: int) -> None:
        os.write(self._pipes[part % len(self._pipes)][1], self._OFFSET.pack(offset))

    def poll(self, part: int) -> int | None:
        """The offset of ``part`` if it has been handed on already, else None (no waiting)."""
        waiting = select.poll()
        waiting.register(self._pipes[part % len(self._pipes)][0], select.POLLIN)
        return self.take(part) if waiting.poll(0) else None

    def take(self, part: int) -> int:
        raw = os.read(self._pipes[part % len(self._pipes)][0], self._OFFSET.size)
        if len(raw) != self._OFFSET.size:  # never: offsets are written whole (below PIPE_BUF)
            raise OSError(f"part {part}: its start offset came in {len(raw)} bytes")
        return int(self._OFFSET.unpack(raw)[0])


def _write_at(fd: int, chunks: list[bytes], offset: int) -> None:
    """``chunks`` one after another into ``fd`` from ``offset`` (short writes continued)."""
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            written = os.pwrite(fd, view, offset)
            view, offset = view[written:], offset + written


def _part_file(folder: Path, index: int) -> Path:
    return folder / f"part-{index:06d}"


def _converted_parts(
    path: Path, ranges: list[tuple[int, int]], options: tuple[str, str, bool], workers: int,
    start_method: str, folder: Path,
) -> Iterator[tuple[int, Path]]:
    """Each part's source length and converted file, in order, as the workers finish them;
    only job numbers or file names travel between processes."""
    if start_method == "fork":
        yield from _forked_parts(path, ranges, options, workers, folder)
    else:
        yield from _pooled_parts(path, ranges, options, workers, start_method, folder)


def _forked_parts(
    path: Path, ranges: list[tuple[int, int]], options: tuple[str, str, bool], workers: int,
    folder: Path,
) -> Iterator[tuple[int, Path]]:
    from editor_app.validation.text import forkpool

    def run(index: int) -> None:
        start, end = ranges[index]
        convert_part(str(path), start, end, str(_part_file(folder, index)), *options)

    try:
        for index in forkpool.run_in_order(len(ranges), run, workers, 2 * workers):
            start, end = ranges[index]
            yield end - start, _part_file(folder, index)
    except forkpool.ChildFailed as exc:
        raise WorkerFailed(f"a conversion worker failed: {exc}") from exc


def _pooled_parts(
    path: Path, ranges: list[tuple[int, int]], options: tuple[str, str, bool], workers: int,
    start_method: str, folder: Path,
) -> Iterator[tuple[int, Path]]:
    """The executor's way, for spawned workers."""
    import multiprocessing  # only for large files: the imports cost a small file's start-up
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[tuple[int, Path, Future[None]]] = deque()
        for index, (start, end) in enumerate(ranges):
            out = _part_file(folder, index)
            job = pool.submit(convert_part, str(path), start, end, str(out), *options)
            pending.append((end - start, out, job))
            if len(pending) >= 2 * workers:
                yield _finished(pending.popleft())
        while pending:
            yield _finished(pending.popleft())


def _finished(entry: tuple[int, Path, Future[None]]) -> tuple[int, Path]:
    length, out, job = entry
    try:
        job.result()
    except (OSError, ValueError):
        raise
    except Exception as exc:  # BrokenProcessPool and the like: say what it means for the output
        raise WorkerFailed(f"a conversion worker stopped before finishing ({exc})") from exc
    return length, out


def _append(target: BinaryIO, part: Path) -> None:
    """Copy ``part`` onto the end of ``target``, inside the kernel where it can."""
    import shutil

    with open(part, "rb") as source:
        try:
            out_fd = target.fileno()
        except (AttributeError, OSError):  # an in-memory target
            shutil.copyfileobj(source, target, stream.CHUNK_SIZE)
            return
        target.flush()
        size = os.fstat(source.fileno()).st_size
        sent = 0
        try:
            while sent < size:
                count = os.sendfile(out_fd, source.fileno(), sent, size - sent)
                if not count:
                    break
                sent += count
        except (AttributeError, OSError):  # no sendfile between files here: copy in Python
            source.seek(sent)
            shutil.copyfileobj(source, target, stream.CHUNK_SIZE)


def _start_method() -> str:
    """fork only where it is safe and cheap: Linux, with no other thread running."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    threading = sys.modules.get("threading")  # never imported: no thread was ever started
    if threading is None or threading.active_count() == 1:
        return "fork"
    return "spawn"
