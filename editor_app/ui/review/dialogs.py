"""The small forms of the workflow: a comment, a return with its reason, a publication record.

Each is opened with ``open()`` (window-modal, never a nested event loop) and hands back a
:class:`~editor_app.core.wire.TransitionRequest` built from what was typed, so the caller only
sends it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import wire
from editor_app.ui.review.labels import RETURN_REASONS, reason_label


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def problem(self) -> str:
        """Why the form cannot be sent yet ("" when it can)."""
        return ""

    def _on_ok(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


class CommentDialog(_Form):
    """Forward, approve, reject: an action with a comment (required for a rejection)."""

    def __init__(self, action: wire.Action, title: str, parent: QWidget | None = None,
                 required: bool = False) -> None:
        super().__init__(title, parent)
        self.action, self.required = action, required
        self.comment = QPlainTextEdit(self)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.form.addRow(self.tr("Comment"), self.comment)

    def problem(self) -> str:
        if self.required and not self.comment.toPlainText().strip():
            return self.tr("Please say why in the comment.")
        return ""

    def request(self) -> wire.TransitionRequest:
        text = self.comment.toPlainText().strip()
        return wire.TransitionRequest(action=self.action, comment=text or None)


class ReturnDialog(_Form):
    """Return with a reason from the list and free text; approvers choose to whom."""

    def __init__(self, from_approval: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return the item"), parent)
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        for code in RETURN_REASONS:
            self.reason.addItem(reason_label(code), code)
        self.comment = QPlainTextEdit(self)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Comment"), self.comment)
        self.to_secretary = QRadioButton(self.tr("To the secretary (back into review)"), self)
        self.to_author = QRadioButton(self.tr("To the author"), self)
        self.target = QButtonGroup(self)
        if from_approval:
            self.target.addButton(self.to_secretary)
            self.target.addButton(self.to_author)
            self.to_secretary.setChecked(True)
            self.form.addRow(self.tr("Send back"), self.to_secretary)
            self.form.addRow("", self.to_author)
        else:
            self.to_secretary.hide()
            self.to_author.hide()
        self.from_approval = from_approval

    def problem(self) -> str:
        if self.reason.currentData() == "other" and not self.comment.toPlainText().strip():
            return self.tr("Please explain the reason in the comment.")
        return ""

    def request(self) -> wire.TransitionRequest:
        target = None
        if self.from_approval:
            target = (wire.ReturnTarget.AUTHOR if self.to_author.isChecked()
                      else wire.ReturnTarget.SECRETARY)
        text = self.comment.toPlainText().strip()
        return wire.TransitionRequest(action=wire.Action.RETURN, reason=self.reason.currentData(),
                                      comment=text or None, target=target)


class PublishDialog(_Form):
    """Record publication: the item's address on the portal and the day it went up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record publication"), parent)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(self.tr("Address on the portal"))
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setAccessibleName(self.tr("Publication date"))
        self.form.addRow(self.tr("Address on the portal"), self.url)
        self.form.addRow(self.tr("Publication date"), self.day)

    def problem(self) -> str:
        if not self.url.text().strip().startswith(("http://", "https://")):
            return self.tr("Enter the full address of the published item (https://…).")
        return ""

    def request(self) -> wire.TransitionRequest:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        noon = datetime.combine(day, time(5, 0), tzinfo=UTC)  # 12:00 in Vietnam
        return wire.TransitionRequest(action=wire.Action.PUBLISH, url=self.url.text().strip(),
                                      published_at=noon)
