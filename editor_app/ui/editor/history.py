"""Version history: pick an earlier version, read it, restore it (the current one is kept too)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.articles import Article, VersionInfo
from editor_app.ui.editor.preview import render_article_html


class VersionHistoryDialog(QDialog):
    """Emits ``sig_view(version_id)`` to ask for a version and ``sig_restore`` to restore it."""

    sig_view = Signal(int)
    sig_restore = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.view = QTextBrowser(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([220, 480])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Version history"))
        self.setAccessibleName(self.tr("Version history"))
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.view.setAccessibleName(self.tr("Selected version"))
        self.restore_button.setText(self.tr("&Restore this version"))
        self.restore_button.setAccessibleName(self.tr("Restore this version"))

    def set_versions(self, versions: list[VersionInfo]) -> None:
        self.list.clear()
        for info in versions:
            stamp = info.saved_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            item = QListWidgetItem(f"{stamp} — {info.title or self.tr('(untitled)')}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        if not versions:
            self.view.setPlainText(self.tr("No earlier versions yet. Versions are kept every "
                                           "minute while you write, and when you press Ctrl+S."))

    def show_version(self, article: Article) -> None:
        self.view.setHtml(render_article_html(article))

    def selected_version(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _on_list_current_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        self.restore_button.setEnabled(current is not None)
        if current is not None:
            self.sig_view.emit(int(current.data(Qt.ItemDataRole.UserRole)))

    def _on_restore_clicked(self) -> None:
        version_id = self.selected_version()
        if version_id is not None:
            self.sig_restore.emit(version_id)
