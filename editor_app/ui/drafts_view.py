"""The list of local drafts: sortable columns and a search box that searches as you type.

Searching ignores diacritics and case ("quyet dinh" finds "Quyết định") because the store's search
does; the view only debounces keystrokes and runs the query on the pool, dropping answers to
queries the user has already typed past.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.context import AppContext
from editor_app.ui.drafts_columns import COLUMNS, DEADLINE_COLUMN, WIDTHS, column_title
from editor_app.ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from datetime import date

    from editor_app.core.articles import ArticleSummary
    from editor_app.ui.drafts_model import DraftsModel

SEARCH_DEBOUNCE_MS = 150


class DraftsView(QWidget):
    """Search box above a sortable table; emits ``sig_open(article_id)`` on activation.

    The window's first frame shows the table with a header-only model of Qt's own
    (QStandardItemModel); the real :class:`~editor_app.ui.drafts_model.DraftsModel` takes its
    place after the first paint, or as soon as anything asks for :attr:`model`. A Python model is
    handed Qt's enums as it paints (orientation, sort order), and their first use builds all of
    PySide6's ``Qt`` namespace (~15 ms), which the first frame does without: nothing this view
    and the main window do before it names ``Qt``.
    """

    sig_open = Signal(int)
    sig_query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: DraftsModel | None = None
        self._model_hooks: tuple[Callable[[str], str], Callable[[], date]] | None = None
        self._header_only = QStandardItemModel(0, len(COLUMNS), self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self._header_only)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # long titles are elided on the right (the default)
        self._size_columns()
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
        after_first_paint(self, self._install_model)

    @property
    def model(self) -> DraftsModel:
        """The rows' model (built on first use; see the class docstring)."""
        if self._model is None:
            self._install_model()
        assert self._model is not None
        return self._model

    def set_model_hooks(self, category_name: Callable[[str], str],
                        today: Callable[[], date]) -> None:
        """How the model names a category and tells today's date (for deadlines)."""
        self._model_hooks = (category_name, today)
        if self._model is not None:
            self._model.category_name, self._model.today = category_name, today

    def _install_model(self) -> None:
        if self._model is not None:
            return
        from editor_app.ui.drafts_model import DEFAULT_SORT, DraftsModel

        model = DraftsModel(self)
        if self._model_hooks is not None:
            model.category_name, model.today = self._model_hooks
        self._model = model
        selection = self.table.selectionModel()
        self.table.setModel(model)
        selection.deleteLater()
        self._header_only.deleteLater()
        self._size_columns()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(*DEFAULT_SORT)

    def _size_columns(self) -> None:
        """Widths for the header of the model in place (a new model resets them)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS:
            header.resizeSection(column, width)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search drafts (Ctrl+F) — e.g. quyet dinh"))
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.table.setAccessibleName(self.tr("Local drafts"))
        if self._model is not None:
            self._model.retranslate()
        else:
            self._header_only.setHorizontalHeaderLabels(
                [column_title(section) for section in range(len(COLUMNS))])

    def query(self) -> str:
        return self.search.text().strip()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._model is not None:
            self.sig_open.emit(self._model.id_at(index.row()))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._model.id_at(rows[0].row()) if rows and self._model is not None else None

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
        view.set_model_hooks(self._category_name, lambda: context.today())

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
