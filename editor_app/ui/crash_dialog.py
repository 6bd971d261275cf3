"""The crash dialog: what the error presenter shows for a bug (loaded only when one happens)."""

from __future__ import annotations

import traceback

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.logs import log_tail


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
