"""When to save: ~1 s after the last change, and at least every MAX_INTERVAL during typing.

A pure debounce would never save while someone types without pausing, and a kill would then lose
everything since the last pause; the cap bounds what can be lost. The cap is well under 2 s so
that "typed more than 2 s before a SIGKILL" is on disk, the write itself included, even on a busy
machine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

MAX_INTERVAL_MS = 1250


class Autosaver(QObject):
    """Call :meth:`changed` on every edit; ``save`` is called on the GUI thread when due."""

    def __init__(self, save: Callable[[], None], *, debounce_s: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._cap = QTimer(self)
        self._cap.setSingleShot(True)
        self._cap.setInterval(MAX_INTERVAL_MS)
        self.set_debounce(debounce_s)
        self._debounce.timeout.connect(self.flush)
        self._cap.timeout.connect(self.flush)

    def set_debounce(self, seconds: float) -> None:
        """From settings.autosave_seconds, clamped so the cap still bounds the loss."""
        self._debounce.setInterval(int(min(max(seconds, 0.2), MAX_INTERVAL_MS / 1000) * 1000))

    @property
    def pending(self) -> bool:
        return self._cap.isActive()

    def changed(self) -> None:
        self._debounce.start()
        if not self._cap.isActive():
            self._cap.start()

    def flush(self) -> None:
        """Save now if anything changed since the last save."""
        if not self._cap.isActive() and not self._debounce.isActive():
            return
        self._debounce.stop()
        self._cap.stop()
        self._save()

    def cancel(self) -> None:
        self._debounce.stop()
        self._cap.stop()
