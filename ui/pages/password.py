"""Forced password change after an administrator reset or a new account.

Signals: ``changed(Actor)``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from kiosk.services.actor import Actor
from kiosk.services.auth import change_password
from ui.env import UiEnv
from ui.forms import add_field, error_label, message_of, narrow_layout, password_edit, show_error
from ui.i18n import translate


class ChangePasswordPage(QWidget):
    """A temporary password given by someone else must not stay the officer's password."""

    changed = Signal(object)

    def __init__(self, env: UiEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        self.setObjectName("password_page")
        title = QLabel(translate("password", "Ganti kata sandi sementara Anda"))
        title.setProperty("role", "title")
        form = QFormLayout()
        self.old = add_field(
            form, translate("password", "Sandi &lama"), password_edit(), "old_password"
        )
        self.new = add_field(
            form, translate("password", "Sandi &baru (min. 8)"), password_edit(), "new_password"
        )
        self.repeat = add_field(
            form, translate("password", "&Ulangi sandi baru"), password_edit(), "repeat_password"
        )
        self.repeat.returnPressed.connect(self.on_save)
        self.error = error_label(self)
        save = QPushButton(translate("password", "&Simpan"))
        save.setProperty("primary", True)
        save.clicked.connect(self.on_save)
        layout = narrow_layout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save)
        layout.addStretch()

    def start(self, actor: Actor) -> None:
        self.actor = actor
        for e in (self.old, self.new, self.repeat):
            e.clear()
        self.old.setFocus()

    def on_save(self) -> None:
        if self.new.text() != self.repeat.text():
            show_error(self.error, translate("password", "Sandi baru dan ulangannya tidak sama."))
            return
        actor = self.actor
        assert actor is not None
        self.env.op(self, change_password, actor, self.old.text(), self.new.text()).success(
            lambda _r: self.changed.emit(replace(actor, must_change_password=False))
        ).failure(lambda e: show_error(self.error, message_of(e))).run()
