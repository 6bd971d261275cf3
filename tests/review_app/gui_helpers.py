"""Driving the review workspace like a user: log in, click a row, fill a dialog and press OK."""

from __future__ import annotations

import argparse
from pathlib import Path

from portal_fixtures import MemoryKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from editor_app.core.paths import resolve_paths
from editor_app.sync.credentials import CredentialStore
from editor_app.ui.app import build_context
from editor_app.ui.context import AppContext
from editor_app.ui.review.queue_view import QueueView
from editor_app.ui.review.workspace import ReviewWorkspace

PASSWORD = "board tests password"


def make_context(qapp: QApplication, home: Path, language: str = "en") -> AppContext:
    paths = resolve_paths(home).ensure()
    args = argparse.Namespace(lang=language, no_error_dialogs=True)
    return build_context(qapp, paths, args, inline=True)


def open_workspace(qtbot, context: AppContext, url: str, user: str,  # type: ignore[no-untyped-def]
                   keyring_backend: MemoryKeyring | None = None) -> ReviewWorkspace:
    """A shown workspace, logged in as ``user`` by typing and clicking."""
    workspace = ReviewWorkspace(context, CredentialStore(keyring_backend or MemoryKeyring()))
    qtbot.addWidget(workspace)
    workspace.resize(1400, 860)
    workspace.show()
    login = workspace.login
    login.url.setText(url)
    login.username.setText(user)
    login.password.setText(PASSWORD)
    qtbot.mouseClick(login.button, Qt.MouseButton.LeftButton)
    assert workspace.stack.currentIndex() == 1, login.error.text()
    return workspace


def click_item(qtbot, view: QueueView, submission_id: int) -> None:  # type: ignore[no-untyped-def]
    view.refresh()
    row = view.row_of(submission_id)
    assert row >= 0, f"item {submission_id} is not listed in {view.mode.name}"
    index = view.proxy.index(row, 1)
    view.table.scrollTo(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.table.visualRect(index).center())


def click(qtbot, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
