"""Structured logs: one JSON object per line on stderr, secrets masked, no request bodies.

Operators feed these to whatever collects logs at the province; fields are stable
(``ts``, ``level``, ``logger``, ``msg``, plus ``method``/``path``/``status``/``ms``/``user`` on
access lines). Headers and bodies are never logged, and the app's redacting filter masks anything
that looks like a token or password that slips into a message anyway.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from editor_app.core.logs import RedactingFilter

ACCESS_FIELDS = ("method", "path", "status", "ms", "user", "request_id")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in ACCESS_FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: int = logging.INFO, *, as_json: bool = True) -> None:
    """Configure the ``review_queue`` logger tree once per process (idempotent)."""
    root = logging.getLogger("review_queue")
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if as_json else logging.Formatter(
        "%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
