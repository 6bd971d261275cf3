"""The main window: drafts on the left, the editor on the right. It only wires parts together;
the drafts controller and the editor controller do the work (no god window).

The editor pane is built lazily (first use, or once the store is open): its widgets cost about as
much to import and build as the rest of the window, and the window must appear fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.actions import MainActions
from editor_app.ui.context import AppContext
from editor_app.ui.drafts_view import DraftsController, DraftsView
from editor_app.ui.first_paint import after_first_paint
from editor_app.ui.interchange_actions import InterchangeActions
from editor_app.ui.message_bar import MessageBar
from editor_app.ui.submit import install_submit_later

if TYPE_CHECKING:
    from editor_app.core.articles import Article
    from editor_app.ui.editor.controller import EditorController
    from editor_app.ui.editor.editor_widget import ArticleEditor


class MainWindow(QMainWindow):
    """Owns the views; menus, shortcuts and language switching live here."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.main_actions = MainActions(self)
        self.drafts = DraftsView(self)
        self.drafts_controller = DraftsController(context, self.drafts)
        self._editor: ArticleEditor | None = None
        self._editor_controller: EditorController | None = None
        self.placeholder = QLabel(self)
        self.placeholder.setProperty("alignment", "AlignCenter")  # no Qt enum: see DraftsView
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.message_bar = MessageBar(self)
        self.interchange = InterchangeActions(context, self, lambda: self.editor_controller)
        self._build_layout()
        self.review: Any = None
        self._install_review_later()  # portal review tab (issue 7)
        self._build_toolbar()
        self._connect()
        self.submit: Any = None  # collaborator's submit path (issue 6), added once imported
        self._after_first_paint(lambda: install_submit_later(self, context))
        context.errors.attach(self.message_bar.show_message, self)
        self._set_store_actions(context.store is not None)
        self.retranslate()
        self.resize(1280, 800)

    def _build_layout(self) -> None:
        splitter = QSplitter(parent=self)  # QSplitter(self) would try the Qt.Orientation overload
        splitter.addWidget(self.drafts)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 720])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for name in ("new", "save", "history", "check", "settings"):
            self.toolbar.addAction(self.main_actions.actions[name])
        self.addToolBar(self.toolbar)

    def _connect(self) -> None:
        act = self.main_actions.actions
        act["new"].triggered.connect(self._on_new_triggered)
        act["save"].triggered.connect(lambda: self.editor_controller.checkpoint())
        act["history"].triggered.connect(lambda: self.editor_controller.show_history())
        act["check"].triggered.connect(lambda: self.editor_controller.check_now())
        act["search"].triggered.connect(self._on_search_triggered)
        act["delete"].triggered.connect(self.delete_draft)
        act["import"].triggered.connect(lambda: self.interchange.import_file())
        act["export_docx"].triggered.connect(lambda: self.interchange.export_docx())
        act["export_package"].triggered.connect(lambda: self.interchange.export_package())
        act["undo"].triggered.connect(lambda: self._edit_focused("undo"))
        act["redo"].triggered.connect(lambda: self._edit_focused("redo"))
        act["settings"].triggered.connect(self.show_settings)
        act["log"].triggered.connect(self.show_log)
        act["help"].triggered.connect(self.show_help)
        act["quit"].triggered.connect(self.close)
        act["vi"].triggered.connect(lambda: self.switch_language("vi"))
        act["en"].triggered.connect(lambda: self.switch_language("en"))
        self.drafts.sig_open.connect(self._on_drafts_open)
        self.context.sig_store_ready.connect(self._on_context_store_ready)
        self.context.sig_profile_ready.connect(self._on_context_profile_ready)

    def _install_review_later(self) -> None:
        """The review workspace's modules (HTTP client, keyring, reports) take about a second to
        import: they are imported on the pool and the tab is added when they are ready, so the
        window appears at once. With the inline runner (tests) this happens right here."""

        self._after_first_paint(lambda: self.context.runner.task(
            _import_modules, REVIEW_MODULES, on_done=self._on_review_imported))

    def _after_first_paint(self, start: Callable[[], object]) -> None:
        """Background imports start once the window has painted: begun earlier, their threads
        hold the GIL while the window is laid out and drawn. The inline runner (tests) never
        waits for a paint."""
        if self.context.runner.inline:
            start()
        else:
            after_first_paint(self, start)

    def _on_review_imported(self, _result: object) -> None:
        """Adds the review tab; its workspace is built when the tab is first shown."""
        from editor_app.ui.review import install_review_workspace

        self.review = install_review_workspace(self, self.context)

    @property
    def editor(self) -> ArticleEditor:
        if self._editor is None:
            self._build_editor()
        assert self._editor is not None
        return self._editor

    @property
    def editor_controller(self) -> EditorController:
        if self._editor_controller is None:
            self._build_editor()
        assert self._editor_controller is not None
        return self._editor_controller

    def _build_editor(self) -> None:
        from editor_app.ui.editor.controller import EditorController
        from editor_app.ui.editor.editor_widget import ArticleEditor

        editor = ArticleEditor(lambda: self.context.language, self)
        controller = EditorController(self.context, editor)
        self._editor, self._editor_controller = editor, controller
        self.stack.addWidget(editor)
        controller.sig_opened.connect(self._on_editor_opened)
        controller.sig_saved.connect(self._on_editor_saved)
        self._retranslate_editor()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Editorial workstation — Provincial portal"))
        self.setAccessibleName(self.tr("Editorial workstation"))
        self.main_actions.retranslate()
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.drafts.retranslate()
        self.message_bar.retranslate()
        self._retranslate_editor()
        self.placeholder.setAccessibleName(self.tr("No draft open"))
        self.placeholder.setText(self.tr("Opening the local store…") if self.context.store is None
                                 else self.tr("Choose a draft on the left, or press Ctrl+N "
                                              "to write a new article."))
        for name in ("vi", "en"):
            self.main_actions.actions[name].setChecked(self.context.language == name)

    def _retranslate_editor(self) -> None:
        if self._editor is None:
            return
        editor = self._editor
        for part in (editor, editor.fields, editor.toolbar, editor.metadata, editor.attachments,
                     editor.findings):
            part.retranslate()
        editor.fields.set_categories(self.editor_controller.categories())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, language: str) -> None:
        """Switch without restarting and remember the choice."""
        self.context.languages.set_language(language)
        if not self.context.settings.is_locked("language"):
            self.context.runner.write(self.context.settings.set, "language", language)
        self.retranslate()

    def _set_store_actions(self, ready: bool) -> None:
        for name in ("new", "save", "history", "check", "import", "export_docx",
                     "export_package", "delete"):
            self.main_actions.actions[name].setEnabled(ready)

    def _on_context_store_ready(self) -> None:
        if self._editor is None:  # import its modules off the GUI thread, then build it
            self.context.runner.task(_import_modules, EDITOR_MODULES,
                                     on_done=self._on_editor_imported)
        self._set_store_actions(True)
        self.retranslate()
        self.drafts_controller.refresh()

    def _on_editor_imported(self, _result: object) -> None:
        if self._editor is None:
            self._build_editor()

    def _on_context_profile_ready(self) -> None:
        """A (new) profile: category names, deadlines in the list, and the open draft's form,
        deadline line and address preview follow it without a restart."""
        self.drafts_controller.refresh()  # deadlines depend on the profile
        self.drafts.model.layoutChanged.emit()  # category names
        if self._editor is None:
            return
        self.editor.fields.set_categories(self.editor_controller.categories())
        self.editor.set_metadata_specs(
            self.editor_controller.specs(self.editor.fields.category_id()))
        self.editor_controller.update_hints()

    def _on_new_triggered(self) -> None:
        self.editor_controller.create()

    def _on_drafts_open(self, article_id: int) -> None:
        self.editor_controller.open(article_id)

    def _on_editor_opened(self, article: Article) -> None:
        self.stack.setCurrentWidget(self.editor)
        self.drafts_controller.refresh()
        if not article.title:
            self.editor.fields.title.setFocus()

    def _on_editor_saved(self, _article: Article) -> None:
        self.drafts_controller.refresh()

    def _on_search_triggered(self) -> None:
        self.drafts.search.setFocus()
        self.drafts.search.selectAll()

    def _edit_focused(self, what: str) -> None:
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            getattr(widget, what)()

    def show_settings(self) -> None:
        from editor_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.sig_language_chosen.connect(self.switch_language)
        dialog.accepted.connect(lambda: self._apply_settings(dialog.changed))
        dialog.open()

    def _apply_settings(self, changed: dict[str, object]) -> None:
        """Settings that take effect at once (the language is switched by the dialog itself)."""
        if "autosave_seconds" in changed and self._editor_controller is not None:
            self._editor_controller.autosaver.set_debounce(float(str(changed["autosave_seconds"])))

    def delete_draft(self) -> None:
        """Delete the selected (or open) draft after asking; its unused files go with it."""
        from PySide6.QtWidgets import QMessageBox

        store = self.context.store
        article_id = self.drafts.selected_id()
        if article_id is None and self._editor_controller is not None:
            article_id = self._editor_controller.article_id
        if store is None or article_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete this draft, its versions and its attachments from this computer? "
                    "This cannot be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._editor_controller is not None and self._editor_controller.article_id == article_id:
            self._editor_controller.close_article()
            self.stack.setCurrentWidget(self.placeholder)
        self.context.runner.write(store.drafts.delete, article_id,
                                  on_done=lambda _r: self.drafts_controller.refresh())

    def show_log(self) -> None:
        from editor_app.ui.log_view import LogDialog

        LogDialog(self.context.paths.logs, self).open()

    def show_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.tr("Help"), self.tr(
            "<h3>Keyboard shortcuts</h3><table>"
            "<tr><td>Ctrl+N</td><td>New article</td></tr>"
            "<tr><td>Ctrl+S</td><td>Save a version now (everything is saved as you type)</td></tr>"
            "<tr><td>Ctrl+H</td><td>Version history</td></tr>"
            "<tr><td>Ctrl+O</td><td>Import a document or draft package</td></tr>"
            "<tr><td>Ctrl+E / Ctrl+Shift+E</td><td>Export as Word / as a draft package</td></tr>"
            "<tr><td>Ctrl+F</td><td>Find drafts (accents and case are ignored)</td></tr>"
            "<tr><td>Ctrl+Z / Ctrl+Y</td><td>Undo / redo</td></tr>"
            "<tr><td>F7</td><td>Check the article now</td></tr>"
            "<tr><td>Ctrl+L</td><td>Show the log</td></tr>"
            "<tr><td>Ctrl+1…3, Ctrl+0</td><td>Heading 1…3, normal paragraph</td></tr>"
            "</table>"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hand any pending change to the DB worker; run_gui waits for it before exiting."""
        if self._editor_controller is not None:
            self._editor_controller.autosaver.flush()
        event.accept()


REVIEW_MODULES = ("editor_app.ui.review", "editor_app.ui.review.workspace",
                  "editor_app.sync.credentials")
EDITOR_MODULES = ("editor_app.ui.editor.controller", "editor_app.ui.editor.editor_widget")


def _import_modules(names: tuple[str, ...]) -> None:
    """Pool thread: only imports (no widget is created off the GUI thread)."""
    for name in names:
        importlib.import_module(name)
