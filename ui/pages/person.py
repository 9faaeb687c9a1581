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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.identity import mask_nik
from kiosk.services.actor import Actor
from kiosk.services.people import PersonView, find_people
from kiosk.services.person_profile import PersonProfile, person_profile
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.pages.person_html import person_html
from ui.row_model import RowTableModel


class PersonPage(Page):
    """The search's results and the chosen citizen's profile, read again when a person, a
    case, a programme or a PPKS record changes."""

    shows = frozenset({Kind.PEOPLE, Kind.CASES, Kind.PPKS, Kind.DTKS, Kind.PROPOSALS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "person_page", parent)
        title = self.title_label(translate("person", "Profil warga"))
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
        # Name, NIK and birth date tell people apart; the KK number gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "person_results",
            translate("person", "Warga yang ditemukan"),
            (0, 1, 2),
            wrap=(0,),
        )
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
        self.first_field = self.query
        self.searched: str | None = None  # the last search, read again when people change
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self.current: PersonProfile | None = None

    def search(self) -> None:
        show_error(self.error, "")
        self.searched = self.query.text()
        self.current = None
        self.load()

    def reading(self) -> Op[list[PersonView]] | None:
        if self.searched is None:
            return None
        return self.env.op(self, find_people, self.actor, self.searched)

    def loaded(self, people: list[PersonView]) -> None:
        keep = self.current.id if self.current is not None else None
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
        again = [i for i, p in enumerate(people) if p.id == keep]
        self.table.selectRow(again[0] if again else 0)  # read again: the same citizen stays
        if not again:
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
