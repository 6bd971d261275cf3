"""Logging from day one: a rotating file in the log folder and an in-memory tail for "Show log".

Loggers are named per area (``editor_app.store``, ``editor_app.sync`` …). Nothing sensitive is
logged: :class:`RedactingFilter` masks tokens and passwords that slip into a message anyway.
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import re
from pathlib import Path

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


_tail: TailHandler | None = None


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Configure the ``editor_app`` logger tree once; returns the log file's path."""
    global _tail
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("editor_app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    _tail = TailHandler()
    for handler in (file_handler, _tail):
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(level)
    return path


def log_tail() -> list[str]:
    """The most recent log lines, oldest first (empty before :func:`setup_logging`)."""
    return list(_tail.lines) if _tail else []
