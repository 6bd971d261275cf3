"""Driver script run INSIDE the real app (EDITOR_APP_DRIVER, see editor_app/ui/driver.py).

Acts like a user: Ctrl+N, types a title, attaches the file named by E2E_ATTACH, then types body
words without pause until the process is killed. After each step it prints a timestamped marker
on stdout, which the test uses to know what was on screen when:

    E2E title <unix time>
    E2E attached <unix time> <file name>
    E2E typed <unix time> <number of body words typed so far>
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

TITLE = "Quyết định phê duyệt Đề án chuyển đổi số tỉnh"
WORD_INTERVAL_MS = 80


def word(index: int) -> str:
    return f"chữ{index}"


def _mark(*parts: object) -> None:
    print("E2E", *parts, flush=True)


def drive(window: Any) -> None:
    from PySide6.QtCore import QTimer

    from editor_app.ui.driver import type_text

    state = {"words": 0}

    def start() -> None:
        if window.context.store is None:
            QTimer.singleShot(100, start)
            return
        window.main_actions.actions["new"].trigger()
        QTimer.singleShot(100, wait_for_draft)

    def wait_for_draft() -> None:
        if window.editor_controller.article_id is None:
            QTimer.singleShot(100, wait_for_draft)
            return
        window.editor.fields.title.setFocus()
        type_text(window.editor.fields.title, TITLE)
        _mark("title", f"{time.time():.3f}")
        window.editor_controller.add_files([Path(os.environ["E2E_ATTACH"])])
        QTimer.singleShot(50, wait_for_attachment)

    def wait_for_attachment() -> None:
        refs = window.editor.attachments.attachments()
        if not refs:
            QTimer.singleShot(50, wait_for_attachment)
            return
        _mark("attached", f"{time.time():.3f}", refs[0].filename)
        window.editor.body.setFocus()
        type_next()

    def type_next() -> None:
        type_text(window.editor.body, word(state["words"]) + " ")
        state["words"] += 1
        _mark("typed", f"{time.time():.3f}", state["words"])
        QTimer.singleShot(WORD_INTERVAL_MS, type_next)

    start()
