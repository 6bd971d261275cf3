"""The main window follows the account's role: nothing is shown that the server would refuse.

Collaborators and secretaries create submissions, so they keep the drafts, the submissions panel
and "Gửi lên Cổng". Chiefs, deputies and administrators cannot (the service answers 403): for
them the drafts tab, the send action, the submissions panel and the drafts' actions are hidden,
and the review workspace comes to the front (the approval queue and the dashboard, or the
accounts). With no account, or a role not known yet, the window stays the composer. The parts
arrive at different times (the review tab and the submit path are installed off the start-up
path), so each installer calls :func:`follow_role`, and the view applies what exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from editor_app.ui.context import AppContext
from editor_app.ui.review.connection import PortalConnection, shared_connection

REVIEW_TAB = 1
COMPOSER_ACTIONS = ("new", "save", "history", "check", "import", "export_docx",
                    "export_package", "delete")


class RoleView(QObject):
    """Shows or hides the window's composer parts as ``connection``'s role says."""

    def __init__(self, window: Any, connection: PortalConnection) -> None:
        super().__init__(window)
        self.window = window
        self.connection = connection
        self._fronted: tuple[int, object] | None = None  # (login, role) the tabs were set for
        connection.sig_changed.connect(self.apply)

    @property
    def composes(self) -> bool:
        return self.connection.composes()

    def apply(self) -> None:
        composes = self.composes
        self._show_composer_actions(composes)
        self._show_submit(composes)
        self._show_tabs(composes)

    def _show_composer_actions(self, composes: bool) -> None:
        actions = self.window.main_actions.actions
        for name in COMPOSER_ACTIONS:
            actions[name].setVisible(composes)

    def _show_submit(self, composes: bool) -> None:
        submit = getattr(self.window, "submit", None)
        if submit is None:
            return
        submit.action.setVisible(composes)
        toggle = submit.dock.toggleViewAction()
        was_shown = toggle.isVisible()
        toggle.setVisible(composes)
        if not composes:
            submit.dock.hide()
        elif not was_shown:
            submit.dock.show()

    def _show_tabs(self, composes: bool) -> None:
        review = getattr(self.window, "review", None)
        if review is None:
            return
        tabs = review.tabs
        drafts_were_shown = tabs.isTabVisible(0)
        tabs.setTabVisible(0, composes)
        login = self.connection.login
        key = (id(login), self.connection.role)
        if login is None or key == self._fronted:
            return
        self._fronted = key
        if not composes:
            tabs.setCurrentIndex(REVIEW_TAB)  # builds the workspace: approvals, dashboard
        elif not drafts_were_shown:
            tabs.setCurrentIndex(0)


def follow_role(window: Any, context: AppContext) -> RoleView:
    """The window's role view (made once), applied to the parts installed so far."""
    view: RoleView | None = getattr(window, "role_view", None)
    if view is None:
        view = RoleView(window, shared_connection(context))
        window.role_view = view
    view.apply()
    return view
