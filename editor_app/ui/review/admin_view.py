"""The administrator's read-only view: the portal's accounts, units and enforced profile.

Accounts are managed centrally on the service (``review-queue user …``, docs/admin.md); the app
shows them so IT staff can check roles and delegations without a shell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.review.labels import role_label
from editor_app.ui.review.session import PortalSession


def load_accounts(client: Any) -> tuple[list[Any], list[dict[str, str]], str]:
    profile = client.profile()
    return client.users(), client.units(), str(profile.get("id", ""))


class AdminView(QWidget):
    def __init__(self, session: PortalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewAdmin")
        self.session = session
        self.summary = QLabel(self)
        self.users = QTableWidget(0, 5, self)
        self.users.verticalHeader().hide()
        self.users.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.users.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.users, 1)
        layout.addWidget(self.refresh_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.users.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role"),
                                              self.tr("Unit"), self.tr("Disabled"),
                                              self.tr("Delegated categories")])
        self.refresh_button.setText(self.tr("Refresh"))
        self.users.setAccessibleName(self.tr("Accounts"))

    def refresh(self) -> None:
        if self.session.client is not None:
            self.session.context.runner.task(load_accounts, self.session.client,
                                             on_done=self._show)

    def _show(self, loaded: tuple[list[Any], list[dict[str, str]], str]) -> None:
        users, units, profile_id = loaded
        self.summary.setText(self.tr("Profile: %1 · %2 units · %3 accounts")
                             .replace("%1", profile_id).replace("%2", str(len(units)))
                             .replace("%3", str(len(users))))
        self.users.setRowCount(len(users))
        for row, user in enumerate(users):
            cells = (user.username, role_label(user.role), user.unit,
                     self.tr("yes") if user.disabled else "", ", ".join(user.categories))
            for column, text in enumerate(cells):
                self.users.setItem(row, column, QTableWidgetItem(text))
