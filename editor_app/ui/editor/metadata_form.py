"""The category's metadata form, GENERATED from the profile's FieldSpecs: no per-category UI code.

A profile adding a field (a gazette number, a comment deadline) makes a new row appear here.
Each row validates inline with ``editor_app.validation.metadata.check_field`` as the user leaves
it; the message sits under the field, non-modal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("editor_app.ui.metadata")

EMPTY_DATE = QDate(1900, 1, 1)
Getter = Callable[[], Any]
Setter = Callable[[Any], None]


class FieldRow:
    """One generated input: the widget, how to read and write it, and its inline message."""

    def __init__(self, spec: Any, widget: QWidget, get: Getter, set_: Setter) -> None:
        self.spec = spec
        self.widget = widget
        self.get = get
        self.set = set_
        self.message = QLabel()
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.hide()


class MetadataForm(QWidget):
    """Rows for the current category's fields; ``sig_changed`` on any edit."""

    sig_changed = Signal()

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._layout = QFormLayout()
        outer = QVBoxLayout(self)
        self._empty = QLabel(self)
        outer.addWidget(self._empty)
        outer.addLayout(self._layout)
        outer.addStretch(1)
        self.rows: dict[str, FieldRow] = {}
        self._extra: dict[str, Any] = {}
        self._loading = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Category metadata"))
        self._empty.setText(self.tr("This category needs no extra metadata."))
        for row in self.rows.values():
            self._label_row(row)

    def set_fields(self, specs: tuple[Any, ...], values: dict[str, Any]) -> None:
        """Rebuild the rows for ``specs``; values of keys not shown are kept untouched."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.rows = {}
        self._loading = True
        for spec in specs:
            row = _make_row(spec, self)
            self.rows[spec.key] = row
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(row.widget)
            column.addWidget(row.message)
            self._layout.addRow(QLabel(self), holder)
            self._label_row(row)
            row.set(values.get(spec.key))
            _on_edit(row.widget, self._on_row_changed)
            _on_leave(row.widget, self._checker(row))
        self._extra = {k: v for k, v in values.items() if k not in self.rows}
        self._empty.setVisible(not specs)
        self._loading = False

    def _checker(self, row: FieldRow) -> Callable[[], None]:
        return lambda: self.check_row(row)

    def _label_row(self, row: FieldRow) -> None:
        vi = self._language() == "vi"
        text = row.spec.label_vi if vi else row.spec.label_en
        holder = row.widget.parentWidget()
        label = self._layout.labelForField(holder) if holder is not None else None
        if isinstance(label, QLabel):
            label.setText(text + (" *" if row.spec.required else ""))
            label.setBuddy(row.widget)
        row.widget.setAccessibleName(text)
        help_text = row.spec.help_vi if vi else row.spec.help_en
        row.widget.setToolTip(help_text)
        row.widget.setAccessibleDescription(help_text)

    def values(self) -> dict[str, Any]:
        result = dict(self._extra)
        for key, row in self.rows.items():
            value = row.get()
            if value not in ("", None, []):
                result[key] = value
            else:
                result.pop(key, None)
        return result

    def check_row(self, row: FieldRow) -> None:
        """Inline validation with the shared metadata checks, when they are installed."""
        try:
            from editor_app.validation.metadata import check_field
        except ImportError:
            return
        finding = check_field(row.spec, row.get())
        row.message.setVisible(finding is not None)
        if finding is not None:
            row.message.setText(finding.message(self._language()))

    def focus_field(self, key: str) -> bool:
        row = self.rows.get(key)
        if row is None:
            return False
        row.widget.setFocus()
        return True

    def _on_row_changed(self, *_: object) -> None:
        if not self._loading:
            self.sig_changed.emit()


def _make_row(spec: Any, parent: QWidget) -> FieldRow:
    kind = spec.type
    if kind == "choice":
        combo = QComboBox(parent)
        combo.addItem("", "")
        for choice in spec.choices:
            combo.addItem(choice, choice)
        return FieldRow(spec, combo, lambda: combo.currentData() or "",
                        lambda v: combo.setCurrentIndex(max(combo.findData(v or ""), 0)))
    if kind == "date":
        return _date_row(spec, parent)
    if kind in ("multiline", "list"):
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        if kind == "list":
            return FieldRow(spec, edit, lambda: _lines(edit.toPlainText()),
                            lambda v: edit.setPlainText("\n".join(v or [])))
        return FieldRow(spec, edit, lambda: edit.toPlainText().strip(),
                        lambda v: edit.setPlainText(str(v or "")))
    line = QLineEdit(parent)
    return FieldRow(spec, line, lambda: line.text().strip(),
                    lambda v: line.setText("" if v is None else str(v)))


def _date_row(spec: Any, parent: QWidget) -> FieldRow:
    """A date picker that can also be empty (the minimum date shows as blank)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(EMPTY_DATE)
    edit.setSpecialValueText(" ")

    def get() -> str:
        date = edit.date()
        return "" if date == EMPTY_DATE else date.toString("yyyy-MM-dd")

    def set_(value: Any) -> None:
        parsed = QDate.fromString(str(value or ""), "yyyy-MM-dd")
        edit.setDate(parsed if parsed.isValid() else EMPTY_DATE)

    return FieldRow(spec, edit, get, set_)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _on_edit(widget: QWidget, slot: Callable[..., None]) -> None:
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)


def _on_leave(widget: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(widget, QLineEdit):
        widget.editingFinished.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
    elif isinstance(widget, QDateEdit):
        widget.editingFinished.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
