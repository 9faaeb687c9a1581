"""Log-in with username and password (the PIN only unlocks a locked window: ui/pages/lock.py).

Signals: ``logged_in(Actor)``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.services.actor import Actor
from kiosk.services.auth import login
from ui.env import UiEnv
from ui.forms import add_field, error_label, message_of, narrow_layout, password_edit, show_error
from ui.i18n import translate


class LoginPage(QWidget):
    """Each officer logs in with their own account: history shows who did what."""

    logged_in = Signal(object)

    def __init__(self, env: UiEnv, site_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.setObjectName("login_page")
        self.title = QLabel(site_name or translate("login", "Puskesos Kiosk"))
        self.title.setProperty("role", "title")
        form = QFormLayout()
        self.username = add_field(
            form, translate("login", "&Nama pengguna"), QLineEdit(), "username"
        )
        self.secret = add_field(form, translate("login", "Kata &sandi"), password_edit(), "secret")
        self.error = error_label(self)
        self.button = QPushButton(translate("login", "&Masuk"))
        self.button.setProperty("primary", True)
        self.button.setDefault(True)
        self.button.clicked.connect(self.on_submit)
        self.username.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self.on_submit)
        layout = narrow_layout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        if env.demo:
            hint = QLabel(
                translate(
                    "login",
                    "Mode demo: pengguna admin, depan, belakang, koordinator, supervisor; "
                    "sandi puskesos123 (PIN 1234 hanya membuka layar yang terkunci, "
                    "kecuali admin).",
                )
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addStretch()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.secret if self.username.text() else self.username).setFocus()

    def reset(self) -> None:
        self.secret.clear()
        show_error(self.error, "")

    def on_submit(self) -> None:
        if not self.username.text().strip():
            show_error(self.error, translate("login", "Isi nama pengguna."))
            self.username.setFocus()
            return
        self.button.setEnabled(False)
        self.env.op(self, login, self.username.text(), self.secret.text(), self.env.clock).success(
            self._ok
        ).failure(self._failed).run()

    def _ok(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        self.reset()
        self.logged_in.emit(actor)

    def _failed(self, exc: Exception) -> None:
        self.button.setEnabled(True)
        self.secret.clear()
        self.secret.setFocus()
        show_error(self.error, message_of(exc))
