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


class AboutPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about_page")
        title = QLabel("Tentang Puskesos Kiosk")
        title.setProperty("role", "title")
        facts = QLabel(
            f"Versi {__version__}. Qt {qVersion()} melalui Qt for Python (PySide6 "
            f"{PySide6.__version__}) di bawah lisensi LGPL-3.0; Python "
            f"{platform.python_version()}. Teks lisensi ada di bawah dan ikut terpasang "
            "bersama program."
        )
        facts.setObjectName("about_version")
        facts.setWordWrap(True)
        rows = licences.components()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("about_components")
        self.table.setAccessibleName("Komponen dan lisensinya")
        self.table.setHorizontalHeaderLabels(["Komponen", "Versi", "Lisensi"])
        for i, c in enumerate(rows):
            for j, text in enumerate((c.name, c.version, c.licence)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.texts = licences.texts()
        self.choice = QComboBox()
        self.choice.setObjectName("about_licence")
        self.choice.setAccessibleName("Teks lisensi")
        self.choice.addItems(list(self.texts))
        self.text = QPlainTextEdit()
        self.text.setObjectName("about_text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Isi teks lisensi")
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
