"""ASGI middleware: request size limits and the access log.

JSON bodies are capped (``Settings.max_json_bytes``) both by ``Content-Length`` and by counting a
chunked body as it arrives; tus PATCH bodies are exempt here because the upload endpoint bounds
them by the upload's declared length.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from editor_app.core.wire import UPLOADS_PATH

access = logging.getLogger("review_queue.access")


class BodyTooLarge(Exception):
    pass


class LimitsAndAccessLog:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, state = time.perf_counter(), {"status": 0}
        request_id = _header(scope, b"x-request-id") or uuid.uuid4().hex[:16]
        limited = not scope["path"].startswith(UPLOADS_PATH)

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            if limited and _declared_length(scope) > self.max_body:
                await _too_large(send_logged, self.max_body)
            else:
                await self.app(scope, self._counting(receive) if limited else receive,
                               send_logged)
        except BodyTooLarge:
            if not state["status"]:
                await _too_large(send_logged, self.max_body)
        finally:
            _log_access(scope, state["status"], started, request_id)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge
            return message

        return counted


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            text: str = value.decode("latin-1")[:64]
            return text
    return None


def _declared_length(scope: Scope) -> int:
    value = _header(scope, b"content-length")
    return int(value) if value and value.isdigit() else 0


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"code": "too-large", "message": f"request bodies are limited to {limit} "
                       "bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _log_access(scope: Scope, status: int, started: float, request_id: str) -> None:
    state: Any = scope.get("state") or {}
    user = state.get("username") if isinstance(state, dict) else None
    access.info("%s %s %s", scope.get("method"), scope.get("path"), status, extra={
        "method": scope.get("method"), "path": scope.get("path"), "status": status,
        "ms": round((time.perf_counter() - started) * 1000, 1), "user": user,
        "request_id": request_id,
    })
