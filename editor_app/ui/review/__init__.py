"""The review and approval workspace (secretaries, deputies, chiefs; collaborators' submissions).

:func:`install_review_workspace` is the one hook the main window calls: it puts the window's
existing central widget (drafts and editor) in a first tab and the review workspace in a second.
The workspace itself (queues, item editor, reports, dashboard: ~0.5 s of widgets on the GUI
thread) is built only when its tab is first shown, so installing the tab never freezes the window;
:attr:`ReviewTab.workspace` builds it on demand for code that needs it earlier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from editor_app.ui.context import AppContext
    from editor_app.ui.review.workspace import ReviewWorkspace

REVIEW_TAB = 1


class ReviewTab(QObject):
    """The second main tab; ``sig_built(workspace)`` once the workspace exists."""

    sig_built = Signal(object)

    def __init__(self, context: AppContext, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        from editor_app.ui.review.translations import ReviewCatalog

        self.context = context
        self.tabs = tabs
        # the catalog now, so the tab titles are translated before the workspace exists
        self.catalog = ReviewCatalog(context.languages, context.paths.cache, self)
        self.page = QWidget(tabs)
        self.page.setObjectName("reviewPage")
        self._layout = QVBoxLayout(self.page)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._workspace: ReviewWorkspace | None = None
        tabs.currentChanged.connect(self._on_tabs_current_changed)

    @property
    def built(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> ReviewWorkspace:
        """The workspace, built now if its tab has not been shown yet."""
        if self._workspace is None:
            from editor_app.ui.review.connection import shared_connection
            from editor_app.ui.review.workspace import ReviewWorkspace

            connection = shared_connection(self.context)  # one login with the submit path
            workspace = ReviewWorkspace(self.context, connection.credentials, self.page,
                                        catalog=self.catalog, connection=connection)
            self._layout.addWidget(workspace)
            workspace.show()  # a child added to a shown page stays hidden otherwise
            self._workspace = workspace
            self.sig_built.emit(workspace)
        return self._workspace

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == REVIEW_TAB and self._workspace is None:
            self.workspace  # noqa: B018 - builds it

    def retitle(self, *_: object) -> None:
        from PySide6.QtCore import QCoreApplication

        def tr(text: str) -> str:
            return QCoreApplication.translate("ReviewWorkspace", text)

        self.tabs.setAccessibleName(tr("Drafts and portal review"))
        self.tabs.setTabText(0, tr("Drafts"))
        self.tabs.setTabText(REVIEW_TAB, tr("Portal review"))


def install_review_workspace(window: QMainWindow, context: AppContext) -> ReviewTab:
    """Wrap the window's central widget in tabs and add the (lazily built) workspace's tab."""
    drafts = window.takeCentralWidget()
    assert drafts is not None, "the main window has its central widget"
    tabs = QTabWidget(window)
    tabs.setObjectName("mainTabs")
    review = ReviewTab(context, tabs)
    tabs.addTab(drafts, "")
    tabs.addTab(review.page, "")
    window.setCentralWidget(tabs)
    context.languages.sig_language_changed.connect(review.retitle)
    review.retitle()
    from editor_app.ui.role_view import follow_role

    window.review = review  # type: ignore[attr-defined]  # the role view finds the tabs here
    follow_role(window, context)
    return review
