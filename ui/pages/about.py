"""Tentang: the version, what the program is built from, and the licences that come with it
(Qt for Python under the LGPL-3.0, the DejaVu fonts, every Python component)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from ui import licences
from ui.i18n import translate


class AboutPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about_page")
        title = QLabel(translate("about", "Tentang Puskesos Kiosk"))
        title.setProperty("role", "title")
        facts = QLabel(
            translate(
                "about",
                "Versi {0}. Qt {1} melalui Qt for Python (PySide6 {2}) di bawah lisensi "
                "LGPL-3.0; Python {3}. Teks lisensi ada di bawah dan ikut terpasang "
                "bersama program.",
            ).format(__version__, qVersion(), PySide6.__version__, platform.python_version())
        )
        facts.setObjectName("about_version")
        facts.setWordWrap(True)
        rows = licences.components()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("about_components")
        self.table.setAccessibleName(translate("about", "Komponen dan lisensinya"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("about", "Komponen"),
                translate("about", "Versi"),
                translate("about", "Lisensi"),
            ]
        )
        for i, c in enumerate(rows):
            for j, text in enumerate((c.name, c.version, c.licence)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.texts = licences.texts()
        self.choice = QComboBox()
        self.choice.setObjectName("about_licence")
        self.choice.setAccessibleName(translate("about", "Teks lisensi"))
        self.choice.addItems(list(self.texts))
        self.text = QPlainTextEdit()
        self.text.setObjectName("about_text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("about", "Isi teks lisensi"))
        self.choice.currentTextChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.choice)
        layout.addWidget(self.text, 1)
        self._show(self.choice.currentText())

    def _show(self, name: str) -> None:
        self.text.setPlainText(self.texts.get(name, ""))
