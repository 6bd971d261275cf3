"""An inline, non-modal message strip: where UserErrors and short notices appear."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

HIDE_AFTER_MS = 12_000


class MessageBar(QFrame):
    """Shows one message at a time; it hides by itself so it never blocks work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.clicked.connect(self.hide)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Message"))
        self._label.setAccessibleName(self.tr("Message text"))
        self._close.setAccessibleName(self.tr("Close message"))
        self._close.setToolTip(self.tr("Close message"))

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.setProperty("error", error)
        self.style().unpolish(self)
        self.style().polish(self)
        self._label.setText(text)
        self.show()
        self._timer.start(HIDE_AFTER_MS)

    @property
    def text(self) -> str:
        return self._label.text()
