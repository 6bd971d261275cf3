"""The editor screen: fields on top, tabs (body, metadata, attachments, preview), findings below.

It is a view: it shows an Article, turns the widgets back into one (:meth:`current_article`) and
signals edits; the controller decides when to save, check and attach.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from editor_app.core.articles import Article
from editor_app.ui.editor.attachments import AttachmentsPanel
from editor_app.ui.editor.body import BlobPath, BodyEdit, BodyToolbar
from editor_app.ui.editor.fields import ArticleFieldsForm
from editor_app.ui.editor.findings_panel import FindingsPanel
from editor_app.ui.editor.metadata_form import MetadataForm
from editor_app.ui.editor.paste_offer import PasteOffer, TaskRunner
from editor_app.ui.editor.preview import PreviewPane
from editor_app.validation.findings import Location

BODY_TAB, METADATA_TAB, ATTACHMENTS_TAB, PREVIEW_TAB = range(4)
SPAN_SLACK = 200  # how far before the reported offset the text search starts


class ArticleEditor(QWidget):
    """Emits ``sig_changed`` on any user edit (never while loading)."""

    sig_changed = Signal()

    def __init__(self, language: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = ArticleFieldsForm(self)
        self.body = BodyEdit(self)
        self.toolbar = BodyToolbar(self.body, self)
        self.metadata = MetadataForm(language, self)
        self.attachments = AttachmentsPanel(self)
        self.preview = PreviewPane(self)
        self.findings = FindingsPanel(self)
        self.tabs = QTabWidget(self)
        body_page = QWidget(self)
        body_layout = QVBoxLayout(body_page)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.toolbar)
        self.paste_offer = PasteOffer(self.body, body_page)
        self.body.paste_offer = self.paste_offer
        body_layout.addWidget(self.paste_offer.bar)
        body_layout.addWidget(self.body)
        for page in (body_page, self.metadata, self.attachments, self.preview):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(splitter, 1)
        self._article = Article()
        self._loading = False
        self.fields.sig_changed.connect(self._on_part_changed)
        self.metadata.sig_changed.connect(self._on_part_changed)
        self.body.textChanged.connect(self._on_part_changed)
        self.body.textChanged.connect(self.paste_offer.text_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in ((BODY_TAB, self.tr("&Body")), (METADATA_TAB, self.tr("&Metadata")),
                            (ATTACHMENTS_TAB, self.tr("Attach&ments")),
                            (PREVIEW_TAB, self.tr("Pre&view"))):
            self.tabs.setTabText(index, text)
        self.tabs.setAccessibleName(self.tr("Editor sections"))
        self.body.setAccessibleName(self.tr("Article body"))
        self.setAccessibleName(self.tr("Article editor"))
        self.paste_offer.bar.retranslate()

    def set_task_runner(self, run_task: TaskRunner) -> None:
        """Where paste checks run (the app's pool); until set they run inline."""
        self.paste_offer.run_task = run_task

    def set_tone_style(self, tone_style: Callable[[], str]) -> None:
        """The portal's tone-mark style, asked at each paste (the profile may change)."""
        self.paste_offer.tone_style = tone_style

    def set_blob_resolver(self, resolver: BlobPath) -> None:
        self.body.blob_path = resolver
        self.preview.blob_path = resolver

    @property
    def article(self) -> Article:
        """The last loaded or saved article (ids, attachments, timestamps)."""
        return self._article

    def load(self, article: Article, metadata_specs: tuple[Any, ...]) -> None:
        self._loading = True
        self._article = article
        self.fields.load(article)
        self.metadata.set_fields(metadata_specs, article.metadata)
        self.body.setHtml(article.body_html)
        self.body.document().clearUndoRedoStacks()
        self.body.document().setModified(False)
        self.attachments.set_attachments(article.attachments)
        self._loading = False

    def set_metadata_specs(self, specs: tuple[Any, ...]) -> None:
        self.metadata.set_fields(specs, self.metadata.values())

    def remember(self, saved: Article) -> None:
        """After a save: keep ids and timestamps without touching what the user is typing."""
        self._article = replace(saved, attachments=self.attachments.attachments())

    def set_attachments(self, refs: list[Any]) -> None:
        self._article.attachments = list(refs)
        self.attachments.set_attachments(refs)

    def current_article(self) -> Article:
        """A fresh Article from the widgets (safe to hand to a worker thread)."""
        article = self.fields.apply_to(self._article)
        return replace(article, body_html=self.body.toHtml(),
                       metadata=self.metadata.values(),
                       attachments=[replace(ref) for ref in self.attachments.attachments()],
                       tags=list(article.tags))

    def focus_location(self, location: Location) -> None:
        """Jump to where a finding points: a field, a metadata row, the body at an offset."""
        name = location.field or ""
        if name.startswith("metadata."):
            self.tabs.setCurrentIndex(METADATA_TAB)
            self.metadata.focus_field(name.split(".", 1)[1])
        elif name.startswith("attachment"):
            self.tabs.setCurrentIndex(ATTACHMENTS_TAB)
            self.attachments.table.setFocus()
        elif name in ("body", ""):
            self._focus_body(location)
        else:
            self._focus_field(name)

    def _focus_body(self, location: Location) -> None:
        """Select what the finding points at. Checks count offsets in the body's text as
        validation.article.html_to_text sees it, so the span is looked up by its text near
        that offset rather than trusted as a document position."""
        self.tabs.setCurrentIndex(BODY_TAB)
        if location.offset is not None:
            cursor = self._find_span(location.offset, location.length or 0)
            self.body.setTextCursor(cursor)
        self.body.setFocus()

    def _find_span(self, offset: int, length: int) -> QTextCursor:
        from editor_app.validation.article import html_to_text

        document = self.body.document()
        snippet = html_to_text(self.body.toHtml())[offset:offset + length]
        if snippet.strip():
            found = document.find(snippet, max(0, offset - SPAN_SLACK))
            if found.isNull():
                found = document.find(snippet)
            if not found.isNull():
                return found
        cursor = QTextCursor(document)
        cursor.setPosition(min(offset, document.characterCount() - 1))
        return cursor

    def _focus_field(self, name: str) -> None:
        widget = {"title": self.fields.title, "summary": self.fields.summary,
                  "pen_name": self.fields.pen_name, "real_name": self.fields.real_name,
                  "author": self.fields.pen_name, "source": self.fields.source,
                  "unit": self.fields.unit, "tags": self.fields.tags,
                  "category": self.fields.category, "language": self.fields.language}.get(name)
        if widget is not None:
            widget.setFocus()

    def _on_part_changed(self, *_: object) -> None:
        if not self._loading:
            self.sig_changed.emit()

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == PREVIEW_TAB:
            self.preview.show_article(self.current_article())
