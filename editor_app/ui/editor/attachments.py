"""The attachments panel: add by dialog or drag and drop, caption per file, open, remove, and the
inspector's verdict per file. The panel only shows and asks; the controller does the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.articles import AttachmentRef

FILE, SIZE, CAPTION, STATUS = range(4)


class AttachmentsPanel(QWidget):
    """A table of attachments; emits requests, never touches the store itself."""

    sig_add_files = Signal(list)
    sig_remove = Signal(int)
    sig_open = Signal(int)
    sig_caption_changed = Signal(int, str)
    sig_insert_image = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CAPTION, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._emit_selected(self.sig_open))
        self.add_button, self.open_button = QPushButton(self), QPushButton(self)
        self.remove_button, self.insert_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button.clicked.connect(lambda: self._emit_selected(self.sig_open))
        self.remove_button.clicked.connect(lambda: self._emit_selected(self.sig_remove))
        self.insert_button.clicked.connect(lambda: self._emit_selected(self.sig_insert_image))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.insert_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._refs: list[AttachmentRef] = []
        self._status: dict[int, tuple[QIcon, str, str]] = {}  # kept when the rows are rebuilt
        self._filling = False
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Caption"), self.tr("Check")])
        self.table.setAccessibleName(self.tr("Attachments"))
        self.setAccessibleName(self.tr("Attachments"))
        for button, text in ((self.add_button, self.tr("&Add files…")),
                             (self.open_button, self.tr("&Open")),
                             (self.insert_button, self.tr("Insert in &body")),
                             (self.remove_button, self.tr("&Remove"))):
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
        self.table.setToolTip(self.tr("Drop files here to attach them"))

    def set_attachments(self, refs: list[AttachmentRef]) -> None:
        self._filling = True
        self._refs = list(refs)
        kept = {ref.id for ref in refs}
        self._status = {key: value for key, value in self._status.items() if key in kept}
        self.table.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            self._fill_row(row, ref)
        self._filling = False
        self._update_buttons()

    def _fill_row(self, row: int, ref: AttachmentRef) -> None:
        name = QTableWidgetItem(ref.filename)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        name.setData(Qt.ItemDataRole.UserRole, ref.id)
        size = QTableWidgetItem(_human_size(ref.size))
        size.setFlags(size.flags() & ~Qt.ItemFlag.ItemIsEditable)
        caption = QTableWidgetItem(ref.caption)
        caption.setToolTip(self.tr("Double-click to edit the caption"))
        status = QTableWidgetItem("")
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if ref.id in self._status:  # adding a second file must not blank the first one's verdict
            icon, text, tooltip = self._status[ref.id]
            status.setIcon(icon)
            status.setText(text)
            status.setToolTip(tooltip)
        for column, item in ((FILE, name), (SIZE, size), (CAPTION, caption), (STATUS, status)):
            self.table.setItem(row, column, item)

    def attachments(self) -> list[AttachmentRef]:
        return list(self._refs)

    def set_status(self, attachment_id: int, icon: QIcon, text: str, tooltip: str = "") -> None:
        self._status[attachment_id] = (icon, text, tooltip)
        row = self._row_of(attachment_id)
        if row is not None:
            item = self.table.item(row, STATUS)
            if item is None:
                return
            self._filling = True
            item.setIcon(icon)
            item.setText(text)
            item.setToolTip(tooltip)
            self._filling = False

    def _row_of(self, attachment_id: int) -> int | None:
        return next((i for i, ref in enumerate(self._refs) if ref.id == attachment_id), None)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self._refs[rows[0].row()].id if rows else None

    def _emit_selected(self, signal: SignalInstance) -> None:
        attachment_id = self.selected_id()
        if attachment_id is not None:
            signal.emit(attachment_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.open_button, self.remove_button, self.insert_button):
            button.setEnabled(chosen)

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != CAPTION:
            return
        ref = self._refs[item.row()]
        ref.caption = item.text().strip()
        if ref.id is not None:
            self.sig_caption_changed.emit(ref.id, ref.caption)

    def _on_add_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if names:
            self.sig_add_files.emit([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.sig_add_files.emit(paths)


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
