"""The widgets of one item under review: its header, the workflow buttons, the editor, the diff
against the author's version, and the comments beside it. :mod:`item_controller` drives it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import wire
from editor_app.ui.editor.body import BodyEdit, BodyToolbar
from editor_app.ui.review.diff_view import DiffPane
from editor_app.ui.review.labels import day_text, role_label, state_label

BUTTONS = ("claim", "takeover", "release", "save", "forward", "return", "reject", "approve",
           "publish", "resubmit", "history")


class ItemView(QWidget):
    sig_edited = Signal()

    def __init__(self, language: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewItem")
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#8a5a00")
        self.buttons = {name: QPushButton(self) for name in BUTTONS}
        for name, button in self.buttons.items():
            button.setObjectName(f"review-{name}")
        self._build_editor()
        self.diff = DiffPane(language, self)
        self._build_comments()
        self._build_layout()
        self.retranslate()
        self.show_empty()

    def _build_editor(self) -> None:
        self.editor = QWidget(self)
        self.title = QLineEdit(self.editor)
        self.summary = QPlainTextEdit(self.editor)
        self.summary.setMaximumHeight(90)
        self.body = BodyEdit(self.editor)
        self.body_toolbar = BodyToolbar(self.body, self.editor)
        self.source = QLineEdit(self.editor)
        self.form = QFormLayout(self.editor)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("", self.body_toolbar)
        self.field_labels = {name: QLabel(self.editor) for name in ("title", "summary", "body",
                                                                    "source")}
        for name, widget in (("title", self.title), ("summary", self.summary),
                             ("body", self.body), ("source", self.source)):
            self.form.addRow(self.field_labels[name], widget)
        for widget in (self.title, self.source):
            widget.textEdited.connect(self.sig_edited)
        self.summary.textChanged.connect(self._on_text_changed)
        self.body.textChanged.connect(self._on_text_changed)
        self._loading = False

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.sig_edited.emit()

    def _build_comments(self) -> None:
        self.comments_box = QWidget(self)
        self.comments = QListWidget(self.comments_box)
        self.comments.setWordWrap(True)
        self.comments.setAlternatingRowColors(True)
        self.new_comment = QPlainTextEdit(self.comments_box)
        self.new_comment.setMaximumHeight(80)
        self.on_passage = QCheckBox(self.comments_box)
        self.add_comment = QPushButton(self.comments_box)
        self.add_comment.setObjectName("review-add-comment")
        self.comments_title = QLabel(self.comments_box)
        layout = QVBoxLayout(self.comments_box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.comments_title, self.comments):
            layout.addWidget(widget, 1 if widget is self.comments else 0)
        layout.addWidget(self.new_comment)
        row = QHBoxLayout()
        row.addWidget(self.on_passage, 1)
        row.addWidget(self.add_comment)
        layout.addLayout(row)

    def _build_layout(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, "")
        self.tabs.addTab(self.diff, "")
        split = QSplitter(self)
        split.addWidget(self.tabs)
        split.addWidget(self.comments_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        self.body_area = QWidget(self)
        area = QVBoxLayout(self.body_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addLayout(actions)
        area.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        for widget in (self.title_label, self.meta, self.notice):
            layout.addWidget(widget)
        layout.addWidget(self.body_area, 1)

    def retranslate(self) -> None:
        texts = {"claim": self.tr("Claim"), "takeover": self.tr("Take over"),
                 "release": self.tr("Release"), "save": self.tr("Save edits"),
                 "forward": self.tr("Forward for approval…"), "return": self.tr("Return…"),
                 "reject": self.tr("Reject…"), "approve": self.tr("Approve…"),
                 "publish": self.tr("Record publication…"),
                 "resubmit": self.tr("Resubmit"), "history": self.tr("History…")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        for name, text in (("title", self.tr("Title")), ("summary", self.tr("Summary")),
                           ("body", self.tr("Body")), ("source", self.tr("Source"))):
            self.field_labels[name].setText(text)
            getattr(self, name).setAccessibleName(text)
        self.comments.setAccessibleName(self.tr("Comments"))
        self.tabs.setAccessibleName(self.tr("Item"))
        self.tabs.tabBar().setAccessibleName(self.tr("Item"))
        self.tabs.setTabText(0, self.tr("Content"))
        self.tabs.setTabText(1, self.tr("Changes since the author's version"))
        self.comments_title.setText("<b>" + self.tr("Comments") + "</b>")
        self.new_comment.setPlaceholderText(self.tr("Write a comment…"))
        self.new_comment.setAccessibleName(self.tr("New comment"))
        self.on_passage.setText(self.tr("On the passage selected in the text"))
        self.add_comment.setText(self.tr("Add comment"))
        self.body_toolbar.retranslate()

    # --- filling -----------------------------------------------------------------------------

    def show_empty(self) -> None:
        self.title_label.setText("<h3>" + self.tr("No item open") + "</h3>")
        self.meta.setText(self.tr("Choose an item in the list."))
        self.notice.hide()
        self.body_area.setEnabled(False)

    def show_item(self, item: wire.Submission, editable: bool, names: Any = None) -> None:
        self._loading = True
        self.title_label.setText(f"<h3>{html.escape(item.title)}</h3>")
        self.meta.setText(self._meta_text(item, names))
        self.title.setText(item.title)
        self.summary.setPlainText(item.summary)
        self.body.setHtml(item.body_html)
        self.source.setText(item.source)
        for widget in (self.title, self.summary, self.body, self.source):
            widget.setReadOnly(not editable)
        self.body_toolbar.setEnabled(editable)
        self.body_area.setEnabled(True)
        self._loading = False

    def _meta_text(self, item: wire.Submission, names: Any) -> str:
        unit = names.unit_name(item.unit) if names is not None else item.unit
        category = names.category_name(item.category) if names is not None else item.category
        parts = [state_label(str(item.state)), unit, category,
                 self.tr("revision %1").replace("%1", str(item.revision))]
        if item.deadline:
            parts.append(self.tr("deadline %1").replace("%1", day_text(item.deadline)))
        if item.claimed_by:
            parts.append(self.tr("held by %1").replace("%1", item.claimed_by))
        if item.author.pen_name or item.author.real_name:
            parts.append(item.author.real_name or item.author.pen_name)
        if item.published_url:
            parts.append(item.published_url)
        return " · ".join(parts)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_comments(self, comments: list[wire.Comment]) -> None:
        self.comments.clear()
        for comment in comments:
            when = comment.at.astimezone().strftime("%d/%m/%Y %H:%M")
            head = f"{comment.author} ({role_label(comment.role)}), {when}"
            quote = f"\n« {comment.anchor} »" if comment.anchor else ""
            self.comments.addItem(f"{head}{quote}\n{comment.text}")

    def content(self) -> dict[str, str]:
        """What the editor holds now, as the patch fields."""
        return {"title": self.title.text().strip(), "summary": self.summary.toPlainText(),
                "body_html": body_fragment(self.body.toHtml()), "source": self.source.text()}

    def selected_passage(self) -> str:
        return self.body.textCursor().selectedText().replace("\u2029", "\n").strip()


def body_fragment(document_html: str) -> str:
    """The inside of <body> of Qt's full HTML document (what the portal stores)."""
    lower = document_html.lower()
    start = lower.find("<body")
    end = lower.rfind("</body>")
    if start < 0 or end < 0:
        return document_html
    return document_html[document_html.index(">", start) + 1:end].strip()
