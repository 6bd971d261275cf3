"""The list of local drafts: sortable columns and a search box that searches as you type.

Searching ignores diacritics and case ("quyet dinh" finds "Quyết định") because the store's search
does; the view only debounces keystrokes and runs the query on the pool, dropping answers to
queries the user has already typed past.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.context import AppContext

if TYPE_CHECKING:
    from editor_app.core.articles import ArticleSummary

SEARCH_DEBOUNCE_MS = 150
DEADLINE_COLUMN = 4
# workflow states, translated at display time; listed here so lupdate finds them
_STATES = (
    QT_TRANSLATE_NOOP("DraftsModel", "draft"),
    QT_TRANSLATE_NOOP("DraftsModel", "submitted"),
    QT_TRANSLATE_NOOP("DraftsModel", "in_review"),
    QT_TRANSLATE_NOOP("DraftsModel", "returned"),
    QT_TRANSLATE_NOOP("DraftsModel", "awaiting_approval"),
    QT_TRANSLATE_NOOP("DraftsModel", "approved"),
    QT_TRANSLATE_NOOP("DraftsModel", "published"),
    QT_TRANSLATE_NOOP("DraftsModel", "rejected"),
)
_Index = QModelIndex | QPersistentModelIndex

# column title (English source, translated in the model) and the summary's sort key
_COLUMNS: tuple[tuple[Any, Callable[[ArticleSummary], Any]], ...] = (
    (QT_TRANSLATE_NOOP("DraftsModel", "Title"), lambda s: s.title.casefold()),
    (QT_TRANSLATE_NOOP("DraftsModel", "Category"), lambda s: s.category),
    (QT_TRANSLATE_NOOP("DraftsModel", "State"), lambda s: s.state),
    (QT_TRANSLATE_NOOP("DraftsModel", "Updated"), lambda s: s.updated_at),
    # drafts without a deadline sort after those with one
    (QT_TRANSLATE_NOOP("DraftsModel", "Deadline"),
     lambda s: (s.deadline is None, s.deadline or "")),
)
_OVERDUE_COLOR = "#b00020"


class DraftsModel(QAbstractTableModel):
    """Rows of :class:`ArticleSummary`; sorting happens here, in memory."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self._sort: tuple[int, Qt.SortOrder] = (3, Qt.SortOrder.DescendingOrder)
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
        return 0 if parent.isValid() else len(_COLUMNS)

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
        return self.tr(str(_COLUMNS[section][0]))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self.rows.sort(key=_COLUMNS[column][1], reverse=order == Qt.SortOrder.DescendingOrder)

    def id_at(self, row: int) -> int:
        return self.rows[row].id



def _vn_date(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"


class DraftsView(QWidget):
    """Search box above a sortable table; emits ``sig_open(article_id)`` on activation."""

    sig_open = Signal(int)
    sig_query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DraftsModel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 76), (3, 100), (4, 88)):
            header.resizeSection(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.sig_query_changed.emit(self.query()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search drafts (Ctrl+F) — e.g. quyet dinh"))
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.table.setAccessibleName(self.tr("Local drafts"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)

    def query(self) -> str:
        return self.search.text().strip()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open.emit(self.model.id_at(index.row()))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_article(self, article_id: int) -> None:
        for row, summary in enumerate(self.model.rows):
            if summary.id == article_id:
                self.table.selectRow(row)
                return


class DraftsController(QObject):
    """Fills the view from the store: ``list`` when the box is empty, ``search`` otherwise."""

    def __init__(self, context: AppContext, view: DraftsView) -> None:
        super().__init__(view)
        self._context = context
        self._view = view
        self._generation = 0
        view.sig_query_changed.connect(self._on_view_query_changed)
        view.model.category_name = self._category_name
        view.model.today = lambda: context.today()

    def refresh(self) -> None:
        """Re-read the rows (and their deadlines under the current profile) on the pool."""
        store = self._context.store
        if store is None:
            return
        self._generation += 1
        generation = self._generation

        def done(rows: list[ArticleSummary]) -> None:
            self._on_rows(generation, rows)

        self._context.runner.task(_load_rows, store, self._view.query(),
                                  self._context.profile(), on_done=done)

    def _on_view_query_changed(self, _query: str) -> None:
        self.refresh()

    def _on_rows(self, generation: int, rows: list[ArticleSummary]) -> None:
        if generation == self._generation:
            self._view.model.set_rows(rows)
            # the deadline column only when some draft has one (the store fills it per profile)
            self._view.table.setColumnHidden(DEADLINE_COLUMN, not any(r.deadline for r in rows))

    def _category_name(self, category_id: str) -> str:
        profile = self._context.profile()
        category = profile.categories.get(category_id) if profile else None
        if category is None:
            return category_id
        return self._context.pick(category.name_vi, category.name_en)


def _load_rows(store: Any, query: str, profile: Any) -> list[ArticleSummary]:
    """Pool thread: the list (or the search answer) with deadlines filled from ``profile``."""
    from editor_app.ui.deadlines import with_deadlines

    rows = store.drafts.search(query) if query else store.drafts.list()
    return with_deadlines(rows, profile, store.drafts.metadata_of)
