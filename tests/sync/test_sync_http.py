"""The session every portal call uses: TLS trust, proxies and timeouts, against real sockets."""

from __future__ import annotations

import datetime as dt
import http.server
import socketserver
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from editor_app.core.settings import Preset, Settings
from editor_app.sync.errors import OfflineError
from editor_app.sync.http import ConnectionOptions, build_session
from editor_app.sync.transport import send

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

TIMEOUT = (5.0, 5.0)


def _cert(subject: str, issuer_key, issuer_name, key, *, ca: bool):  # type: ignore[no-untyped-def]
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
    else:
        import ipaddress
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage(
            [x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture
def agency_ca(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A private CA (like a government network's) and a server certificate it signed."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "So TTTT Test CA")])
    ca_cert = _cert("So TTTT Test CA", ca_key, ca_name, ca_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _cert("127.0.0.1", ca_key, ca_name, key, ca=False)
    paths = tmp_path / "ca.pem", tmp_path / "server.pem", tmp_path / "server.key"
    paths[0].write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class _Hello(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Hello.seen.append(self.requestline)
        body = b'{"status": "ok"}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(context: ssl.SSLContext | None = None) -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Hello)
    server.daemon_threads = True
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    scheme = "https" if context else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def https_url(agency_ca: tuple[Path, Path, Path]) -> Iterator[str]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(agency_ca[1], agency_ca[2])
    yield from _serve(context)


@pytest.fixture
def http_url() -> Iterator[str]:
    _Hello.seen = []
    yield from _serve()


def test_tls_is_verified_and_an_unknown_ca_is_refused(https_url: str) -> None:
    session = build_session(ConnectionOptions(https_url))
    with pytest.raises(OfflineError) as caught:
        send(session, "GET", https_url + "/api/v1/health", timeout=TIMEOUT)
    assert "CA" in caught.value.message("en")


def test_the_configured_ca_bundle_is_trusted(https_url: str, agency_ca) -> None:
    session = build_session(ConnectionOptions(https_url, ca_bundle=str(agency_ca[0])))
    response = send(session, "GET", https_url + "/api/v1/health", timeout=TIMEOUT)
    assert response.json() == {"status": "ok"}


def test_every_request_needs_a_timeout(http_url: str) -> None:
    session = build_session(ConnectionOptions(http_url))
    with pytest.raises(ValueError, match="timeout"):
        session.get(http_url)
    assert session.get(http_url, timeout=TIMEOUT).status_code == 200


def test_proxy_from_settings_is_used(http_url: str, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json", Preset())
    settings.set("proxy", http_url)  # our little server plays the agency proxy
    options = ConnectionOptions.from_settings(settings, base_url="http://cong.example.invalid")
    session = build_session(options)
    send(session, "GET", "http://cong.example.invalid/api/v1/health", timeout=TIMEOUT)
    assert _Hello.seen == ["GET http://cong.example.invalid/api/v1/health HTTP/1.1"]


def test_proxy_from_the_environment_is_used(http_url: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", http_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = build_session(ConnectionOptions("http://cong.example.invalid"))
    send(session, "GET", "http://cong.example.invalid/x", timeout=TIMEOUT)
    assert _Hello.seen == ["GET http://cong.example.invalid/x HTTP/1.1"]


def test_a_portal_on_this_machine_bypasses_the_proxy(http_url: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    session = build_session(ConnectionOptions(http_url, proxy="http://127.0.0.1:9"))
    assert send(session, "GET", http_url + "/y", timeout=TIMEOUT).status_code == 200
    assert _Hello.seen == ["GET /y HTTP/1.1"]


def test_an_unreachable_portal_is_offline() -> None:
    session = build_session(ConnectionOptions("http://127.0.0.1:9"))
    with pytest.raises(OfflineError):
        send(session, "GET", "http://127.0.0.1:9/api/v1/health", timeout=(2.0, 2.0))
