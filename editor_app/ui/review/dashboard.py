"""The chief's dashboard: items per state, overdue items, units below quota this month."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.reports import Dashboard, dashboard, period_for
from editor_app.ui.review.labels import day_text, state_label
from editor_app.ui.review.reports_view import build_report
from editor_app.ui.review.session import PortalSession

ID_ROLE = 256


def load_dashboard(client: Any, today: date) -> Dashboard:
    """Every item the account sees, and this month's report for the quota (worker side)."""
    items = list(client.list_submissions(limit=200))
    month = build_report(client, period_for("month", today), today)
    return dashboard(items, month, today)


class DashboardView(QWidget):
    sig_open = Signal(int)
    sig_ready = Signal(object)

    def __init__(self, session: PortalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDashboard")
        self.session = session
        self.counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        self.overdue, self.below = QListWidget(self), QListWidget(self)
        self.states_box, self.overdue_box, self.below_box = (QGroupBox(self) for _ in range(3))
        self.refresh_button = QPushButton(self)
        self.states_box.setLayout(self.counts)
        for box, widget in ((self.overdue_box, self.overdue), (self.below_box, self.below)):
            QVBoxLayout(box).addWidget(widget)
        lists = QHBoxLayout()
        lists.addWidget(self.overdue_box, 3)
        lists.addWidget(self.below_box, 2)
        top = QHBoxLayout()
        top.addWidget(self.states_box, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lists, 1)
        self.overdue.itemActivated.connect(self._on_overdue_activated)
        self.overdue.itemDoubleClicked.connect(self._on_overdue_activated)
        self.refresh_button.clicked.connect(self.refresh)
        self.board: Dashboard | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.states_box.setTitle(self.tr("Items per state"))
        self.overdue_box.setTitle(self.tr("Overdue items"))
        self.below_box.setTitle(self.tr("Units below quota this month"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.overdue.setAccessibleName(self.tr("Overdue items"))
        self.below.setAccessibleName(self.tr("Units below quota this month"))
        if self.board is not None:
            self._show(self.board)

    def refresh(self) -> None:
        if self.session.client is not None:
            self.session.context.runner.task(load_dashboard, self.session.client, date.today(),
                                             on_done=self._show)

    def _show(self, board: Dashboard) -> None:
        self.board = board
        for i, (state, count) in enumerate(board.per_state.items()):
            label = self.count_labels.get(state)
            if label is None:
                label = self.count_labels[state] = QLabel(self)
                self.counts.addWidget(label, i // 4, i % 4)
            label.setText(f"{state_label(state)}: <b>{count}</b>")
        self.overdue.clear()
        for item in board.overdue:
            row = QListWidgetItem(self.tr("%1 — deadline %2 (%3, %4)")
                                  .replace("%1", item.title).replace("%2", day_text(item.deadline))
                                  .replace("%3", item.unit).replace("%4", state_label(item.state)))
            row.setData(ID_ROLE, item.id)
            self.overdue.addItem(row)
        self.below.clear()
        for unit in board.below_quota:
            self.below.addItem(self.tr("%1: %2 of %3").replace("%1", unit.name or unit.unit)
                               .replace("%2", str(unit.submitted))
                               .replace("%3", str(unit.required)))
        self.sig_ready.emit(board)

    def _on_overdue_activated(self, row: QListWidgetItem) -> None:
        self.sig_open.emit(int(row.data(ID_ROLE)))
