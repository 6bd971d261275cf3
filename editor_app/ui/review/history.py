"""Per item: who did what and when (the audit trail), and any two revisions compared."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import wire
from editor_app.ui.review.diff_view import DiffPane
from editor_app.ui.review.labels import action_label, role_label, state_label
from editor_app.ui.review.session import PortalSession


def _load(client: Any, submission_id: int) -> tuple[list[wire.AuditEntry],
                                                     list[wire.RevisionInfo]]:
    return client.audit(submission_id), client.revisions(submission_id)


class HistoryDialog(QDialog):
    def __init__(self, session: PortalSession, submission_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.submission_id = session, submission_id
        self.setWindowTitle(self.tr("History of item %1").replace("%1", str(submission_id)))
        self.audit = QTableWidget(0, 5, self)
        self.audit.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"),
                                              self.tr("State"), self.tr("Comment")])
        self.audit.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.audit.verticalHeader().hide()
        self.audit.setAccessibleName(self.tr("Audit trail"))
        self.old, self.new = QComboBox(self), QComboBox(self)
        self.old.setAccessibleName(self.tr("Older revision"))
        self.new.setAccessibleName(self.tr("Newer revision"))
        self.diff = DiffPane(lambda: session.context.language, self)
        self._cache: dict[int, dict[str, Any]] = {}
        self._build()
        self.old.activated.connect(self._compare)
        self.new.activated.connect(self._compare)
        session.context.runner.task(_load, session.require_client(), submission_id,
                                    on_done=self._on_loaded)
        self.resize(1100, 720)

    def _build(self) -> None:
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare revision"), self))
        pick.addWidget(self.old)
        pick.addWidget(QLabel(self.tr("with"), self))
        pick.addWidget(self.new)
        pick.addStretch(1)
        lower = QWidget(self)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(pick)
        column.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.audit)
        splitter.addWidget(lower)
        QVBoxLayout(self).addWidget(splitter)

    def _on_loaded(self, loaded: tuple[list[wire.AuditEntry], list[wire.RevisionInfo]]) -> None:
        entries, revisions = loaded
        self.audit.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            moved = (f"{state_label(entry.from_state or '')} → {state_label(entry.to_state)}"
                     if entry.to_state and entry.from_state != entry.to_state else "")
            cells = (entry.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                     f"{entry.actor} ({role_label(entry.role)})", action_label(entry.action),
                     moved, _comment_with_address(entry))
            for column, text in enumerate(cells):
                self.audit.setItem(row, column, QTableWidgetItem(text))
        self.audit.resizeColumnsToContents()
        for combo in (self.old, self.new):
            combo.clear()
            for info in revisions:
                combo.addItem(self.tr("%1 — %2, %3").replace("%1", str(info.revision))
                              .replace("%2", info.actor)
                              .replace("%3", info.at.astimezone().strftime("%d/%m/%Y %H:%M")),
                              info.revision)
        if revisions:
            self.old.setCurrentIndex(0)
            self.new.setCurrentIndex(len(revisions) - 1)
            self._compare()

    def _compare(self, *_: Any) -> None:
        wanted = [combo.currentData() for combo in (self.old, self.new)]
        missing = [r for r in wanted if r is not None and r not in self._cache]
        if missing:
            self.session.context.runner.task(_revisions, self.session.require_client(),
                                             self.submission_id, missing,
                                             on_done=self._on_revisions)
            return
        if None not in wanted:
            a, b = (self._cache[r] for r in wanted)
            self.diff.show_versions(a, b, self.old.currentText(), self.new.currentText())

    def _on_revisions(self, found: dict[int, dict[str, Any]]) -> None:
        self._cache.update(found)
        self._compare()


def _comment_with_address(entry: wire.AuditEntry) -> str:
    """A publication's address is its own audit field; it shows beside the comment."""
    url = entry.url or ""
    return " — ".join(part for part in (entry.comment or "", url) if part)


def _revisions(client: Any, submission_id: int, numbers: list[int]) -> dict[int, dict[str, Any]]:
    return {n: client.revision(submission_id, n).model_dump(mode="json") for n in numbers}
