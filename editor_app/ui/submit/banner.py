"""The open draft's portal state, shown in the editor's header.

Put above the editor's fields by the submit controller (the editor itself stays unaware of the
portal). A returned draft shows the secretary's comments right beside the text they are about,
and says how to send it again.
"""

from __future__ import annotations

from html import escape as _escape

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.sync.outbox import ItemState
from editor_app.ui.submit.work import Row

_STYLES = {
    "returned": "background:#fff4ce; border:1px solid #c19c00; padding:6px; border-radius:4px",
    "failed": "background:#fde7e9; border:1px solid #b3261e; padding:6px; border-radius:4px",
    "plain": "background:#eef4fb; border:1px solid #9cbbe0; padding:4px; border-radius:4px",
}


class DraftStateBanner(QLabel):
    """Empty and hidden for a draft that never left; otherwise its state and comments."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftPortalState")
        self.setWordWrap(True)
        self.language = language
        self.row: Row | None = None
        self.hide()

    def show_row(self, row: Row | None) -> None:
        self.row = row
        self.retranslate()

    def retranslate(self) -> None:
        row = self.row
        if row is None or row.state is ItemState.CANCELLED:
            self.clear()
            self.hide()
            return
        lines = [self.tr("On the portal: %1").replace("%1", _escape(row.text(self.language)))]
        lines += [f"• {_escape(text)}" for text in row.comments if text]
        if row.returned:
            lines.append(self.tr("Make the changes, then send it again with Ctrl+Enter."))
            style = "returned"
        else:
            style = "failed" if row.state is ItemState.FAILED else "plain"
        self.setStyleSheet(_STYLES[style])
        self.setText("<br>".join(lines))
        self.setAccessibleName(self.tr("Portal state of this draft"))
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
