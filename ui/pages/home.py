"""Home page: who is logged in, which Puskesos, and where to go next."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.services.actor import Actor
from kiosk.services.setup import SiteView
from ui import words
from ui.i18n import translate


class HomePage(QWidget):
    """A quiet start page; the navigation on the left is the officer's real menu."""

    def __init__(self, actor: Actor, site: SiteView | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("home_page")
        roles = words.roles(actor.roles, dict(site.role_names) if site else None)
        title = QLabel(translate("home", "Selamat bekerja, {0}").format(actor.full_name))
        title.setProperty("role", "title")
        where = QLabel(f"{site.name} - {site.district_name}, {site.regency_name}" if site else "")
        who = QLabel(translate("home", "Peran: {0}").format(roles))
        keys = QLabel(
            translate(
                "home",
                "Pintasan: Ctrl+1..9 pindah halaman, Ctrl+L kunci layar, Ctrl+Q keluar akun.",
            )
        )
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (title, where, who, keys):
            layout.addWidget(w)
        layout.addStretch()
