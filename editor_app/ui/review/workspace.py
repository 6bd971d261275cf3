"""The role-aware review workspace: a login page, then the pages the account's role uses.

Collaborators get their submissions; secretaries the incoming queue, the publication list, the
archive (and approvals when delegated); deputies and chiefs the approval queue, the dashboard and
reports; administrators the accounts. Nothing is shown that the server would refuse; the server
still decides each call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import wire
from editor_app.sync.credentials import CredentialStore
from editor_app.ui.context import AppContext
from editor_app.ui.review.admin_view import AdminView
from editor_app.ui.review.bulk import BulkApproval
from editor_app.ui.review.connection import PortalConnection
from editor_app.ui.review.dashboard import DashboardView
from editor_app.ui.review.item_controller import ItemController
from editor_app.ui.review.item_view import ItemView
from editor_app.ui.review.labels import role_label
from editor_app.ui.review.login_panel import LoginPanel
from editor_app.ui.review.notifications import NotificationCenter
from editor_app.ui.review.queue_view import (
    APPROVAL,
    ARCHIVE,
    INCOMING,
    MINE,
    PUBLICATION,
    Mode,
    QueueView,
)
from editor_app.ui.review.reports_view import ReportsView
from editor_app.ui.review.session import PortalSession
from editor_app.ui.review.translations import ReviewCatalog

R = wire.Role


def load_choices(client: Any) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]:
    """Units and the profile's categories (vi, en names) for the filters (worker side)."""
    units = [(u["code"], u.get("name") or u["code"]) for u in client.units()]
    categories = client.profile().get("categories") or {}
    names = {key: (str(c.get("name_vi", key)), str(c.get("name_en", key)))
             for key, c in categories.items() if isinstance(c, dict)}
    return units, names


class ReviewWorkspace(QWidget):
    """``connection``: the app's shared portal account (the main window's tab passes it); a
    workspace made without one logs in on its own (tests, screenshots)."""

    def __init__(self, context: AppContext, credentials: CredentialStore | None = None,
                 parent: QWidget | None = None, *, catalog: ReviewCatalog | None = None,
                 connection: PortalConnection | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWorkspace")
        self.context = context
        self.session = PortalSession(context, credentials, self, connection)
        # the main window's tab passes the catalog it installed before building this
        self.catalog = catalog or ReviewCatalog(context.languages, context.paths.cache, self)
        self.login = LoginPanel(self)
        self.login.set_persistent(self.session.credentials.persistent)
        self._prefill_login()
        self.item_view = ItemView(lambda: context.language, self)
        self.item = ItemController(self.session, self.item_view, self)
        self.queues: dict[str, QueueView] = {}
        self.pages, self.queue_tabs = QTabWidget(self), QTabWidget(self)
        self.who, self.logout_button = QLabel(self), QPushButton(self)
        self.notifications = NotificationCenter(self.session, self)
        self.reports: ReportsView | None = None
        self.dashboard: DashboardView | None = None
        self.admin: AdminView | None = None
        self.last_bulk: list[Any] = []
        self._choices: tuple[list[tuple[str, str]], dict[str, tuple[str, str]]] = ([], {})
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh_queues)
        self.stack = QStackedWidget(self)
        self._build()
        self._connect()
        self.retranslate()
        if self.session.me is not None:  # logged in already (from the submit path)
            self._on_logged_in()
        else:  # the saved login, if the keyring holds one (its pages follow when it answers)
            self.session.connection.restore()
            self.session.connection.ensure_me()

    def _prefill_login(self) -> None:
        connection = self.session.connection
        url = connection.url or connection.portal_url()
        username = connection.username or str(self.context.settings.get("portal_username") or "")
        if url and not self.login.url.text():
            self.login.url.setText(url)
        if username and not self.login.username.text():
            self.login.username.setText(username)

    def _build(self) -> None:
        split = QSplitter(self)
        split.addWidget(self.queue_tabs)
        split.addWidget(self.item_view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 880])
        split.hide()  # shown only as a page of the roles that have items
        self.items_page = split
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.notifications.button)
        top.addWidget(self.logout_button)
        work = QWidget(self)
        column = QVBoxLayout(work)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.pages, 1)
        self.stack.addWidget(self.login)
        self.stack.addWidget(work)
        QVBoxLayout(self).addWidget(self.stack)

    def _connect(self) -> None:
        self.login.sig_login.connect(self._on_login_requested)
        self.logout_button.clicked.connect(self.session.logout)
        self.session.sig_logged_in.connect(self._on_logged_in)
        self.session.sig_logged_out.connect(self._on_session_logged_out)
        self.session.sig_expired.connect(self._on_session_expired)
        self.session.sig_changed.connect(lambda _id: self._refresh_timer.start())
        self.notifications.sig_open.connect(self.open_item)

    def retranslate(self) -> None:
        self.login.retranslate()
        self.item_view.retranslate()
        self.notifications.retranslate()
        self.logout_button.setText(self.tr("Log out"))
        me = self.session.me
        if me is not None:
            self.who.setText(self.tr("%1 — %2, %3").replace("%1", me.username)
                             .replace("%2", role_label(me.role)).replace("%3", me.unit))
        self._retitle()

    def main_titles(self) -> tuple[str, str, str]:
        """The main window's tabs: drafts, this workspace, and the tab widget's own name."""
        return self.tr("Drafts"), self.tr("Portal review"), self.tr("Drafts and portal review")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- login and the role's pages ----------------------------------------------------------

    def _on_login_requested(self, url: str, username: str, password: str) -> None:
        self.session.login(url, username, password, remember=self.login.remember_password(),
                           on_error=lambda exc: self.login.failed(exc, self.context.language))

    def _on_session_expired(self) -> None:
        """The login must be renewed: the login page, filled in but for the password (the
        pages stay built and come back after the login)."""
        self._prefill_login()
        self.login.error.setText(self.tr("Your login has expired; log in again to continue."))
        self.stack.setCurrentIndex(0)

    def _on_logged_in(self) -> None:
        self.login.done()
        self._build_role_pages()
        self.stack.setCurrentIndex(1)
        QTimer.singleShot(0, self._size_items_page)
        self.retranslate()
        self.session.context.runner.task(load_choices, self.session.require_client(),
                                         on_done=self._on_choices, on_error=lambda _e: None)
        self.refresh_all()

    def _size_items_page(self) -> None:
        """Give the list ~45% of the width once laid out (the splitter ignores sizes before)."""
        total = max(self.items_page.width(), self.width() - 20)
        self.items_page.setSizes([total * 45 // 100, total - total * 45 // 100])

    def _on_session_logged_out(self) -> None:
        """Back to the login page; the previous account's pages are dropped."""
        self.pages.clear()
        self.items_page.setParent(self)
        self.items_page.hide()
        for view in self.queues.values():
            view.deleteLater()
        self.queue_tabs.clear()
        self.queues.clear()
        for part in (self.dashboard, self.reports, self.admin):
            if part is not None:
                part.deleteLater()
        self.dashboard = self.reports = self.admin = None
        self.item.item = None
        self.item_view.show_empty()
        self.stack.setCurrentIndex(0)

    def _build_role_pages(self) -> None:
        self._on_session_logged_out()
        role, session = self.session.role, self.session
        modes: list[Mode] = {
            R.COLLABORATOR: [MINE], R.SECRETARY: [INCOMING, PUBLICATION, ARCHIVE],
            R.DEPUTY: [APPROVAL, ARCHIVE], R.CHIEF: [APPROVAL, ARCHIVE],
        }.get(role, []) if role else []
        if role == R.SECRETARY and session.approves():
            modes.insert(1, APPROVAL)
        for mode in modes:
            self._add_queue(mode)
        if modes:
            self.pages.addTab(self.items_page, "")
        if role in (R.DEPUTY, R.CHIEF):
            self.dashboard = DashboardView(session, self)
            self.dashboard.sig_open.connect(self.open_item)
            self.pages.addTab(self.dashboard, "")
        if role in (R.SECRETARY, R.DEPUTY, R.CHIEF):
            self.reports = ReportsView(session, self)
            self.pages.addTab(self.reports, "")
        if role == R.ADMIN:
            self.admin = AdminView(session, self)
            self.pages.addTab(self.admin, "")

    def _add_queue(self, mode: Mode) -> None:
        view = QueueView(self.session, mode, self)
        view.sig_open.connect(self.open_item)
        if mode.checkable:
            BulkApproval(self, view)
        self.queues[mode.name] = view
        self.queue_tabs.addTab(view, "")

    def _retitle(self) -> None:
        names = {"incoming": self.tr("Incoming"), "approval": self.tr("Approvals"),
                 "publication": self.tr("To publish"), "archive": self.tr("Archive"),
                 "mine": self.tr("My submissions")}
        for index in range(self.queue_tabs.count()):
            view = self.queue_tabs.widget(index)
            if isinstance(view, QueueView):
                self.queue_tabs.setTabText(index, names[view.mode.name])
                view.retranslate()
        pages: dict[QWidget | None, str] = {
            self.items_page: self.tr("Items"), self.dashboard: self.tr("Dashboard"),
            self.reports: self.tr("Reports"), self.admin: self.tr("Accounts")}
        for tabs, name in ((self.pages, self.tr("Pages")), (self.queue_tabs, self.tr("Lists"))):
            tabs.setAccessibleName(name)
            tabs.tabBar().setAccessibleName(name)
        for index in range(self.pages.count()):
            self.pages.setTabText(index, pages.get(self.pages.widget(index), ""))
        for part in (self.dashboard, self.reports, self.admin):
            if part is not None:
                part.retranslate()
        self._apply_choices()

    def _on_choices(self, choices: tuple[list[tuple[str, str]],
                                         dict[str, tuple[str, str]]]) -> None:
        self._choices = choices
        self._apply_choices()

    def _apply_choices(self) -> None:
        units, names = self._choices
        categories = [(key, self.context.pick(vi, en)) for key, (vi, en) in names.items()]
        self.session.unit_names = dict(units)
        self.session.category_names = dict(categories)
        for view in self.queues.values():
            view.set_choices(units, categories)

    # --- refreshing and opening ----------------------------------------------------------------

    def refresh_queues(self) -> None:
        for view in self.queues.values():
            view.refresh()

    def refresh_all(self) -> None:
        self.refresh_queues()
        for part in (self.dashboard, self.reports, self.admin):
            if part is not None:
                part.refresh()

    def open_item(self, submission_id: int) -> None:
        if self.pages.indexOf(self.items_page) >= 0:
            self.pages.setCurrentWidget(self.items_page)
        self.item.open(submission_id)
