"""The submissions panel: every draft sent (or on its way) with its state, and what to do with it.

A view only: it shows :class:`~editor_app.ui.submit.work.Row` values and emits what the user asked
for (sync now, log in, pause, retry, cancel, open the draft); the controller does the work.
States come worded by the sync layer in both languages ("đang tải lên 42%", "trả lại: …"), so the
panel never words a state itself.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.sync.outbox import ItemState
from editor_app.ui.submit.work import Row

TITLE, STATE, ACTIONS = range(3)
_UID_ROLE = Qt.ItemDataRole.UserRole
_RETURNED_COLOUR = "#8a4b00"
_FAILED_COLOUR = "#b3261e"


class RowActions(QWidget):
    """Pause / Retry / Cancel for one item, enabled by what its state allows."""

    def __init__(self, row: Row, panel: OutboxPanel) -> None:
        super().__init__()  # the table takes it over in setCellWidget
        self.pause, self.retry, self.cancel = (QPushButton(self) for _ in range(3))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        for button, name, signal, allowed in (
                (self.pause, "pause", panel.sig_pause, row.can_pause),
                (self.retry, "retry", panel.sig_retry, row.can_retry),
                (self.cancel, "cancel", panel.sig_cancel, row.can_cancel)):
            button.setObjectName(f"{name}-{row.item_id}")
            button.setEnabled(allowed)
            button.clicked.connect(lambda _=False, s=signal, i=row.item_id: s.emit(i))
            layout.addWidget(button)
        self.retranslate()

    def retranslate(self) -> None:
        self.pause.setText(self.tr("Pause"))
        self.retry.setText(self.tr("Retry"))
        self.cancel.setText(self.tr("Cancel"))


class OutboxPanel(QWidget):
    sig_sync = Signal()
    sig_login = Signal()
    sig_pause = Signal(int)
    sig_retry = Signal(int)
    sig_cancel = Signal(int)
    sig_open = Signal(str)  # article uid

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxPanel")
        self.language = language
        self.rows: list[Row] = []
        self.account = QLabel(self)
        self.account.setWordWrap(True)
        self.login_button, self.sync_button = QPushButton(self), QPushButton(self)
        self.login_button.setObjectName("submit-login")
        self.sync_button.setObjectName("sync-now")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.profile_note = QLabel(self)  # which rules the checks use (the portal's or local)
        self.profile_note.setObjectName("profileInForce")
        self.profile_note.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ACTIONS, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(STATE, 240)
        table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        top = QHBoxLayout()
        top.addWidget(self.account, 1)
        top.addWidget(self.login_button)
        top.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.profile_note)
        layout.addWidget(table, 1)
        layout.addWidget(self.status)
        self.login_button.clicked.connect(self.sig_login)
        self.sync_button.clicked.connect(self.sig_sync)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Draft"), self.tr("State"), self.tr("Actions")])
        self.table.setAccessibleName(self.tr("Submissions"))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send what waits and fetch the portal's answers"))
        self.login_button.setText(self.tr("Log in…"))
        self.show_rows(self.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing -------------------------------------------------------------------------------

    def set_account(self, text: str, logged_in: bool) -> None:
        self.account.setText(text)
        self.login_button.setText(self.tr("Change account…") if logged_in else self.tr("Log in…"))

    def set_profile(self, text: str) -> None:
        self.profile_note.setText(text)
        self.profile_note.setVisible(bool(text))

    def set_syncing(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Syncing with the portal…"))

    def show_rows(self, rows: list[Row]) -> None:
        self.rows = list(rows)
        self.table.clearContents()  # drops the old rows' buttons and progress bars too
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            title = QTableWidgetItem(row.title or self.tr("(untitled)"))
            title.setData(_UID_ROLE, row.article_uid)
            tip = "\n".join(row.comments)
            title.setToolTip(tip)
            self.table.setItem(index, TITLE, title)
            self._show_state(index, row)
            self.table.setCellWidget(index, ACTIONS, RowActions(row, self))
        if self.rows:  # wide enough for the buttons and for the column's name
            width = self.table.cellWidget(0, ACTIONS).sizeHint().width() + 4
            header = self.table.horizontalHeader().sectionSizeHint(ACTIONS)
            self.table.setColumnWidth(ACTIONS, max(width, header))
        self.table.resizeRowsToContents()

    def _show_state(self, index: int, row: Row) -> None:
        text = row.text(self.language)
        item = QTableWidgetItem(text)
        item.setToolTip("\n".join([text, *row.comments]))
        colour = _FAILED_COLOUR if row.state is ItemState.FAILED else \
            _RETURNED_COLOUR if row.returned else ""
        if colour:
            item.setForeground(QColor(colour))
        self.table.setItem(index, STATE, item)
        bar = self.table.cellWidget(index, STATE)
        if row.state is not ItemState.UPLOADING:
            if bar is not None:
                self.table.removeCellWidget(index, STATE)
            return
        if not isinstance(bar, QProgressBar):
            bar = QProgressBar()
            bar.setRange(0, 100)
            self.table.setCellWidget(index, STATE, bar)
        bar.setValue(row.percent)
        bar.setFormat(text)
        bar.setAccessibleName(text)

    def show_progress(self, item_id: int, state: ItemState, percent: int, text_vi: str,
                      text_en: str) -> None:
        """A live update from the engine (uploading n%) without reloading the list."""
        for index, row in enumerate(self.rows):
            if row.item_id == item_id:
                updated = replace(row, state=state, percent=percent, text_vi=text_vi,
                                  text_en=text_en)
                self.rows[index] = updated
                self._show_state(index, updated)
                return

    def state_text(self, article_uid: str) -> str:
        """The state shown for a draft (empty when it is not listed)."""
        for index, row in enumerate(self.rows):
            if row.article_uid == article_uid:
                widget = self.table.cellWidget(index, STATE)
                if isinstance(widget, QProgressBar):
                    return widget.format()
                cell = self.table.item(index, STATE)
                return cell.text() if cell is not None else ""
        return ""

    def row_index(self, article_uid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.article_uid == article_uid), -1)

    def _on_table_cell_double_clicked(self, index: int, _column: int) -> None:
        if 0 <= index < len(self.rows):
            self.sig_open.emit(self.rows[index].article_uid)
