""""Show log": the in-memory tail of the log, with the log folder's path for IT staff."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.logs import log_tail


class LogDialog(QDialog):
    """Read-only, newest line last; Refresh re-reads the tail, Open folder shows the files."""

    def __init__(self, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log_dir = log_dir
        self.setWindowTitle(self.tr("Log"))
        self.setAccessibleName(self.tr("Log"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFont("monospace"))
        self.text.setAccessibleName(self.tr("Log lines"))
        where = QLabel(self.tr("Log files: %s") % log_dir, self)
        where.setTextInteractionFlags(where.textInteractionFlags())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        folder = buttons.addButton(self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.refresh)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 500)
        self.refresh()

    def refresh(self) -> None:
        self.text.setPlainText("\n".join(log_tail()))
        self.text.verticalScrollBar().setValue(self.text.verticalScrollBar().maximum())
