"""Profil warga: find a registered citizen by NIK, No. KK or name and read them on one page —
the household, programmes received (DTKS/DTSEN and the counter), recorded needs, cases, PPKS,
and the programmes the household may qualify for with the reasons. Keyboard: type, Enter,
arrows to choose; the profile follows the chosen row."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.identity import mask_nik
from kiosk.services.actor import Actor
from kiosk.services.people import PersonView, find_people
from kiosk.services.person_profile import PersonProfile, person_profile
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.i18n import translate
from ui.pages.person_html import person_html
from ui.row_model import RowTableModel
from ui.table_fit import fit_columns


class PersonPage(QWidget):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("person_page")
        title = QLabel(translate("person", "Profil warga"))
        title.setProperty("role", "title")
        self.query = QLineEdit()
        self.query.setObjectName("person_query")
        self.query.setPlaceholderText(translate("person", "NIK, No. KK atau nama warga terdaftar"))
        self.query.setAccessibleName(translate("person", "Cari warga"))
        self.query.returnPressed.connect(self.search)
        find = QPushButton(translate("person", "&Cari"))
        find.clicked.connect(self.search)
        label = QLabel(translate("person", "&Warga:"))
        label.setBuddy(self.query)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.query, 1)
        row.addWidget(find)
        self.model: RowTableModel[PersonView] = RowTableModel(
            (
                translate("person", "Nama"),
                translate("person", "NIK"),
                translate("person", "Lahir"),
                translate("person", "No. KK"),
            ),
            lambda v: (
                v.name,
                mask_nik(v.nik) if v.nik else "-",
                v.birth_date.strftime("%d-%m-%Y") if v.birth_date else "-",
                v.no_kk or "-",
            ),
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("person_results")
        self.table.setAccessibleName(translate("person", "Warga yang ditemukan"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Name, NIK and birth date tell people apart; the KK number gives way.
        self.columns = fit_columns(self.table, (0, 1, 2), wrap=(0,))
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.profile = QTextBrowser()
        self.profile.setObjectName("person_profile")
        self.profile.setAccessibleName(translate("person", "Profil warga"))
        self.profile.setPlaceholderText(
            translate("person", "Pilih warga di daftar untuk melihat profilnya.")
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.profile)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.split = split
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self.current: PersonProfile | None = None

    def search(self) -> None:
        show_error(self.error, "")
        self.env.op(self, find_people, self.actor, self.query.text()).success(self._found).failure(
            self._failed
        ).run()

    def _found(self, people: list[PersonView]) -> None:
        self.model.set_rows(people)
        # The list as wide as its columns need (up to three fifths), the profile the rest.
        whole = sum(self.split.sizes())
        if whole > 0:
            left = min(self.columns.wanted(), whole * 3 // 5)
            self.split.setSizes([left, whole - left])
        if not people:
            show_error(
                self.error,
                translate(
                    "person",
                    "Tidak ada warga terdaftar yang cocok. Periksa ejaan atau NIK; warga baru "
                    "didaftarkan di Layanan loket.",
                ),
            )
            self.profile.clear()
            return
        self.table.selectRow(0)
        self.table.setFocus()

    def _chosen(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        row = self.table.currentIndex().row()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row = rows[0].row()
        if row < 0:
            return
        chosen = self.model.row(row)
        self.env.op(self, person_profile, self.actor, chosen.id, self.env.clock).success(
            self._shown
        ).failure(self._failed).run()

    def _shown(self, profile: PersonProfile) -> None:
        self.current = profile
        self.profile.setHtml(person_html(profile))

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, message_of(exc))
