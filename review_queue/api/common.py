"""Response declarations shared by the routers, so docs/openapi.json lists every error status."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path

from editor_app.core.wire import ErrorBody

# Database ids are 32-bit on PostgreSQL; anything larger cannot name a row.
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]

_TEXT = {
    400: "bad request", 401: "missing, expired or invalid token", 403: "not allowed for the caller",
    404: "no such item", 409: "not possible from the current state",
    412: "stale revision (body has the current one)", 413: "request too large",
    422: "invalid request or validation findings", 428: "If-Match required",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody, "description": _TEXT[status]} for status in statuses}
