"""File > Import / Export: DOCX, ODT, TXT, HTML in; DOCX and draft packages (.zip) both ways.

The parsing and writing live in editor_app.core.interchange and editor_app.store.importing; this
controller only asks for file names and runs them through the operation runner. A document is
untrusted input: it is parsed in the validation package's worker processes (time and memory
limits, STYLE.md 4), then stored by the DB worker. Packages (a zip of JSON and hashed blobs,
verified while copied) are read on the DB worker directly, with a cancellable progress dialog, since
they can hold gigabyte videos. Exports only read, so they run on the pool.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from editor_app.ui.context import AppContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor_app.ui.editor.controller import EditorController

PACKAGE_SUFFIX = ".zip"


class InterchangeActions(QObject):
    """Import into a new draft, export the open draft."""

    def __init__(self, context: AppContext, window: QWidget,
                 editor: Any) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._editor_controller: Any = editor  # callable returning the EditorController

    def _controller(self) -> EditorController:
        return self._editor_controller()

    def import_file(self, path: Path | None = None) -> None:
        store = self._context.store
        if store is None:
            return
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Import into a new draft"), "",
                self.tr("Documents and draft packages (*.docx *.odt *.txt *.html *.htm *.zip)"))
            if not name:
                return
            path = Path(name)
        title = self.tr("Importing %s…") % path.name
        show = self._controller().show_article
        if path.suffix.lower() == PACKAGE_SUFFIX:
            self._context.runner.write(_import_package, store, path, on_done=show,
                                       progress_title=title, progress_parent=self._window)
            return
        self._context.runner.task(
            _parse_isolated, path, progress_title=title, progress_parent=self._window,
            on_done=lambda imported: self._context.runner.write(
                _store_imported, store, imported, on_done=show))

    def export_docx(self, path: Path | None = None) -> None:
        self._export(path, ".docx", self.tr("Word document (*.docx)"), _export_docx)

    def export_package(self, path: Path | None = None) -> None:
        self._export(path, PACKAGE_SUFFIX, self.tr("Draft package (*.zip)"), _export_package)

    def _export(self, path: Path | None, suffix: str, pattern: str, fn: Any) -> None:
        controller = self._controller()
        store = self._context.store
        if store is None or controller.article_id is None:
            return
        controller.autosaver.flush()
        article = controller.editor.current_article()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            suggested = (article.title or "ban-nhap")[:60] + suffix
            name, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export"), suggested,
                                                  pattern)
            if not name:
                return
            path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self._context.runner.task(
            fn, article, store.blobs, path,
            on_done=lambda out: self._window_message(self.tr("Exported to %s") % out),
            progress_title=self.tr("Exporting %s…") % path.name, progress_parent=self._window)

    def _window_message(self, text: str) -> None:
        bar = getattr(self._window, "message_bar", None)
        if bar is not None:
            bar.show_message(text, error=False)


IMPORT_TIMEOUT_S = 120.0


def _parse_isolated(path: Path, progress: Any) -> Any:
    """Pool thread: parse the document in a worker process; a hang or a crash is a UserError."""
    from editor_app.core.interchange.model import InterchangeError
    from editor_app.validation.isolation import InspectionFailed, Job, shared_pool

    progress(0, 1)
    # the text engine's entry converts legacy TCVN3/VNI… text and fonts on the way in
    job = Job("editor_app.validation.text.interchange:import_file_unicode", (path,),
              IMPORT_TIMEOUT_S)
    try:
        return shared_pool().run(job)
    except InspectionFailed as exc:
        raise InterchangeError(
            f"Không nhập được {path.name}: tệp bị hỏng, quá lớn hoặc quá phức tạp ({exc.reason}).",
            f"Could not import {path.name}: the file is damaged, too big or too complex "
            f"({exc.reason}).") from exc


def _store_imported(store: Any, imported: Any) -> Any:
    from editor_app.store.importing import import_draft

    return import_draft(store, imported)


def _import_package(store: Any, path: Path, progress: Any) -> Any:
    from editor_app.store.importing import import_package

    return import_package(store, path, progress=lambda done, total: progress(done, total))


def _export_docx(article: Any, blobs: Any, out: Path, progress: Any) -> Path:
    from editor_app.core.interchange import export_docx

    progress(0, 1)
    return Path(export_docx(article, blobs, out))


def _export_package(article: Any, blobs: Any, out: Path, progress: Any) -> Path:
    from editor_app.core.interchange import export_package

    return Path(export_package(article, blobs, out,
                               progress=lambda done, total: progress(done, total)))
