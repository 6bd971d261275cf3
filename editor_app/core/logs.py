"""Logging from day one: a rotating file in the log folder and an in-memory tail for "Show log".

Loggers are named per area (``editor_app.store``, ``editor_app.sync`` …). Nothing sensitive is
logged: :class:`RedactingFilter` masks tokens and passwords that slip into a message anyway.

The GUI asks for the file to open late (``setup_logging(..., defer_file=True)`` then
:func:`open_log_file` once the window is painted): ``logging.handlers`` pulls in socket, pickle and
queue, ~7 ms of a start-up that must stay close to a bare Qt window. Until then records wait in
memory; an error, a flush or the interpreter's exit opens the file at once, so nothing is lost.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import re
from pathlib import Path
from typing import Any

LOG_FILE_NAME = "editor-app.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_SECRET = re.compile(
    r"(?i)(bearer\s+|token[\"'=:\s]+|password[\"'=:\s]+|authorization[\"'=:\s]+)([^\s\"',;]+)"
)


class RedactingFilter(logging.Filter):
    """Masks anything that looks like a bearer token or a password in a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET.sub(lambda m: m.group(1) + "***", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class TailHandler(logging.Handler):
    """Keeps the last lines in memory so the UI can show them without reading the file."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


class RotatingFile(logging.Handler):
    """The rotating log file (2 MB, five old files), opened on :meth:`open` or when needed.

    Records that arrive before the file is open wait in memory (at most ``pending_limit``);
    an ERROR or worse opens the file at once, and so do ``flush``/``close`` (logging's exit hook).
    """

    def __init__(self, path: Path, *, deferred: bool, pending_limit: int = 5000) -> None:
        super().__init__()
        self.path = path
        self._inner: logging.Handler | None = None
        self._pending: collections.deque[logging.LogRecord] = collections.deque(
            maxlen=pending_limit)
        if not deferred:
            self.open()

    def open(self) -> None:
        """Open the file (idempotent) and write what waited."""
        if self._inner is not None:
            return
        import logging.handlers

        with self.lock or _NO_LOCK:  # emit() runs under the same (re-entrant) lock
            if self._inner is not None:
                return
            inner = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
            inner.setFormatter(logging.Formatter(_FORMAT))
            while self._pending:
                inner.handle(self._pending.popleft())
            self._inner = inner

    def emit(self, record: logging.LogRecord) -> None:
        if self._inner is None and record.levelno < logging.ERROR:
            record.msg, record.args = record.getMessage(), None  # format now, args may change
            self._pending.append(record)
            return
        self.open()
        assert self._inner is not None
        self._inner.handle(record)

    def flush(self) -> None:
        if self._pending:
            self.open()
        if self._inner is not None:
            self._inner.flush()

    def close(self) -> None:
        self.flush()
        if self._inner is not None:
            self._inner.close()
        super().close()


_NO_LOCK = contextlib.nullcontext()
_tail: TailHandler | None = None
_file: RotatingFile | None = None


def setup_logging(log_dir: Path, level: int = logging.INFO, *, defer_file: bool = False) -> Path:
    """Configure the ``editor_app`` logger tree once; returns the log file's path.

    ``defer_file``: keep records in memory until :func:`open_log_file` (fast GUI start-up).
    """
    global _tail, _file
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("editor_app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    file_handler = _file = RotatingFile(path, deferred=defer_file)
    _tail = TailHandler()
    for handler in (file_handler, _tail):
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    return path


def open_log_file(*_: Any) -> None:
    """Open the deferred log file now (see :func:`setup_logging`); harmless when open."""
    if _file is not None:
        _file.open()


def log_tail() -> list[str]:
    """The most recent log lines, oldest first (empty before :func:`setup_logging`)."""
    return list(_tail.lines) if _tail else []
