"""Typed portal failures, split the way the sync engine must treat them.

*Transient* failures (offline, timeout, 5xx, 429) are retried with backoff; *permanent* ones
(validation refused, forbidden, bad request) stop and show why; an expired token asks for a login.
Each carries a Vietnamese and English message for the one error presenter in the UI.
"""

from __future__ import annotations

from typing import Any

from editor_app.core.errors import AuthExpiredError, OfflineError, UserError

__all__ = [
    "AuthExpiredError", "ConflictError", "ForbiddenError", "NotFoundError", "OfflineError",
    "PortalError", "RejectedError", "ServerBusyError", "StaleRevisionError", "is_transient",
]


class PortalError(UserError):
    """The portal answered with an error; ``status`` and ``code`` come from its reply."""

    def __init__(self, message_vi: str, message_en: str, status: int = 0, code: str = "",
                 body: dict[str, Any] | None = None) -> None:
        super().__init__(message_vi, message_en)
        self.status = status
        self.code = code
        self.body = body or {}


class ServerBusyError(PortalError):
    """5xx or 429: the portal has trouble right now; try again later."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        super().__init__(f"Cổng đang gặp sự cố (mã {status}), sẽ thử lại sau.",
                         f"The portal has a problem (HTTP {status}); will retry.", status)
        self.retry_after = retry_after


class ForbiddenError(PortalError):
    """403: the account may not do this."""


class NotFoundError(PortalError):
    """404: no such item (or not visible to this account)."""


class ConflictError(PortalError):
    """409: not possible from the item's current state."""


class StaleRevisionError(PortalError):
    """412: somebody changed the item since the revision we based our write on."""

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__("Bài đã được người khác sửa; cần xem lại thay đổi.",
                         "The item was changed by someone else; review the changes.",
                         412, str(body.get("code", "stale")), body)
        self.current: dict[str, Any] | None = body.get("current")


class RejectedError(PortalError):
    """422: the portal's own checks refused the content; ``findings`` say why."""

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.body.get("findings") or [])


def is_transient(exc: BaseException) -> bool:
    """True for failures worth retrying unchanged later."""
    return isinstance(exc, OfflineError | ServerBusyError)
