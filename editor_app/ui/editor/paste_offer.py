"""Offering to convert legacy Vietnamese text right after it is pasted into the body.

The paste itself goes in at once, exactly as before; the pasted HTML (with its fonts, which
sanitising drops) is then read off the GUI thread by the documents engine
(`validation.documents.paste`). When it holds TCVN3/VNI/… text, an inline bar above the body says
so and offers "Chuyển sang Unicode" or "Giữ nguyên": non-modal, so typing goes on meanwhile.
Converting replaces exactly the pasted range, as one undo step, and only while that range still
holds what was pasted (an edit inside it withdraws the offer rather than overwrite the edit).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTextEdit, QWidget

log = logging.getLogger("editor_app.ui.paste")

TaskRunner = Callable[..., Any]  # OperationRunner.task: (fn, *args, on_done=…, on_error=…)


class PasteOfferBar(QFrame):
    """The inline question: what was found, and the two answers as buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.convert_button = QPushButton(self)
        self.keep_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.convert_button)
        layout.addWidget(self.keep_button)
        self._offer: Any = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Pasted text in a legacy encoding"))
        self.label.setAccessibleName(self.tr("What was found in the pasted text"))
        self.convert_button.setText(self.tr("Convert to Unicode"))
        self.convert_button.setAccessibleName(self.tr("Convert the pasted text to Unicode"))
        self.keep_button.setText(self.tr("Keep as is"))
        self.keep_button.setAccessibleName(self.tr("Keep the pasted text as it is"))
        if self._offer is not None:
            self.label.setText(self._describe(self._offer))

    def show_offer(self, offer: Any) -> None:
        self._offer = offer
        self.label.setText(self._describe(offer))
        self.show()
        self.convert_button.setFocus()

    def clear(self) -> None:
        self._offer = None
        self.hide()

    def _describe(self, offer: Any) -> str:
        names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS",
                 "viqr": "VIQR", "cp1258": "Windows-1258",
                 "mojibake": self.tr("mojibake (UTF-8 read as Windows-1252)")}
        encoding = names.get(offer.encoding, offer.encoding)
        if offer.fonts:
            return self.tr("The pasted text is in %1 (fonts: %2). Convert it to Unicode "
                           "(TCVN 6909)?").replace("%1", encoding).replace(
                               "%2", ", ".join(offer.fonts))
        return self.tr("The pasted text looks like %1. Convert it to Unicode "
                       "(TCVN 6909)?").replace("%1", encoding)


class PasteOffer(QObject):
    """Checks each paste of one text edit and carries out the user's answer."""

    def __init__(self, body: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.bar = PasteOfferBar(parent)
        self.run_task: TaskRunner | None = None  # the app's runner; None runs inline (tests)
        self.tone_style: Callable[[], str] = lambda: "keep"  # the profile's, set by the app
        self._ends: tuple[QTextCursor, QTextCursor] | None = None
        self._pasted = ""
        self._offer: Any = None
        self._generation = 0
        self.bar.convert_button.clicked.connect(self._on_convert_clicked)
        self.bar.keep_button.clicked.connect(self._on_keep_clicked)

    def check(self, payload: str, *, html: bool, start: int, end: int) -> None:
        """After a paste of ``payload`` that now fills ``start``..``end`` of the body."""
        self._withdraw()
        if end <= start:
            return
        document = self.body.document()
        self._ends = (QTextCursor(document), QTextCursor(document))
        self._ends[0].setPosition(start)
        self._ends[1].setPosition(end)
        self._ends[1].setKeepPositionOnInsert(True)  # typing on after the paste stays outside
        self._pasted = self._selection().selectedText()
        self._generation += 1
        generation = self._generation

        def done(offer: Any) -> None:
            self._on_offer(generation, offer)

        style = self.tone_style()
        if self.run_task is None:
            done(_find_offer(payload, html, style))
        else:
            self.run_task(_find_offer, payload, html, style, on_done=done,
                          on_error=_log_failure)

    def _on_offer(self, generation: int, offer: Any) -> None:
        if generation != self._generation or offer is None or not self._still_pasted():
            return
        self._offer = offer
        self.bar.show_offer(offer)

    def _selection(self) -> QTextCursor:
        """The pasted range as it is now: its ends follow edits made before and after it."""
        cursor = QTextCursor(self.body.document())
        if self._ends is not None:
            cursor.setPosition(self._ends[0].position())
            cursor.setPosition(self._ends[1].position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _still_pasted(self) -> bool:
        return self._ends is not None and self._selection().selectedText() == self._pasted

    def _on_convert_clicked(self) -> None:
        offer, cursor = self._offer, self._selection()
        if offer is None or not self._still_pasted():
            self._withdraw()
            return
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if offer.html:
            cursor.insertHtml(offer.converted)
        else:
            cursor.insertText(offer.converted)
        cursor.endEditBlock()
        self._withdraw()
        self.body.setFocus()

    def _on_keep_clicked(self) -> None:
        self._withdraw()
        self.body.setFocus()

    def _withdraw(self) -> None:
        self._generation += 1
        self._offer, self._ends, self._pasted = None, None, ""
        self.bar.clear()

    def text_changed(self) -> None:
        """An edit inside the pasted range withdraws a pending offer."""
        if self._offer is not None and not self._still_pasted():
            self._withdraw()


def _log_failure(exc: BaseException) -> None:
    """A failed check only costs the offer: the paste itself is already in the body."""
    log.warning("checking a paste for legacy encodings failed: %s", type(exc).__name__)


def _find_offer(payload: str, html: bool, tone_style: str = "keep") -> Any:
    """Pool thread: the documents engine's offer (None when nothing is legacy)."""
    from editor_app.validation.documents.paste import legacy_html_offer, legacy_text_offer

    if not html:
        return legacy_text_offer(payload, tone_style)
    from editor_app.ui.editor.body import clean_pasted_html

    return legacy_html_offer(payload, clean_pasted_html, tone_style)
