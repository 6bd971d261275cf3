"""The one error presenter: every failure the UI sees goes through :class:`ErrorPresenter`.

A :class:`~editor_app.core.errors.UserError` is something the user can act on: it is shown inline,
non-modal,
in the main window's message bar. :class:`~editor_app.core.errors.Cancelled` is the user's
own choice and stays silent. Anything else is a bug: it is logged with its traceback and the crash
dialog offers the log, unless ``--no-error-dialogs`` asked for logging only (tests, IT scripts).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from editor_app.core.errors import Cancelled, UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("editor_app.ui.errors")

InlineSink = Callable[[str], None]


class ErrorPresenter(QObject):
    """Decides how to show an exception; ``inline_sink`` shows a message without blocking."""

    def __init__(self, *, dialogs: bool = True, language: Callable[[], str] = lambda: "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self._language = language
        self._inline_sink: InlineSink | None = None
        self._dialog_parent: QWidget | None = None
        self.last_crash: BaseException | None = None

    def attach(self, inline_sink: InlineSink, dialog_parent: QWidget | None) -> None:
        self._inline_sink = inline_sink
        self._dialog_parent = dialog_parent

    def present(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, UserError):
            self._show_user_error(exc)
            return
        self._show_bug(exc)

    def _show_user_error(self, exc: UserError) -> None:
        message = exc.message(self._language())
        log.info("user error: %s", exc.message_en)
        if self._inline_sink is not None:
            self._inline_sink(message)

    def _show_bug(self, exc: BaseException) -> None:
        self.last_crash = exc
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        if not self.dialogs or QCoreApplication.instance() is None:
            return
        from editor_app.ui.crash_dialog import CrashDialog

        CrashDialog(exc, self._dialog_parent).open()

    def install_excepthook(self) -> None:
        """Uncaught exceptions in slots end up here instead of killing the app silently."""

        def hook(kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, exc, tb)
                return
            self.present(exc.with_traceback(tb))

        sys.excepthook = hook
