"""The rich-text body: headings, bold, italic, lists, links, tables and inline images.

Pasting from Word brings a flood of mso-* styles, conditional comments and fonts; the pasted HTML
goes through ``editor_app.core.interchange.clean_html`` first, so structure (headings, lists,
tables, emphasis) stays and the junk does not. Inline images are attachments: their bytes live in
the blob store and the body refers to them as ``attachment:<sha256>`` (the interchange
format), resolved here when drawn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QImage,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import QInputDialog, QTextEdit, QToolBar, QWidget

if TYPE_CHECKING:
    from editor_app.ui.editor.paste_offer import PasteOffer

log = logging.getLogger("editor_app.ui.body")

BLOB_SCHEME = "attachment"  # the same as editor_app.core.interchange.inline_src
BlobPath = Callable[[str], Path | None]


def clean_pasted_html(html: str) -> str:
    """Word's HTML cleaned by the one sanitiser imports and the portal also use."""
    from editor_app.core.interchange import clean_html

    return clean_html(html)


class BodyEdit(QTextEdit):
    """QTextEdit that cleans pasted HTML and draws ``attachment:`` images from the blob store."""

    sig_image_dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.blob_path: BlobPath = lambda _sha: None
        self.paste_offer: PasteOffer | None = None  # set by an editor that shows the offer bar
        self.document().setDefaultStyleSheet("h1,h2,h3{margin-top:8px} table{border-collapse:"
                                             "collapse} td,th{border:1px solid #999;padding:3px}")

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste: cleaned HTML, images as attachments, text as usual; legacy-encoded text then
        gets an offer to convert it (see ``paste_offer``), read from the HTML as it came, fonts
        and all, since cleaning drops the fonts that tell TCVN3 from VNI."""
        if source.hasHtml():
            html = source.html()
            start = self._paste_start()
            self.textCursor().insertHtml(clean_pasted_html(html))
            self._after_paste(html, start, html_paste=True)
            return
        if source.hasImage() or (source.hasUrls() and _image_urls(source)):
            for path in _image_urls(source):
                self.sig_image_dropped.emit(path)
            return
        start = self._paste_start()
        super().insertFromMimeData(source)
        if source.hasText():
            self._after_paste(source.text(), start, html_paste=False)

    def _paste_start(self) -> int:
        cursor = self.textCursor()
        return min(cursor.position(), cursor.anchor())

    def _after_paste(self, payload: str, start: int, *, html_paste: bool) -> None:
        if self.paste_offer is not None:
            self.paste_offer.check(payload, html=html_paste, start=start,
                                   end=self.textCursor().position())

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url) if isinstance(url, str) else url
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == BLOB_SCHEME:
            path = self.blob_path(url.path())
            if path is not None and path.is_file():
                return QImage(str(path))
            return QImage()
        return super().loadResource(kind, url)

    def insert_blob_image(self, sha256: str, alt: str) -> None:
        cursor = self.textCursor()
        cursor.insertHtml(f'<img src="{BLOB_SCHEME}:{sha256}" alt="{_attr(alt)}" width="480">')


def _image_urls(source: QMimeData) -> list[Path]:
    images = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
    return [Path(u.toLocalFile()) for u in source.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(images)]


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class BodyToolbar(QToolBar):
    """Formatting actions for a BodyEdit; ``sig_insert_image`` asks the editor for a file."""

    sig_insert_image = Signal()

    def __init__(self, body: BodyEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body = body
        self.actions_by_key: dict[str, QAction] = {}
        for key, shortcut, slot in (
            ("h1", "Ctrl+1", lambda: self.set_block(1)),
            ("h2", "Ctrl+2", lambda: self.set_block(2)),
            ("h3", "Ctrl+3", lambda: self.set_block(3)),
            ("p", "Ctrl+0", lambda: self.set_block(0)),
            ("bold", QKeySequence.StandardKey.Bold, self.toggle_bold),
            ("italic", QKeySequence.StandardKey.Italic, self.toggle_italic),
            ("bullets", "Ctrl+Shift+8", lambda: self.make_list(QTextListFormat.Style.ListDisc)),
            ("numbers", "Ctrl+Shift+7",
             lambda: self.make_list(QTextListFormat.Style.ListDecimal)),
            ("link", "Ctrl+K", self.insert_link),
            ("table", "", self.insert_table),
            ("image", "", self.sig_insert_image.emit),
        ):
            action = QAction(self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Formatting"))
        self.setWindowTitle(self.tr("Formatting"))
        texts = {"h1": (self.tr("H1"), self.tr("Heading 1")),
                 "h2": (self.tr("H2"), self.tr("Heading 2")),
                 "h3": (self.tr("H3"), self.tr("Heading 3")),
                 "p": (self.tr("¶"), self.tr("Normal paragraph")),
                 "bold": (self.tr("B"), self.tr("Bold")),
                 "italic": (self.tr("I"), self.tr("Italic")),
                 "bullets": (self.tr("• List"), self.tr("Bulleted list")),
                 "numbers": (self.tr("1. List"), self.tr("Numbered list")),
                 "link": (self.tr("Link"), self.tr("Insert link")),
                 "table": (self.tr("Table"), self.tr("Insert table")),
                 "image": (self.tr("Image"), self.tr("Insert image"))}
        for key, (short, long) in texts.items():
            action = self.actions_by_key[key]
            action.setText(short)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{long} ({shortcut})" if shortcut else long)
            action.setStatusTip(long)
            widget = self.widgetForAction(action)
            if widget is not None:
                widget.setAccessibleName(long)

    def set_block(self, level: int) -> None:
        """Heading 1-3, or 0 for a normal paragraph (size and weight follow the level)."""
        cursor = self._body.textCursor()
        block = cursor.blockFormat()
        block.setHeadingLevel(level)
        cursor.setBlockFormat(block)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char.setProperty(QTextCharFormat.Property.FontSizeAdjustment, (0, 3, 2, 1)[level])
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char)
        self._body.mergeCurrentCharFormat(char)

    def toggle_bold(self) -> None:
        bold = self._body.fontWeight() < QFont.Weight.Bold
        self._body.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)

    def toggle_italic(self) -> None:
        self._body.setFontItalic(not self._body.fontItalic())

    def make_list(self, style: QTextListFormat.Style) -> None:
        self._body.textCursor().createList(style)

    def insert_link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Insert link"), self.tr("Address (URL):"))
        if not ok or not url.strip():
            return
        cursor = self._body.textCursor()
        text = cursor.selectedText() or url.strip()
        cursor.insertHtml(f'<a href="{_attr(url.strip())}">{_attr(text)}</a>')

    def insert_table(self) -> None:
        self._body.textCursor().insertTable(3, 3)
