"""Run work once a widget has painted its first frame.

Start-up work that runs on worker threads (opening the store, loading the profile, importing the
review workspace) still takes the GIL for milliseconds at a time; started before the first paint
it delayed the window by ~20 ms (benchmarks/bench_startup.py). Queuing it behind the first Paint
event shows the window first and loses nothing: the work starts a frame later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

_ATTRIBUTE = "_first_paint_watcher"


class _FirstPaint(QObject):
    """Event filter on one widget: queues the callbacks just after its first Paint event."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.callbacks: list[Callable[[], object]] = []
        self.painted = False
        self._paint = QEvent.Type.Paint
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == self._paint:
            self.painted = True
            watched.removeEventFilter(self)
            callbacks, self.callbacks = self.callbacks, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)  # after this paint has completed
        return False


def after_first_paint(widget: QObject, callback: Callable[[], object]) -> None:
    """Run ``callback`` on the GUI thread once ``widget`` has painted for the first time;
    through the event loop at once when it already has."""
    watcher = getattr(widget, _ATTRIBUTE, None)
    if watcher is None:
        watcher = _FirstPaint(widget)
        setattr(widget, _ATTRIBUTE, watcher)
    if watcher.painted:
        QTimer.singleShot(0, callback)
    else:
        watcher.callbacks.append(callback)
