"""One way to build the HTTP session every portal call goes through.

Government networks run their own certificate authorities and proxies, so the session verifies TLS
with the operating system's trust store (``truststore``) plus an optional CA bundle from settings,
takes its proxy from settings or the environment, and never waits forever: :class:`PortalSession`
refuses a request without a timeout. Uploads stream large blocks, so the connection pool is built
with a large socket block size (4 MiB: with the default 16 KiB, Python overhead per block
costs a third of the throughput on a busy machine; see benchmarks/bench_upload.py).
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
SOCKET_BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class ConnectionOptions:
    """How to reach one portal: address, extra trust, proxy and timeouts."""

    base_url: str
    ca_bundle: str = ""
    proxy: str = ""
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)

    @property
    def root(self) -> str:
        return self.base_url.rstrip("/")

    @classmethod
    def from_settings(cls, settings: Any, base_url: str | None = None) -> ConnectionOptions:
        """Options from the app's Settings (portal_url, ca_bundle, proxy)."""
        return cls(
            base_url=base_url or settings.get("portal_url"),
            ca_bundle=settings.get("ca_bundle"),
            proxy=settings.get("proxy"),
        )


def tls_context(ca_bundle: str = "") -> ssl.SSLContext:
    """The OS trust store, plus the agency's own CA bundle when one is configured."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        context.load_verify_locations(cafile=ca_bundle)
    return context


class _TrustStoreAdapter(HTTPAdapter):
    """Hands our SSL context to urllib3 instead of requests' bundled certifi file."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__()

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs: Any) -> None:
        pool_kwargs.update(ssl_context=self._context, blocksize=SOCKET_BLOCK)
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.update(ssl_context=self._context, blocksize=SOCKET_BLOCK)
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: Any, cert: Any = None
    ) -> Any:
        host, given = super().build_connection_pool_key_attributes(request, verify, cert)
        pool: dict[str, Any] = dict(given)
        pool.pop("ca_certs", None)
        pool.pop("ca_cert_dir", None)
        if verify is not False:
            pool["ssl_context"] = self._context
        return host, pool

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        conn.cert_reqs = "CERT_REQUIRED" if verify is not False else "CERT_NONE"
        conn.ca_certs = conn.ca_cert_dir = None


class PortalSession(requests.Session):
    """A requests Session that insists on a timeout for every call."""

    def request(self, method: str | bytes, url: str | bytes,
                *args: Any, **kwargs: Any) -> requests.Response:
        if kwargs.get("timeout") is None:
            raise ValueError("every portal request needs a timeout")
        return super().request(method, url, *args, **kwargs)


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_session(options: ConnectionOptions) -> PortalSession:
    """A session for ``options``: OS trust store, proxy from settings or environment."""
    session = PortalSession()
    adapter = _TrustStoreAdapter(tls_context(options.ca_bundle))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    if is_loopback(options.base_url):
        session.trust_env = False  # a portal on this machine never goes through a proxy
    elif options.proxy:
        session.proxies = {"http": options.proxy, "https": options.proxy}
    session.headers["User-Agent"] = "editor-app"
    return session
