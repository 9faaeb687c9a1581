"""The lock screen: names hidden, the same officer unlocks with password or PIN.

Signals: ``unlocked(Actor)``, ``switch_user()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.services.actor import Actor
from kiosk.services.auth import unlock_screen
from ui.env import UiEnv
from ui.forms import add_field, error_label, message_of, narrow_layout, password_edit, show_error
from ui.i18n import translate


class LockPage(QWidget):
    """Shown after idle time or Ctrl+L; nothing of the citizen's data stays on screen."""

    unlocked = Signal(object)
    switch_user = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        self.setObjectName("lock_page")
        self.title = QLabel(translate("lock", "Layar terkunci"))
        self.title.setProperty("role", "title")
        form = QFormLayout()
        self.secret = add_field(
            form, translate("lock", "Kata &sandi atau PIN"), password_edit(), "unlock_secret"
        )
        self.secret.returnPressed.connect(self.on_unlock)
        self.error = error_label(self)
        unlock = QPushButton(translate("lock", "&Buka kunci"))
        unlock.setProperty("primary", True)
        unlock.clicked.connect(self.on_unlock)
        other = QPushButton(translate("lock", "&Ganti petugas"))
        other.clicked.connect(self.switch_user.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(unlock)
        buttons.addWidget(other)
        layout = narrow_layout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch()

    def lock_for(self, actor: Actor) -> None:
        self.actor = actor
        self.title.setText(translate("lock", "Layar terkunci - {0}").format(actor.full_name))
        self.secret.clear()
        show_error(self.error, "")
        self.secret.setFocus()

    def on_unlock(self) -> None:
        if self.actor is None:
            return
        self.env.op(self, unlock_screen, self.actor, self.secret.text(), self.env.clock).success(
            self.unlocked.emit
        ).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.secret.clear()
        show_error(self.error, message_of(exc))
        self.secret.setFocus()
