"""GUI test fixtures: the real app context on a temporary home, with the inline runner.

The inline runner executes store calls synchronously, so the widgets under test talk to a real
SQLite store and blob folder without threads; timers (autosave, search debounce) still run for
real and are waited for with qtbot.waitUntil.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor_app.core.paths import resolve_paths
from editor_app.ui.app import build_context
from editor_app.ui.context import AppContext

# The offscreen platform plugin warns about a window-manager hint it cannot honour; that is noise
# of the test platform, not of the app, so only that one message is ignored.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def ui_context(qapp: QApplication, app_home: Path) -> Iterator[AppContext]:
    from editor_app.store import open_store

    paths = resolve_paths(app_home).ensure()
    args = argparse.Namespace(lang="vi", no_error_dialogs=True)
    context = build_context(qapp, paths, args, inline=True)
    store = open_store(paths)
    context.set_store(store)
    context.load_profile()
    yield context
    context.runner.shutdown()
    store.close()
    context.languages.set_language("en")


@pytest.fixture
def window(ui_context: AppContext, qtbot):  # type: ignore[no-untyped-def]
    from editor_app.ui.main_window import MainWindow

    main = MainWindow(ui_context)
    qtbot.addWidget(main)
    main.show()
    return main
