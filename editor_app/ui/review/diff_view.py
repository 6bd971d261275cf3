"""Side-by-side comparison of two versions of an item, word by word, field by field.

Left: the older version with deleted words struck through in red; right: the newer one with
inserted words in green. Only changed fields are shown unless nothing changed. The two panes
scroll together so a paragraph stays level with its counterpart.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor_app.core.textdiff import compare, side_by_side


def panes_html(old: Mapping[str, Any], new: Mapping[str, Any],
               language: str) -> tuple[str, str, int]:
    """HTML for both panes and how many fields differ."""
    diffs = [d for d in compare(old, new) if d.changed]
    left, right = [], []
    for diff in diffs:
        label = html.escape(diff.label_vi if language == "vi" else diff.label_en)
        a, b = side_by_side(diff.old, diff.new)
        left.append(f"<h4>{label}</h4><p>{a}</p>")
        right.append(f"<h4>{label}</h4><p>{b}</p>")
    return "".join(left), "".join(right), len(diffs)


class DiffPane(QWidget):
    """Two synchronised read-only panes with a caption over each."""

    def __init__(self, language: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language  # a callable giving "vi" or "en"
        self.left_caption, self.right_caption = QLabel(self), QLabel(self)
        self.left, self.right = QTextBrowser(self), QTextBrowser(self)
        self.summary = QLabel(self)
        columns = QHBoxLayout()
        for caption, pane in ((self.left_caption, self.left), (self.right_caption, self.right)):
            column = QVBoxLayout()
            caption.setWordWrap(True)
            column.addWidget(caption)
            column.addWidget(pane, 1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(columns, 1)
        self.left.verticalScrollBar().valueChanged.connect(self._on_left_scrolled)
        self.right.verticalScrollBar().valueChanged.connect(self._on_right_scrolled)
        self.left.setAccessibleName(self.tr("Older version"))
        self.right.setAccessibleName(self.tr("Newer version"))

    def show_versions(self, old: Mapping[str, Any], new: Mapping[str, Any],
                      old_caption: str, new_caption: str) -> int:
        """Fill both panes; returns how many fields changed."""
        left, right, count = panes_html(old, new, self._language())
        self.left_caption.setText(old_caption)
        self.right_caption.setText(new_caption)
        if count == 0:
            nothing = html.escape(self.tr("No differences."))
            left = right = f"<p><i>{nothing}</i></p>"
        self.left.setHtml(left)
        self.right.setHtml(right)
        self.summary.setText(self.tr("%n field(s) changed", "", count))
        return count

    def clear(self) -> None:
        for pane in (self.left, self.right):
            pane.clear()
        for label in (self.left_caption, self.right_caption, self.summary):
            label.clear()

    def _on_left_scrolled(self, value: int) -> None:
        self._follow(self.right, value, self.left)

    def _on_right_scrolled(self, value: int) -> None:
        self._follow(self.left, value, self.right)

    @staticmethod
    def _follow(target: QTextBrowser, value: int, source: QTextBrowser) -> None:
        top = max(source.verticalScrollBar().maximum(), 1)
        bar = target.verticalScrollBar()
        bar.blockSignals(True)
        bar.setValue(round(value / top * bar.maximum()))
        bar.blockSignals(False)
