"""The log-in form painted before the kiosk has loaded (ui/launch.py).

Built from Qt and the shared form helpers only, so it shows in the time a bare window takes.
It looks like the real log-in page; what the officer types is handed over to it, and an Enter
pressed meanwhile logs in as soon as the real page is there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.forms import add_field, narrow_layout, password_edit
from ui.i18n import translate


class EarlyLogin(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("early_login")
        self.setWindowTitle(translate("early_login", "Puskesos Kiosk"))
        self.submitted = False
        title = QLabel(translate("early_login", "Puskesos Kiosk"))
        title.setProperty("role", "title")
        form = QFormLayout()
        self.username = add_field(
            form, translate("early_login", "&Nama pengguna"), QLineEdit(), "username"
        )
        self.secret = add_field(
            form, translate("early_login", "Kata &sandi"), password_edit(), "secret"
        )
        self.button = QPushButton(translate("early_login", "Memuat…"))
        self.button.setProperty("primary", True)
        self.button.setEnabled(False)
        self.username.returnPressed.connect(self.secret.setFocus)
        self.secret.returnPressed.connect(self._submit)
        layout = narrow_layout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addStretch()
        self.username.setFocus()

    def _submit(self) -> None:
        self.submitted = True

    def hand_over(self, window: Any) -> None:
        """Put the real window in this one's place with what was typed, then close."""
        page = window.login_page
        page.username.setText(self.username.text())
        page.secret.setText(self.secret.text())
        window.setGeometry(self.geometry())
        window.show()
        window.activateWindow()
        self.close()
        # Enter was pressed before the kiosk loaded: log in now, if the log-in page is the one
        # showing (a new database opens on the set-up page instead).
        if self.submitted and self.secret.text() and window.stack.currentWidget() is page:
            page.on_submit()
