"""Puts the submit path into the main window without the window knowing its parts.

The action goes into the File menu and the toolbar, the submissions panel into a dock at the
bottom (its toggle into the View menu), and the portal-state banner above the editor's fields
once the editor exists (it is built lazily, on the first opened draft).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QVBoxLayout

from editor_app.sync.credentials import CredentialStore
from editor_app.ui.context import AppContext
from editor_app.ui.role_view import follow_role
from editor_app.ui.submit.account import PortalAccount
from editor_app.ui.submit.banner import DraftStateBanner
from editor_app.ui.submit.controller import SubmitController
from editor_app.ui.submit.outbox_panel import OutboxPanel

SHORTCUTS = ("Ctrl+Return", "Ctrl+Enter")


class SubmitUi(QObject):
    """The installed parts: ``action``, ``dock``, ``panel``, ``account``, ``controller``."""

    def __init__(self, window: Any, context: AppContext,
                 credentials: CredentialStore | None = None) -> None:
        super().__init__(window)
        self.window, self.context = window, context
        self.panel = OutboxPanel(context.language)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("submissionsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.account = PortalAccount(context, credentials, self)
        self.controller = SubmitController(window, context, self.panel, self.account)
        self.action = QAction(window)
        self.action.setObjectName("submitAction")
        self.action.setShortcuts([QKeySequence(key) for key in SHORTCUTS])
        self.action.triggered.connect(self.controller.submit_current)
        self._add_to_window()
        self.banner: DraftStateBanner | None = None
        window.stack.currentChanged.connect(lambda _i: self._attach_banner())
        self._attach_banner()
        context.languages.sig_language_changed.connect(lambda _l: self.retranslate())
        self.account.connection.sig_profile_changed.connect(self._show_profile)
        context.sig_profile_ready.connect(self._show_profile)
        self.retranslate()
        self.controller._on_account_changed()
        follow_role(window, context)

    def _add_to_window(self) -> None:
        window, actions = self.window, self.window.main_actions
        window.addAction(self.action)
        file_menu = actions.menus["file"]
        before = actions.actions["import"]
        file_menu.insertAction(before, self.action)
        file_menu.insertSeparator(before)
        window.toolbar.insertAction(actions.actions["settings"], self.action)
        actions.menus["view"].addAction(self.dock.toggleViewAction())

    def _attach_banner(self) -> None:
        """Once the editor exists: the banner goes above its fields, and follows its draft."""
        window = self.window
        if self.banner is not None or window.stack.count() < 2:
            return
        controller = window.editor_controller
        banner = DraftStateBanner(self.context.language, controller.editor)
        layout = controller.editor.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, banner)
        controller.sig_opened.connect(lambda _a: self.controller.update_banner())
        self.banner = banner
        self.controller.attach_banner(banner)

    def retranslate(self) -> None:
        language = self.context.language
        self.panel.language = language
        self.panel.retranslate()
        self.controller.update_banner()
        self.action.setText(self.tr("Send to the &portal"))
        keys = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = self.tr("Send to the portal")
        self.action.setToolTip(f"{plain} ({keys})")
        self.action.setStatusTip(self.tr("Check the draft and send it to the portal's review "
                                         "queue"))
        self.dock.setWindowTitle(self.tr("Submissions"))
        self.panel.set_account(self.account.describe(), self.account.logged_in)
        self._show_profile()

    def _show_profile(self) -> None:
        self.panel.set_profile(self.account.describe_profile())
