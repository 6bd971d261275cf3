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
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import Cancelled, UserError
from editor_app.core.logs import log_tail

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
        if not self.dialogs or QApplication.instance() is None:
            return
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


class CrashDialog(QDialog):
    """Says that something went wrong, shows the error and the log tail, and offers to copy it."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAccessibleName(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Something went wrong. Your drafts are saved. Please send the "
                               "text below to your IT staff."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        details = QPlainTextEdit(self)
        details.setReadOnly(True)
        details.setAccessibleName(self.tr("Error details and log"))
        details.setPlainText(_details(exc))
        layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 450)


def _details(exc: BaseException) -> str:
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return trace + "\n--- log ---\n" + "\n".join(log_tail()[-200:])
