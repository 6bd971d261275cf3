"""In-app notifications: a button with a badge of unread ones and the list they open.

The portal derives them from the audit trail (an item returned, forwarded, taken over,
approved, a deadline near); the app polls every minute while logged in and remembers which it
has shown, so the badge counts only new ones.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from editor_app.core.review_wire import Notification
from editor_app.ui.review.labels import day_text, notification_label
from editor_app.ui.review.session import PortalSession

POLL_MS = 60_000
ID_ROLE = 256


class NotificationCenter(QObject):
    sig_open = Signal(int)
    sig_updated = Signal(int)  # unread count

    def __init__(self, session: PortalSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.notes: list[Notification] = []
        self.seen: set[str] = set()
        self.button = QToolButton(parent)
        self.button.setObjectName("reviewNotifications")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list = QListWidget()
        self.list.setMinimumSize(460, 260)
        self.list.setWordWrap(True)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.list)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_menu_shown)
        self.button.setMenu(menu)
        self.list.itemActivated.connect(self._on_list_activated)
        self.list.itemClicked.connect(self._on_list_activated)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh)
        session.sig_logged_in.connect(self._on_session_logged_in)
        session.sig_logged_out.connect(self._on_session_logged_out)
        self.retranslate()

    def retranslate(self) -> None:
        unread = self.unread()
        self.button.setText(self.tr("Notifications (%1)").replace("%1", str(unread)) if unread
                            else self.tr("Notifications"))
        self.button.setAccessibleName(self.tr("Notifications"))
        self.list.setAccessibleName(self.tr("Notifications"))
        self._fill()

    def unread(self) -> int:
        return sum(1 for n in self.notes if n.id not in self.seen)

    def refresh(self) -> None:
        if self.session.client is not None:
            self.session.call("notifications", on_done=self._on_loaded,
                              on_error=lambda _exc: None)  # polling quietly; next round retries

    def _on_loaded(self, notes: list[Notification]) -> None:
        self.notes = notes
        self.retranslate()
        self.sig_updated.emit(self.unread())

    def _fill(self) -> None:
        self.list.clear()
        if not self.notes:
            self.list.addItem(self.tr("Nothing needs you right now."))
        for note in self.notes:
            when = note.at.astimezone().strftime("%d/%m %H:%M")
            extra = f" — {note.comment}" if note.comment else ""
            if note.kind == "deadline":
                extra = " — " + self.tr("deadline %1").replace("%1", day_text(note.deadline))
            by = f" ({note.actor})" if note.actor else ""
            row = QListWidgetItem(f"{when} · {notification_label(note.kind)}{by}: "
                                  f"{note.title}{extra}")
            row.setData(ID_ROLE, note.submission_id)
            if note.id not in self.seen:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            self.list.addItem(row)

    def _on_menu_shown(self) -> None:
        self._fill()
        self.seen |= {n.id for n in self.notes}
        self.button.setText(self.tr("Notifications"))
        self.sig_updated.emit(0)

    def _on_list_activated(self, row: QListWidgetItem) -> None:
        ident = row.data(ID_ROLE)
        if ident is not None:
            self.sig_open.emit(int(ident))
            menu = self.button.menu()
            if menu is not None:
                menu.hide()

    def _on_session_logged_in(self) -> None:
        self.notes, self.seen = [], set()
        self.refresh()
        self.timer.start()

    def _on_session_logged_out(self) -> None:
        self.timer.stop()
        self.notes = []
        self.retranslate()
