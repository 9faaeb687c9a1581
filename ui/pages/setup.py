"""First-run set-up: the Puskesos identity and the first administrator.

Signals: ``completed(Actor)`` once the site and administrator exist.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.services.actor import Actor
from kiosk.services.setup import SiteInput, initialise
from ui.env import UiEnv
from ui.forms import add_field, error_label, message_of, narrow_layout, password_edit, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate

ZONES = [
    (QT_TRANSLATE_NOOP("setup", "WIB (Asia/Jakarta)"), "Asia/Jakarta"),
    (QT_TRANSLATE_NOOP("setup", "WITA (Asia/Makassar)"), "Asia/Makassar"),
    (QT_TRANSLATE_NOOP("setup", "WIT (Asia/Jayapura)"), "Asia/Jayapura"),
]


class SetupPage(QWidget):
    """Asks once for what every receipt and letter will carry."""

    completed = Signal(object)

    def __init__(self, env: UiEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.setObjectName("setup_page")
        title = QLabel(translate("setup", "Selamat datang. Atur Puskesos ini terlebih dahulu."))
        title.setProperty("role", "title")
        form = QFormLayout()
        self.village_code = add_field(
            form, translate("setup", "&Kode desa (Kemendagri)"), QLineEdit(), "village_code"
        )
        self.village_code.setPlaceholderText("33.24.01.2001")
        self.village_name = add_field(
            form, translate("setup", "&Nama desa/kelurahan"), QLineEdit(), "village_name"
        )
        self.zone = add_field(form, translate("setup", "&Zona waktu"), QComboBox(), "timezone")
        for label, value in ZONES:
            self.zone.addItem(translate("setup", label), value)
        self.address = add_field(form, translate("setup", "&Alamat kantor"), QLineEdit(), "address")
        self.head = add_field(
            form, translate("setup", "Nama &Kepala Desa/Lurah"), QLineEdit(), "head_name"
        )
        self.username = add_field(
            form, translate("setup", "Nama &pengguna administrator"), QLineEdit(), "admin_username"
        )
        self.full_name = add_field(
            form, translate("setup", "Nama &lengkap administrator"), QLineEdit(), "admin_name"
        )
        self.password = add_field(
            form, translate("setup", "Kata &sandi (min. 8)"), password_edit(), "password"
        )
        self.repeat = add_field(
            form, translate("setup", "&Ulangi kata sandi"), password_edit(), "password_repeat"
        )
        self.error = error_label(self)
        self.save = QPushButton(translate("setup", "Simpan dan mulai (Enter)"))
        self.save.setProperty("primary", True)
        self.save.setDefault(True)
        self.save.clicked.connect(self.on_save)
        for edit in (
            self.village_code,
            self.village_name,
            self.address,
            self.head,
            self.username,
            self.full_name,
            self.password,
            self.repeat,
        ):
            edit.returnPressed.connect(self.on_save)
        layout = narrow_layout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        layout.addStretch()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.village_code.setFocus()

    def on_save(self) -> None:
        if self.password.text() != self.repeat.text():
            show_error(self.error, translate("setup", "Kedua kata sandi tidak sama. Ketik ulang."))
            self.repeat.setFocus()
            return
        site = SiteInput(
            village_code=self.village_code.text(),
            village_name=self.village_name.text(),
            timezone=self.zone.currentData(),
            address=self.address.text(),
            head_name=self.head.text(),
        )
        self.save.setEnabled(False)
        self.env.op(
            self,
            initialise,
            site,
            self.username.text(),
            self.full_name.text(),
            self.password.text(),
        ).success(self._done).failure(self._failed).run()

    def _done(self, actor: Actor) -> None:
        self.save.setEnabled(True)
        show_error(self.error, "")
        self.completed.emit(actor)

    def _failed(self, exc: Exception) -> None:
        self.save.setEnabled(True)
        show_error(self.error, message_of(exc))
        field = getattr(exc, "field", None) if isinstance(exc, KioskError) else None
        target = {
            "village_code": self.village_code,
            "village_name": self.village_name,
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
        }.get(field or "")
        if target is not None:
            target.setFocus()
