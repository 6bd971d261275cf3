"""The findings of the latest check: severity, message, where; jump there; fix in one click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.validation.findings import Finding, Severity


def severity_icon(widget: QWidget, severity: Severity | None) -> QIcon:
    """The platform style's own icons: every font has them, unlike emoji like "⛔"."""
    pixmap = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
              Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
              Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
              None: QStyle.StandardPixmap.SP_DialogApplyButton}[severity]
    return widget.style().standardIcon(pixmap)


class FindingsPanel(QWidget):
    """``sig_jump(finding)`` on activation, ``sig_fix(finding)`` from the Fix button."""

    sig_jump = Signal(object)
    sig_fix = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_activated)
        self.tree.itemSelectionChanged.connect(self._update_fix)
        self.fix_button = QPushButton(self)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.findings: list[Finding] = []
        self._language = "vi"
        self.retranslate()
        self._update_fix()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("Where")])
        self.tree.setAccessibleName(self.tr("Check results"))
        self.fix_button.setText(self.tr("&Fix"))
        self.fix_button.setAccessibleName(self.tr("Fix the selected problem"))
        self._update_summary()

    def set_findings(self, findings: list[Finding], language: str) -> None:
        self.findings = list(findings)
        self._language = language
        self.tree.clear()
        for finding in self.findings:
            item = QTreeWidgetItem([finding.message(language), self._where(finding)])
            item.setIcon(0, severity_icon(self, finding.severity))
            item.setToolTip(0, f"{finding.code}: {finding.message(language)}")
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            self.tree.addTopLevelItem(item)
        self._update_summary()
        self._update_fix()

    def _update_summary(self) -> None:
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        others = len(self.findings) - errors
        if not self.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(self.tr("%n error(s)", "", errors) + ", "
                                 + self.tr("%n other note(s)", "", others))

    def selected(self) -> Finding | None:
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _update_fix(self) -> None:
        finding = self.selected()
        self.fix_button.setEnabled(finding is not None and finding.fixable)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.sig_jump.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def _on_fix_clicked(self) -> None:
        finding = self.selected()
        if finding is not None:
            self.sig_fix.emit(finding)


    def _where(self, finding: Finding) -> str:
        """A field name the user recognises ("Tiêu đề", not "title")."""
        location = finding.location
        name = location.field or location.part or ""
        head = name.split(".", 1)[0]
        labels = {"title": self.tr("Title"), "summary": self.tr("Sapo"), "body": self.tr("Body"),
                  "source": self.tr("Source"), "pen_name": self.tr("Author"),
                  "real_name": self.tr("Author"), "author": self.tr("Author"),
                  "category": self.tr("Category"), "metadata": self.tr("Metadata"),
                  "attachments": self.tr("Attachments"), "unit": self.tr("Unit"),
                  "tags": self.tr("Tags")}
        where = labels.get(head, name)
        if location.line is not None:
            where += f" #{location.line}"
        return where
