"""One list of submissions with its filters: the incoming queue, approvals, publication, archive.

The server filters by state, unit, category and text (and only ever returns what the account may
see); the deadline filter and the sort by deadline are local. A mode names which states a list
shows and whether rows can be ticked for "approve selected".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import wire
from editor_app.ui.review.labels import state_label
from editor_app.ui.review.queue_model import ID_ROLE, SORT_ROLE, QueueModel, is_overdue
from editor_app.ui.review.session import PortalSession

S = wire.State


@dataclass(frozen=True)
class Mode:
    name: str
    states: tuple[wire.State, ...]
    mine: bool = False
    checkable: bool = False


INCOMING = Mode("incoming", (S.SUBMITTED, S.IN_REVIEW))
APPROVAL = Mode("approval", (S.AWAITING_APPROVAL,), checkable=True)
PUBLICATION = Mode("publication", (S.APPROVED,))
ARCHIVE = Mode("archive", tuple(S))
MINE = Mode("mine", tuple(S), mine=True)


def _load(client: Any, mode: Mode, unit: str | None, category: str | None,
          state: str | None, text: str | None) -> list[wire.Submission]:
    states = [state] if state else [s.value for s in mode.states]
    return list(client.list_submissions(state=states, unit=unit, category=category,
                                        q=text, mine=mode.mine or None, limit=200))


class QueueView(QWidget):
    sig_open = Signal(int)
    sig_loaded = Signal(int)  # how many rows

    def __init__(self, session: PortalSession, mode: Mode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"queue-{mode.name}")
        self.session, self.mode = session, mode
        self.model = QueueModel(checkable=mode.checkable, parent=self, names=session)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.all_items: list[wire.Submission] = []
        self._debounce = QTimer(self, singleShot=True, interval=400)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.unit, self.category, self.state, self.deadline = (QComboBox(self) for _ in range(4))
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self)
        self.bulk_button = QPushButton(self)
        self.bulk_button.setVisible(self.mode.checkable)
        self.count = QLabel(self)
        search = QHBoxLayout()
        search.addWidget(self.text, 1)
        search.addWidget(self.refresh_button)
        bar = QHBoxLayout()
        for widget in (self.unit, self.category, self.state, self.deadline):
            widget.setMinimumContentsLength(8)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            bar.addWidget(widget, 1)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((2, 115), (3, 110), (4, 100), (5, 75), (6, 110)):
            header.resizeSection(column, width)
        for column in (3, 6):  # category and last update: in the filters and the item header
            self.table.setColumnHidden(column, True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.bulk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.unit, self.category, self.state):
            combo.activated.connect(self.refresh)
        self.deadline.activated.connect(self._apply_local_filter)
        self.refresh_button.clicked.connect(self.refresh)

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Search titles and summaries…"))
        self.text.setAccessibleName(self.tr("Search"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setAccessibleName(self.tr("Items"))
        self.bulk_button.setText(self.tr("Approve selected"))
        self._fill(self.state, self.tr("All states"),
                   [(s.value, state_label(s.value)) for s in self.mode.states])
        self._fill(self.deadline, self.tr("Any deadline"),
                   [("overdue", self.tr("Overdue")), ("near", self.tr("Due within 3 days")),
                    ("none", self.tr("No deadline"))])
        for combo, name in ((self.unit, self.tr("Unit")), (self.category, self.tr("Category")),
                            (self.state, self.tr("State")), (self.deadline, self.tr("Deadline"))):
            combo.setAccessibleName(name)
        if self.unit.count() == 0:
            self.set_choices([], [])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def set_choices(self, units: list[tuple[str, str]], categories: list[tuple[str, str]]) -> None:
        self._fill(self.unit, self.tr("All units"), units)
        self._fill(self.category, self.tr("All categories"), categories)

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for value, label in choices:
            combo.addItem(label, value)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.session.client is None:
            return
        text = self.text.text().strip() or None
        self.session.context.runner.task(
            _load, self.session.client, self.mode, self.unit.currentData(),
            self.category.currentData(), self.state.currentData(), text,
            on_done=self._on_loaded)

    def _on_loaded(self, items: list[wire.Submission]) -> None:
        self.all_items = items
        self._apply_local_filter()

    def _apply_local_filter(self, *_: Any) -> None:
        today = date.today()
        wanted = self.deadline.currentData()
        items = [i for i in self.all_items
                 if _deadline_ok(i, wanted, today) and self._mine_to_approve(i)]
        self.model.set_items(items, today)
        self.count.setText(self.tr("%n item(s)", "", len(items)))
        self.sig_loaded.emit(len(items))

    def _mine_to_approve(self, item: wire.Submission) -> bool:
        """A delegated secretary's approval list holds only the delegated categories (the
        service lists every item to secretaries, who also forward and publish them)."""
        if self.mode is not APPROVAL or self.session.role != wire.Role.SECRETARY:
            return True
        return item.category in self.session.categories

    def _on_table_activated(self, index: Any) -> None:
        if index.isValid():
            self.sig_open.emit(int(self.proxy.data(index, ID_ROLE)))

    def checked_ids(self) -> list[int]:
        return sorted(self.model.checked)

    def row_of(self, submission_id: int) -> int:
        """The visible row of an item (tests and keyboard navigation), -1 when not listed."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), ID_ROLE) == submission_id:
                return row
        return -1


def _deadline_ok(item: wire.Submission, wanted: str | None, today: date) -> bool:
    if wanted == "overdue":
        return is_overdue(item, today)
    if wanted == "near":
        return item.deadline is not None and today <= item.deadline <= today + timedelta(3)
    if wanted == "none":
        return item.deadline is None
    return True
