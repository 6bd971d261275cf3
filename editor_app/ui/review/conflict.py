"""The 412 conflict: someone saved the item after we opened it. Show both, let the user choose.

Nothing is lost whatever the choice: "keep mine" saves my fields as a new revision on top of
theirs (their revision stays in the history), "take theirs" first copies mine aside, and "copy
mine aside" writes mine to a file (and the clipboard) and keeps my editor as it is.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.review.diff_view import DiffPane

KEEP_MINE, TAKE_THEIRS, COPY_ASIDE = "keep-mine", "take-theirs", "copy-aside"


def save_aside(folder: Path, submission_id: int, mine: dict[str, Any]) -> Path:
    """My version as a standalone HTML file under ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"item-{submission_id}-mine-{stamp}.html"
    title = html.escape(str(mine.get("title", "")))
    summary = html.escape(str(mine.get("summary", "")))
    source = html.escape(str(mine.get("source", "")))
    path.write_text(
        f"<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>{title}</title>"
        f"<h1>{title}</h1><p><b>{summary}</b></p>{mine.get('body_html', '')}"
        f"<p><i>{source}</i></p></html>\n", encoding="utf-8")
    return path


class ConflictDialog(QDialog):
    """Theirs on the left, mine on the right; ``choice`` is set when a button is pressed."""

    def __init__(self, theirs: dict[str, Any], mine: dict[str, Any], language: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The item was changed by someone else"))
        self.choice = ""
        who = theirs.get("claimed_by") or theirs.get("created_by") or ""
        self.explain = QLabel(self.tr(
            "Revision %1 was saved by someone else (%2) after you opened the item. Compare "
            "the versions and choose; nothing is thrown away.")
            .replace("%1", str(theirs.get("revision", "?"))).replace("%2", str(who)), self)
        self.explain.setWordWrap(True)
        self.diff = DiffPane(language, self)
        self.diff.show_versions(theirs, mine, self.tr("Theirs (saved on the portal)"),
                                self.tr("Mine (not saved)"))
        self.keep_mine = QPushButton(self.tr("Keep mine as a new revision on top of theirs"))
        self.take_theirs = QPushButton(self.tr("Take theirs (mine is copied aside)"))
        self.copy_aside = QPushButton(self.tr("Copy mine aside"))
        buttons = QDialogButtonBox(self)
        for button, choice in ((self.keep_mine, KEEP_MINE), (self.take_theirs, TAKE_THEIRS),
                               (self.copy_aside, COPY_ASIDE)):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.diff, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def copy_to_clipboard(mine: dict[str, Any]) -> None:
    clipboard = QApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(f"{mine.get('title', '')}\n\n{mine.get('summary', '')}")
