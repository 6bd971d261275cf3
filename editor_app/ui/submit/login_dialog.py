"""Logging in to send drafts: the review workspace's login form, in a dialog, with two notes.

The form itself (address, user name, password, inline error) is the review workspace's
:class:`~editor_app.ui.review.login_panel.LoginPanel`, reused rather than written twice; this
dialog only words it for the collaborator and says plainly when the address is the local demo
portal (and fills in its demo collaborator); the form's own note warns when no keyring can keep
the login, and its check box offers to keep the password where one can.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from editor_app.ui.review.login_panel import LoginPanel


class SubmitLoginPanel(LoginPanel):
    """The shared form with the collaborator's heading and explanation."""

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText("<h2>" + self.tr("Log in to send drafts") + "</h2>")
        self.explain.setText(self.tr(
            "Drafts you send go to the portal's review queue. Your login is kept in the "
            "system keyring; the password only if you tick the box below."))
        self.setObjectName("submitLogin")


class LoginDialog(QDialog):
    """``sig_login(url, username, password)``; the caller reports back with done()/failed()."""

    sig_login = Signal(str, str, str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submitLoginDialog")
        self._language = language
        self._demo_url = ""
        self.panel = SubmitLoginPanel(self)
        self.demo_note = QLabel(self)
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet("background:#fff4ce; padding:6px; border-radius:4px")
        self.keyring_note = self.panel.keyring_note
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.panel, 1)
        self.panel.sig_login.connect(self.sig_login)
        self.resize(560, 420)
        self.retranslate()

    def prefill(self, url: str, username: str, demo_url: str = "",
                demo_user: tuple[str, str] | None = None) -> None:
        """Settings first; the demo portal (and its collaborator) when no portal is set."""
        self._demo_url = demo_url
        self.panel.url.setText(url or demo_url)
        if not url and demo_user is not None:
            self.panel.username.setText(demo_user[0])
            self.panel.password.setText(demo_user[1])
        else:
            self.panel.username.setText(username)
        self.retranslate()

    def set_persistent(self, persistent: bool) -> None:
        self.panel.set_persistent(persistent)

    def remember_password(self) -> bool:
        return self.panel.remember_password()

    @property
    def is_demo(self) -> bool:
        return bool(self._demo_url) and self.panel.url.text().strip() == self._demo_url

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Portal account"))
        self.panel.retranslate()
        self.demo_note.setVisible(self.is_demo)
        self.demo_note.setText(self.tr(
            "This is the local demo portal running on this computer (%1), with its demo "
            "collaborator account filled in. Nothing you send leaves this computer. To use your "
            "province's portal, enter its address in Settings.").replace("%1", self._demo_url))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def failed(self, exc: BaseException) -> None:
        self.panel.failed(exc, self._language)

    def done_ok(self) -> None:
        self.panel.done()
        self.accept()
