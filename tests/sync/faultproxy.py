"""A small fault-injecting HTTP proxy on 127.0.0.1, placed in front of the real service.

Each request goes to the service on its own connection (``Connection: close``), so faults can be
aimed at the n-th request matching a method and path:

- ``drop``: forward ``arg`` bytes of the request body, then cut both connections (mid-upload);
- ``error_before``: answer 500 without the service ever seeing the request;
- ``error_after``: let the service handle it, then answer 500 instead (the reply is lost);
- ``hang_after``: let the service handle it, then say nothing until the client gives up;
- ``reset_after``: let the service handle it, then close the connection without a reply.

The *_after faults are the nasty ones for idempotency: the work was done but the client cannot
know it.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from dataclasses import dataclass, field

FAULTS = ("drop", "error_before", "error_after", "hang_after", "reset_after")
_ERROR_BODY = b'{"code": "fault", "message": "injected"}'
_ERROR = (b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
          b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_ERROR_BODY), _ERROR_BODY))


@dataclass
class Rule:
    method: str
    path: str           # a regular expression searched in the request path
    kind: str
    nth: int = 1        # the n-th matching request (1-based) gets the fault
    arg: int = 0
    seen: int = 0
    fired: bool = False

    def matches(self, method: str, path: str) -> bool:
        return method == self.method and re.search(self.path, path) is not None


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    rules: list[Rule] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)
    port: int = 0  # 0: any free port

    def __post_init__(self) -> None:
        if any(rule.kind not in FAULTS for rule in self.rules):
            raise ValueError("unknown fault")
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stop = threading.Event()
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def add(self, method: str, path: str, kind: str, nth: int = 1, arg: int = 0) -> Rule:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind}")
        rule = Rule(method, path, kind, nth, arg)
        with self._lock:
            self.rules.append(rule)
        return rule

    def close(self) -> None:
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _fault_for(self, method: str, path: str) -> Rule | None:
        with self._lock:
            for rule in self.rules:
                if rule.fired or not rule.matches(method, path):
                    continue
                rule.seen += 1
                if rule.seen == rule.nth:
                    rule.fired = True
                    return rule
        return None

    def _handle(self, client: socket.socket) -> None:
        with client:
            try:
                head, rest = _read_head(client)
            except ConnectionError:
                return
            if not head:
                return
            method, path, headers = _parse_head(head)
            rule = self._fault_for(method, path)
            self.log.append((method, path, rule.kind if rule else "pass"))
            if rule is not None and rule.kind == "error_before":
                client.sendall(_ERROR)
                return
            with contextlib.suppress(OSError):
                self._relay(client, head, rest, headers, rule)

    def _relay(self, client: socket.socket, head: bytes, rest: bytes, headers: dict[str, str],
               rule: Rule | None) -> None:
        length = int(headers.get("content-length", "0"))
        with socket.create_connection(self.upstream) as upstream:
            upstream.sendall(_close_head(head))
            limit = rule.arg if rule is not None and rule.kind == "drop" else None
            if not _pipe_body(client, upstream, rest, length, limit):
                return  # "drop": cut mid-body, both sides see the connection die
            reply = _read_all(upstream)
        if rule is None:
            client.sendall(reply)
        elif rule.kind == "error_after":
            client.sendall(_ERROR)
        elif rule.kind == "hang_after":
            client.settimeout(30)
            with contextlib.suppress(OSError):
                client.recv(1)  # returns when the client times out and closes
        # reset_after: just close


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return b"", b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head + b"\r\n\r\n", rest


def _parse_head(head: bytes) -> tuple[str, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    return method, path, headers


def _close_head(head: bytes) -> bytes:
    lines = [line for line in head.decode("latin-1").split("\r\n")
             if line and not line.lower().startswith("connection:")]
    return ("\r\n".join([*lines, "Connection: close"]) + "\r\n\r\n").encode("latin-1")


def _pipe_body(client: socket.socket, upstream: socket.socket, rest: bytes, length: int,
               limit: int | None) -> bool:
    """Forward the body; with ``limit``, stop after that many bytes and report False."""
    sent = 0
    pending = rest
    while sent < length:
        if not pending:
            pending = client.recv(1024 * 1024)
            if not pending:
                return False
        if limit is not None and sent + len(pending) >= limit:
            upstream.sendall(pending[: max(0, limit - sent)])
            upstream.shutdown(socket.SHUT_RDWR)
            client.shutdown(socket.SHUT_RDWR)
            return False
        upstream.sendall(pending)
        sent += len(pending)
        pending = b""
    return True


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(1024 * 1024):
        chunks.append(chunk)
    return b"".join(chunks)
