"""Take the submissions-panel screenshot (Vietnamese UI) from the real window and a real portal.

Run ``python docs/screenshots/take_submit.py``: it starts the local demo portal on 127.0.0.1,
logs in as its demo collaborator, sends two drafts through the submit path, has the secretary
return one with a comment, queues a third, and writes submit-outbox.png beside this file.
The ``__main__`` guard matters: attachment inspection runs in a spawned worker process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
COMMENT = "Bổ sung thời gian, địa điểm tiếp công dân"


def pump(app: Any, rounds: int = 20) -> None:
    """Let queued signals, timers and deferred deletions run, as the event loop would."""
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents(None, 52)  # QEvent.DeferredDelete
        time.sleep(0.02)


def send(app: Any, window: Any, article: Any) -> None:
    window.editor_controller.open(article.id)
    pump(app)
    window.submit.controller.submit_current()
    pump(app)
    dialog = window.submit.account.dialog
    if dialog is not None:
        dialog.panel.button.click()
    pump(app, 40)


def return_with_comment(portal: Any, uid: str) -> None:
    from editor_app.core import wire
    from editor_app.sync.client import ReviewQueueClient
    from editor_app.sync.http import ConnectionOptions

    account = portal.account("secretary")
    secretary = ReviewQueueClient(ConnectionOptions(portal.url))
    secretary.set_token(secretary.login(account.username, account.password).token)
    remote = next(s for s in secretary.list_submissions() if s.client_uid == uid)
    secretary.transition(remote.id, wire.TransitionRequest(action=wire.Action.CLAIM))
    secretary.transition(remote.id, wire.TransitionRequest(action=wire.Action.RETURN,
                                                           comment=COMMENT))


def main() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(HERE.parent.parent / "tests" / "submit_ui"))
    from PySide6.QtWidgets import QApplication
    from submit_helpers import jpeg_bytes, make_draft

    from editor_app.core.paths import resolve_paths
    from editor_app.store import open_store
    from editor_app.sync.demo_portal import start_demo_portal
    from editor_app.ui.app import build_context
    from editor_app.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    portal = start_demo_portal(resolve_paths(tmp / "portal"))
    app = QApplication([])
    paths = resolve_paths(tmp / "home").ensure()
    context = build_context(app, paths, argparse.Namespace(lang="vi", no_error_dialogs=True),
                            inline=True)
    store = open_store(paths)
    context.set_store(store)
    context.load_profile()
    context.set_demo_portal(portal)
    window = MainWindow(context)
    window.resize(1280, 860)
    window.show()
    first = make_draft(store, tmp / "f1", title="Thông báo lịch tiếp công dân tháng 12/2025",
                       files={"lich-tiep-dan.jpg": jpeg_bytes(5)})
    send(app, window, first)
    second = make_draft(store, tmp / "f2", files={"anh-hoi-nghi.jpg": jpeg_bytes(6)})
    send(app, window, second)
    return_with_comment(portal, first.uid)
    window.submit.controller.sync_now(user=True)
    third = make_draft(store, tmp / "f3", title="Khai mạc Hội chợ thương mại tỉnh năm 2025")
    window.submit.controller.outbox.submit(store.drafts.get(third.id or 0), [])  # waiting
    window.submit.controller.refresh()
    window.editor_controller.open(second.id)
    pump(app, 40)
    window.grab().save(str(HERE / "submit-outbox.png"))
    portal.stop()


if __name__ == "__main__":
    main()
