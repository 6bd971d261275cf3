"""HTML preview: the article roughly as the portal will show it (title, sapo, body, files)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor_app.core.articles import Article
from editor_app.ui.editor.body import BLOB_SCHEME, BlobPath


def render_article_html(article: Article, *, attachments_label: str = "Tệp đính kèm") -> str:
    """One self-contained HTML page; the body is the editor's own (already cleaned) HTML."""
    author = " – ".join(x for x in (article.pen_name, article.source) if x)
    files = "".join(
        f"<li>{html.escape(ref.filename)}"
        + (f" — <i>{html.escape(ref.caption)}</i>" if ref.caption else "") + "</li>"
        for ref in article.attachments)
    return (
        f"<h1>{html.escape(article.title)}</h1>"
        f"<p><b>{html.escape(article.summary)}</b></p>"
        f"{_body_fragment(article.body_html)}"
        + (f"<p align='right'><i>{html.escape(author)}</i></p>" if author else "")
        + (f"<h3>{html.escape(attachments_label)}</h3><ul>{files}</ul>" if files else "")
    )


def _body_fragment(body_html: str) -> str:
    lower = body_html.lower()
    start, end = lower.find("<body"), lower.rfind("</body>")
    if start >= 0 and end > start:
        return body_html[body_html.index(">", start) + 1:end]
    return body_html


class PreviewPane(QTextBrowser):
    """Read-only rendering; images drawn from the blob store like in the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.blob_path: BlobPath = lambda _sha: None
        self.setAccessibleName(self.tr("Preview"))

    def show_article(self, article: Article) -> None:
        self.setHtml(render_article_html(article, attachments_label=self.tr("Attachments")))

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url) if isinstance(url, str) else url
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == BLOB_SCHEME:
            path: Path | None = self.blob_path(url.path())
            from PySide6.QtGui import QImage

            return QImage(str(path)) if path is not None and path.is_file() else QImage()
        return super().loadResource(kind, url)
