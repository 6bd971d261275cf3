"""Drive the real app from outside: the hook the end-to-end tests (and IT scripts) use.

When ``EDITOR_APP_DRIVER`` names a Python file, the app, once its main window is shown, runs that
file's ``drive(window)`` on the GUI thread. The script acts like a user (QTest key clicks, timers)
and prints progress markers on stdout. Without the variable nothing here runs: normal runs have no
test-only code path. Example (tests/e2e/driver_type_and_attach.py is a complete one)::

    def drive(window):
        window.main_actions.actions["new"].trigger()
        print("E2E started", flush=True)
"""

from __future__ import annotations

import logging
import runpy
from typing import Any

log = logging.getLogger("editor_app.ui.driver")


def run_driver(script: str, window: Any) -> None:
    """Run ``drive(window)`` from ``script``; a broken script is logged, never fatal."""
    try:
        namespace = runpy.run_path(script)
        namespace["drive"](window)
    except Exception:
        log.exception("driver script %s failed", script)
        raise


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` into ``widget`` as key events, one character at a time.

    QTest.keyClicks only knows ASCII (it asserts on "ế"); a key event carrying the character as
    its text is what an input method delivers for Vietnamese, and goes through the same
    keyPressEvent, undo stack and edit signals as real typing.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
