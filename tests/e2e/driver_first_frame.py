"""Driver script run INSIDE the app: reports what the window's first frame was made of.

At the main window's first Paint event it notes whether PySide6's ``Qt`` namespace exists yet
(building it costs ~15 ms, which the first frame does without: ui/drafts_view.py), and what the
frame shows: the real main window with the drafts list and its labelled columns. It then waits
for the store and the drafts model that replace the header-only one, and prints one JSON line
(``FIRST FRAME {...}``) before closing the window.
"""

from __future__ import annotations

import json
from typing import Any


def drive(window: Any) -> None:
    import PySide6.QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer

    report: dict[str, Any] = {}

    def at_first_paint() -> None:
        report["qt_namespace_built"] = "Qt" in vars(PySide6.QtCore)  # before anything names it
        from PySide6.QtCore import Qt

        header = window.drafts.table.model()
        report["window"] = type(window).__name__
        report["drafts_visible"] = window.drafts.isVisible()
        report["header"] = [header.headerData(column, Qt.Orientation.Horizontal)
                            for column in range(header.columnCount())]
        report["placeholder_centered"] = (
            window.placeholder.alignment() == Qt.AlignmentFlag.AlignCenter)
        QTimer.singleShot(0, when_ready)

    def when_ready() -> None:
        if window.context.store is None or window.drafts.table.model() is not window.drafts.model:
            QTimer.singleShot(50, when_ready)
            return
        from PySide6.QtCore import Qt

        header = window.drafts.table.horizontalHeader()
        report["model"] = type(window.drafts.table.model()).__name__
        report["sorted_by"] = [header.sortIndicatorSection(),
                               header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder]
        print("FIRST FRAME", json.dumps(report, ensure_ascii=False), flush=True)
        window.close()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                at_first_paint()
            return False

    window.first_frame_probe = FirstPaint(window)
    window.installEventFilter(window.first_frame_probe)
