"""Submit-path GUI fixtures: the real app context and main window on a temporary home, the real
review-queue service on 127.0.0.1 (tests/portal_fixtures.py, as in tests/sync).

No OS keyring can run here, so the sync layer's credential store really takes its "no usable
backend" path: the token is kept for the session only (and the login dialog says so).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from portal_fixtures import portal, secretary
from PySide6.QtWidgets import QApplication

from editor_app.core.paths import resolve_paths
from editor_app.store import Store, open_store
from editor_app.ui.app import build_context
from editor_app.ui.context import AppContext

__all__ = ["portal", "secretary"]

# The offscreen platform plugin's remark about window hints is noise of the test platform.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def store(app_home: Path) -> Iterator[Store]:
    opened = open_store(resolve_paths(app_home).ensure())
    yield opened
    opened.close()


def _context(qapp: QApplication, app_home: Path, store: Store, inline: bool) -> AppContext:
    paths = resolve_paths(app_home).ensure()
    context = build_context(qapp, paths, argparse.Namespace(lang="vi", no_error_dialogs=True),
                            inline=inline)
    context.set_store(store)
    context.load_profile()
    return context


@pytest.fixture
def ui_context(qapp: QApplication, app_home: Path, store: Store) -> Iterator[AppContext]:
    """Inline runner: background work runs at once, so each step is deterministic."""
    context = _context(qapp, app_home, store, inline=True)
    yield context
    context.runner.shutdown()
    context.languages.set_language("en")


@pytest.fixture
def threaded_context(qapp: QApplication, app_home: Path,
                     store: Store) -> Iterator[AppContext]:
    """The app's real runner: DB writer thread and network pool, results by queued signals."""
    context = _context(qapp, app_home, store, inline=False)
    yield context
    context.runner.shutdown(wait=True)
    context.languages.set_language("en")


def _window(context: AppContext, qtbot):
    from editor_app.ui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1280, 860)
    main.show()
    qtbot.waitUntil(lambda: getattr(main, "submit", None) is not None, timeout=15000)
    return main


@pytest.fixture
def window(ui_context: AppContext, qtbot):
    return _window(ui_context, qtbot)


@pytest.fixture
def threaded_window(threaded_context: AppContext, qtbot):
    return _window(threaded_context, qtbot)
