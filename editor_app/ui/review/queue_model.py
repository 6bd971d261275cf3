"""Submissions as a table: deadline first, overdue rows flagged, rows checkable for bulk work."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from editor_app.core import wire
from editor_app.core.reports import OPEN_STATES
from editor_app.ui.review.labels import day_text, state_label

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NEAR_DAYS = 2
OVERDUE = QColor("#b3261e")
NEAR = QColor("#8a5a00")


def is_overdue(item: wire.Submission, today: date) -> bool:
    return item.deadline is not None and item.deadline < today and item.state in OPEN_STATES


def is_near(item: wire.Submission, today: date) -> bool:
    return (item.deadline is not None and item.state in OPEN_STATES
            and 0 <= (item.deadline - today).days <= NEAR_DAYS)


class QueueModel(QAbstractTableModel):
    COLUMNS = ("deadline", "title", "unit", "category", "state", "claimed_by", "updated")

    def __init__(self, checkable: bool = False, parent: Any = None,
                 names: Any = None) -> None:
        super().__init__(parent)
        self.names = names  # the session: unit_name(), category_name()
        self.items: list[wire.Submission] = []
        self.checked: set[int] = set()
        self.checkable = checkable
        self.today = date.today()

    def set_items(self, items: list[wire.Submission], today: date) -> None:
        self.beginResetModel()
        self.items, self.today = list(items), today
        self.checked &= {i.id for i in items}
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Deadline"), self.tr("Title"), self.tr("Unit"), self.tr("Category"),
                self.tr("State"), self.tr("Held by"), self.tr("Updated")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.checkable and index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and column == "deadline":
            return Qt.CheckState.Checked if item.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column in ("deadline", "title"):
            return self._deadline_brush(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._deadline_tip(item) if column == "deadline" else self._text(item, column)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.checkable:
            return False
        ident = self.items[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(ident)
        else:
            self.checked.discard(ident)
        self.dataChanged.emit(index, index, [role])
        return True

    def _text(self, item: wire.Submission, column: str) -> str:
        if column == "deadline":
            mark = "⚠ " if is_overdue(item, self.today) else ""
            return mark + day_text(item.deadline)
        if column == "state":
            return state_label(str(item.state))
        if column == "updated":
            return item.updated_at.astimezone().strftime("%d/%m/%Y %H:%M")
        if column == "claimed_by":
            return item.claimed_by or ""
        if column == "unit" and self.names is not None:
            return str(self.names.unit_name(item.unit))
        if column == "category" and self.names is not None:
            return str(self.names.category_name(item.category))
        return str(getattr(item, column))

    def _sort_key(self, item: wire.Submission, column: str) -> Any:
        if column == "deadline":
            return (item.deadline or date.max).isoformat() + f"{item.id:012d}"
        if column == "updated":
            return item.updated_at.isoformat()
        return self._text(item, column).casefold()

    def _deadline_brush(self, item: wire.Submission) -> QBrush | None:
        if is_overdue(item, self.today):
            return QBrush(OVERDUE)
        return QBrush(NEAR) if is_near(item, self.today) else None

    def _deadline_tip(self, item: wire.Submission) -> str:
        if is_overdue(item, self.today):
            return self.tr("Overdue: the publication deadline has passed")
        if is_near(item, self.today):
            return self.tr("The publication deadline is near")
        return ""

    def item_at(self, row: int) -> wire.Submission:
        return self.items[row]
