"""The review and approval workspace (secretaries, deputies, chiefs; collaborators' submissions).

:func:`install_review_workspace` is the one hook the main window calls: it puts the window's
existing central widget (drafts and editor) in a first tab and the review workspace in a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QTabWidget

if TYPE_CHECKING:
    from editor_app.ui.context import AppContext
    from editor_app.ui.review.workspace import ReviewWorkspace


def install_review_workspace(window: QMainWindow, context: AppContext) -> ReviewWorkspace:
    """Wrap the window's central widget in tabs and add the workspace; returns it."""
    from editor_app.sync.credentials import CredentialStore
    from editor_app.ui.review.workspace import ReviewWorkspace

    drafts = window.takeCentralWidget()
    assert drafts is not None, "the main window has its central widget"
    tabs = QTabWidget(window)
    tabs.setObjectName("mainTabs")
    workspace = ReviewWorkspace(context, CredentialStore(), tabs)
    tabs.addTab(drafts, "")
    tabs.addTab(workspace, "")
    window.setCentralWidget(tabs)
    context.languages.sig_language_changed.connect(lambda _lang: _retitle(tabs, workspace))
    _retitle(tabs, workspace)
    return workspace


def _retitle(tabs: QTabWidget, workspace: ReviewWorkspace) -> None:
    drafts, review, both = workspace.main_titles()
    tabs.setAccessibleName(both)
    tabs.setTabText(0, drafts)
    tabs.setTabText(1, review)
