"""A plain HTTP forward proxy on 127.0.0.1 that plays an agency's proxy in front of the service.

It takes absolute-form requests (``POST http://cong.sonla.test/api/v1/auth/login``), records
each target and forwards it, in origin form, to the real review-queue service, one connection
per request. The portal's name never resolves: only a client that really uses the proxy from
settings can reach it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit


class AgencyProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.targets: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client, contextlib.suppress(OSError):
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = client.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ", 2)
            self.targets.append(f"{method} {target}")
            parts = urlsplit(target)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            headers = [line for line in lines[1:] if line and not line.lower().startswith(
                ("connection:", "proxy-connection:"))]
            length = next((int(line.split(":", 1)[1]) for line in headers
                           if line.lower().startswith("content-length:")), 0)
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    return
                body += chunk
            request = "\r\n".join([f"{method} {path} {version}", *headers, "Connection: close"])
            with socket.create_connection(self.upstream) as upstream:
                upstream.sendall(request.encode("latin-1") + b"\r\n\r\n" + body)
                while chunk := upstream.recv(65536):
                    client.sendall(chunk)
