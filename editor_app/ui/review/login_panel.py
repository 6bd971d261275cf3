"""Logging in to the portal: address, user name, password, and where the login is kept.

With a usable OS keyring the token is kept there, and the user may choose to keep the password
there too, so that an expired token is renewed without asking (a portal down for days outlives a
12-hour token). Without one, a note says the login lasts this session only, and no password can
be kept. The password itself is never stored by this form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import AuthExpiredError, UserError


class LoginPanel(QWidget):
    sig_login = Signal(str, str, str)  # url, username, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewLogin")
        self.heading = QLabel(self)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.url, self.username, self.password = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(self)
        self.button.setObjectName("review-login")
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("remember-password")
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self._persistent = True
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(3)]
        for label, edit in zip(self.labels, (self.url, self.username, self.password),
                               strict=True):
            self.form.addRow(label, edit)
        box = QWidget(self)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        for widget in (self.heading, self.explain):
            inner.addWidget(widget)
        inner.addLayout(self.form)
        inner.addWidget(self.remember)
        inner.addWidget(self.button)
        inner.addWidget(self.error)
        inner.addWidget(self.keyring_note)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box)
        layout.addStretch(2)
        self.button.clicked.connect(self._on_button_clicked)
        self.password.returnPressed.connect(self._on_button_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Portal review") + "</h2>")
        self.explain.setText(self.tr(
            "Log in with your portal account. What you see follows your role: collaborators "
            "their submissions, secretaries the incoming queue, chiefs and deputies the "
            "approvals and the dashboard."))
        for label, text in zip(self.labels, (self.tr("Portal address"), self.tr("User name"),
                                             self.tr("Password")), strict=True):
            label.setText(text)
        self.url.setAccessibleName(self.tr("Portal address"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Password"))
        self.url.setPlaceholderText("https://congthongtin.example.gov.vn")
        self.button.setText(self.tr("Log in"))
        self.remember.setText(self.tr("Remember the password in the system keyring"))
        self.remember.setToolTip(self.tr(
            "When the login expires (for instance while the portal is down), the app logs in "
            "again by itself, so waiting drafts still go out"))
        self.remember.setAccessibleName(self.remember.text().replace("&", ""))
        self.keyring_note.setText(self.tr(
            "No usable keyring on this computer: your login is kept for this session only, and "
            "you will be asked to log in again next time."))

    def set_persistent(self, persistent: bool) -> None:
        """Whether secrets outlive the session: the choice to keep the password, or the note."""
        self._persistent = persistent
        self.remember.setVisible(persistent)
        self.keyring_note.setVisible(not persistent)

    def remember_password(self) -> bool:
        return self._persistent and self.remember.isChecked()

    def _on_button_clicked(self) -> None:
        url, user = self.url.text().strip(), self.username.text().strip()
        if not url.startswith(("http://", "https://")) or not user or not self.password.text():
            self.error.setText(self.tr("Enter the portal address (https://…), your user name "
                                       "and your password."))
            return
        self.error.clear()
        self.button.setEnabled(False)
        self.sig_login.emit(url, user, self.password.text())

    def failed(self, exc: BaseException, language: str) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, AuthExpiredError):
            self.error.setText(self.tr("The portal refused this user name and password."))
        elif isinstance(exc, UserError):
            self.error.setText(exc.message(language))
        else:
            self.error.setText(str(exc))

    def done(self) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.error.clear()
