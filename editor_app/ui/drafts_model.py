"""The drafts list's table model: rows of :class:`ArticleSummary`, sorted in memory.

Imported once the list needs it (``DraftsView.model``), after the window's first frame: Qt hands
a Python model's methods Qt's enums (orientation, sort order, roles), and the first use of
PySide6's ``Qt`` namespace builds all of its enum classes at once (~15 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from editor_app.ui.drafts_columns import COLUMNS, DEADLINE_COLUMN, UPDATED_COLUMN, column_title

if TYPE_CHECKING:
    from editor_app.core.articles import ArticleSummary

_Index = QModelIndex | QPersistentModelIndex
_OVERDUE_COLOR = "#b00020"
DEFAULT_SORT = (UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)


class DraftsModel(QAbstractTableModel):
    """Rows of :class:`ArticleSummary`; sorting happens here, in memory."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self._sort: tuple[int, Qt.SortOrder] = DEFAULT_SORT
        self.category_name: Callable[[str], str] = lambda cid: cid
        self.today: Callable[[], date] = date.today

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(row, index.column())
            return self.tr("%1 — past its publication deadline").replace("%1", text) \
                if self.overdue(row) else text
        if role == Qt.ItemDataRole.ForegroundRole and self.overdue(row):
            from PySide6.QtGui import QColor

            return QColor(_OVERDUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and index.column() == DEADLINE_COLUMN \
                and self.overdue(row):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def overdue(self, row: ArticleSummary) -> bool:
        """Overdue rows are drawn in red, their deadline in bold, and say so in the tooltip."""
        from editor_app.ui.deadlines import is_overdue

        return is_overdue(row, self.today())

    def _display(self, row: ArticleSummary, column: int) -> str:
        if column == 0:
            return row.title or self.tr("(untitled)")
        if column == 1:
            return self.category_name(row.category)
        if column == 2:
            return QCoreApplication.translate("DraftsModel", row.state)
        if column == 3:
            return row.updated_at.astimezone().strftime("%d/%m/%y %H:%M")
        return _vn_date(row.deadline)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_title(section)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self.rows.sort(key=COLUMNS[column][1], reverse=order == Qt.SortOrder.DescendingOrder)

    def id_at(self, row: int) -> int:
        return self.rows[row].id


def _vn_date(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"
