"""Driver script run INSIDE the restarted app: opens the newest draft through the UI and prints
what the editor shows as one JSON line (``E2E dump {...}``), then quits."""

from __future__ import annotations

import json
from typing import Any


def drive(window: Any) -> None:
    from PySide6.QtCore import QTimer

    def when_ready() -> None:
        rows = window.drafts.model.rows
        if window.context.store is None or not rows:
            QTimer.singleShot(100, when_ready)
            return
        window.editor_controller.open(rows[0].id)
        QTimer.singleShot(100, lambda: when_open(rows[0].id))

    def when_open(article_id: int) -> None:
        if window.editor_controller.article_id != article_id:
            QTimer.singleShot(100, lambda: when_open(article_id))
            return
        editor = window.editor
        dump = {"title": editor.fields.title.text(), "body": editor.body.toPlainText(),
                "attachments": [r.filename for r in editor.attachments.attachments()],
                "drafts": len(window.drafts.model.rows)}
        print("E2E dump", json.dumps(dump, ensure_ascii=False), flush=True)
        window.close()

    when_ready()
