"""Typed, user-facing errors: one presenter in the UI knows how to show each kind.

A :class:`UserError` carries a message the user can act on, in Vietnamese and English. Known
environment failures get their own subclass so the presenter can offer the way out (log in again,
free disk space, retry later). Anything that is not a UserError is a bug and gets the crash dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can understand and act on."""

    def __init__(self, message_vi: str, message_en: str | None = None) -> None:
        super().__init__(message_en or message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi

    def message(self, language: str = "vi") -> str:
        return self.message_vi if language == "vi" else self.message_en


class OfflineError(UserError):
    """The portal cannot be reached; work continues offline."""


class AuthExpiredError(UserError):
    """The portal refused the saved token: the user must log in again."""


class DiskFullError(UserError):
    """The disk holding the app's data is full."""


class Cancelled(Exception):
    """Raised inside long work when the user cancelled; presenters ignore it silently."""
