"""Sending one request and turning every failure into a typed error the engine understands.

Network failures (refused, reset, timed out, TLS) become :class:`OfflineError`; HTTP errors map by
status to the classes in :mod:`editor_app.sync.errors`. Messages never include headers, so a token
cannot leak into a log or a dialog.
"""

from __future__ import annotations

import logging
from typing import Any

import requests

from editor_app.sync.errors import (
    AuthExpiredError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    OfflineError,
    PortalError,
    RejectedError,
    ServerBusyError,
    StaleRevisionError,
)

log = logging.getLogger("editor_app.sync.transport")


def send(session: requests.Session, method: str, url: str, *, timeout: tuple[float, float],
         **kwargs: Any) -> requests.Response:
    """``session.request`` with network failures mapped to :class:`OfflineError`."""
    try:
        return session.request(method, url, timeout=timeout, **kwargs)
    except requests.exceptions.SSLError as exc:
        log.warning("%s %s: TLS failure %s", method, url, type(exc).__name__)
        raise OfflineError(
            "Không xác thực được chứng thư của cổng (kiểm tra tệp chứng thư CA trong cài đặt).",
            "The portal's certificate could not be verified (check the CA bundle setting).",
        ) from exc
    except requests.exceptions.Timeout as exc:
        log.info("%s %s: timed out", method, url)
        raise OfflineError("Cổng không trả lời kịp, sẽ thử lại.",
                           "The portal did not answer in time; will retry.") from exc
    except requests.exceptions.RequestException as exc:
        log.info("%s %s: %s", method, url, type(exc).__name__)
        raise OfflineError("Không kết nối được tới cổng, sẽ thử lại.",
                           "Cannot reach the portal; will retry.") from exc


def _json_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {"detail": body}


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.replace(".", "", 1).isdigit() else None


def raise_for_status(response: requests.Response) -> None:
    """Raise the typed error for a failed reply; do nothing for 1xx–3xx."""
    status = response.status_code
    if status < 400:
        return
    if status >= 500 or status == 429:
        raise ServerBusyError(status, _retry_after(response))
    body = _json_body(response)
    code = str(body.get("code", ""))
    detail = str(body.get("message") or body.get("detail") or "")
    if status == 401:
        raise AuthExpiredError("Phiên đăng nhập đã hết hạn, hãy đăng nhập lại.",
                               "Your login has expired; please log in again.")
    if status == 412:
        raise StaleRevisionError(body)
    if status == 422:
        reasons = [str(f.get("message", "")) for f in body.get("findings") or []
                   if isinstance(f, dict)]
        detail = "; ".join(reasons[:3]) or detail
        raise RejectedError("Cổng từ chối nội dung: " + detail,
                            "The portal refused the content: " + detail, status, code, body)
    kinds: dict[int, tuple[type[PortalError], str, str]] = {
        403: (ForbiddenError, "Tài khoản không có quyền làm việc này",
              "Not allowed for this account"),
        404: (NotFoundError, "Không tìm thấy trên cổng", "Not found on the portal"),
        409: (ConflictError, "Không thực hiện được ở trạng thái hiện tại",
              "Not possible in the current state"),
    }
    kind, vi, en = kinds.get(status, (PortalError, "Cổng báo lỗi", "The portal reported an error"))
    suffix = f": {detail}" if detail else f" (HTTP {status})"
    raise kind(vi + suffix, en + suffix, status, code, body)
