"""Katalog program: the administrator reads the programme catalogue with each programme's
criteria, changes a programme's criteria (kept over the shipped and the kabupaten's), returns
them to the shipped ones, and adds a regional or village programme. The criteria are JSON in
rows of a form (``ui/criteria_editor.py``): the field and its test chosen, the value typed; the
core reads the rows into its rule and refuses a row it cannot read by number, and the rows stay
as typed for the administrator to correct."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.criteria import rows_of, rule_of
from kiosk.errors import ValidationError
from kiosk.services.actor import Actor
from kiosk.services.eligibility import CatalogueRow, programme_catalogue, set_programme_rules
from kiosk.services.reference import Choice, add_programme
from ui import words
from ui.criteria_editor import CriteriaEditor
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import scrolled, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate, translated
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel

LEVELS = tuple(
    Choice(code, label, {})
    for code, label in (
        ("desa", QT_TRANSLATE_NOOP("programmes", "Desa")),
        ("kabupaten", QT_TRANSLATE_NOOP("programmes", "Kabupaten")),
        ("provinsi", QT_TRANSLATE_NOOP("programmes", "Provinsi")),
        ("pusat", QT_TRANSLATE_NOOP("programmes", "Pusat")),
        ("non_pemerintah", QT_TRANSLATE_NOOP("programmes", "Non-pemerintah")),
    )
)
UNITS = (
    Choice("keluarga", QT_TRANSLATE_NOOP("programmes", "Keluarga"), {}),
    Choice("orang", QT_TRANSLATE_NOOP("programmes", "Orang"), {}),
)


class ProgrammesPage(Page):
    shows = frozenset({Kind.REFERENCE})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "programmes_page", parent)
        title = self.title_label(translate("programmes", "Katalog program dan kriteria penerima"))
        self.model: RowTableModel[CatalogueRow] = RowTableModel(
            (
                translate("programmes", "Kode"),
                translate("programmes", "Nama"),
                translate("programmes", "Tingkat"),
                translate("programmes", "Kriteria dari"),
                translate("programmes", "Sumber"),
            ),
            lambda r: (
                r.code,
                r.name,
                words.level(r.level),
                translate("programmes", "kantor ini")
                if r.by_office
                else translate("programmes", "bawaan/kabupaten"),
                r.source,
            ),
            self,
        )
        # Code, name and level show whole; where the criteria come from gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "programmes_table",
            translate("programmes", "Katalog program"),
            (0, 1, 2),
            wrap=(1,),
        )
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.rules = CriteriaEditor()
        self.rules.setAccessibleName(translate("programmes", "Kriteria program terpilih"))
        self.rules.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Alt+K reaches the first row
        known = QLabel(
            translate(
                "programmes",
                "Setiap baris satu syarat. Baris 'Wajib' harus terpenuhi semua; dari baris "
                "'Salah satu dari kelompok' cukup satu. Hasilnya petunjuk di loket, bukan "
                "keputusan.",
            )
        )
        known.setWordWrap(True)
        label = QLabel(translate("programmes", "K&riteria program terpilih:"))
        label.setBuddy(self.rules)
        rules_area = scrolled(self.rules)
        rules_area.setMinimumHeight(120)  # two rows in view at 560 lines; the table gives way
        rules_area.setMaximumHeight(260)
        buttons = self._buttons()
        self.info = QLabel()
        self.info.setObjectName("programmes_info")
        self.info.setWordWrap(True)
        heading = QHBoxLayout()  # the catalogue's own action beside its title: the row below
        heading.addWidget(title)  # keeps the criteria's three, narrow enough for 1024 pixels
        heading.addStretch(1)
        heading.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(label)
        layout.addWidget(known)
        layout.addWidget(rules_area)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        self.select = ""  # the programme to choose once the catalogue is read
        self.load()

    def _buttons(self) -> QHBoxLayout:
        """The criteria's three buttons in one row (the catalogue's own sits by the title)."""
        self.save = QPushButton(translate("programmes", "&Simpan kriteria"))
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        self.reset = QPushButton(translate("programmes", "Kriteria &bawaan"))
        self.reset.setToolTip(
            translate("programmes", "Kembali ke kriteria bawaan, tanpa perubahan kantor ini")
        )
        self.reset.clicked.connect(lambda: self._set(None))
        self.add = QPushButton(translate("programmes", "&Tambah program daerah/desa…"))
        self.add.clicked.connect(self.on_add)
        buttons = QHBoxLayout()
        for b in (self.save, self.rules.add, self.reset):  # rows added in view
            buttons.addWidget(b)
        buttons.addStretch(1)
        return buttons

    def refresh(self, select: str = "") -> None:
        """Read the catalogue again, then choose ``select`` (else the programme chosen)."""
        self.select = select
        self.load()

    def reading(self) -> Op[list[CatalogueRow]]:
        return self.env.op(self, programme_catalogue, self.actor)

    def loaded(self, rows: list[CatalogueRow]) -> None:
        now = self.chosen()
        select = self.select or (now.code if now is not None else "")
        self.select = ""
        self.model.set_rows(rows)
        codes = [r.code for r in rows]
        if rows:
            self.table.selectRow(codes.index(select) if select in codes else 0)

    def chosen(self) -> CatalogueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _chosen(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        row = self.chosen()
        if row is not None:
            show_error(self.error, "")
            self.rules.show_rows(rows_of(json.loads(row.rules)), row.rules)

    def on_save(self) -> None:
        codes = [self.model.row(r).code for r in range(self.model.rowCount())]
        try:
            rules = rule_of(self.rules.criteria(), codes)
        except ValidationError as exc:  # the rows stay as typed, to be corrected
            show_error(self.error, exc.message)
            return
        self._set(rules)

    def _set(self, rules: dict[str, Any] | None) -> None:
        show_error(self.error, "")
        row = self.chosen()
        if row is None:
            show_error(self.error, translate("programmes", "Pilih program di tabel dulu."))
            return
        self.env.op(self, set_programme_rules, self.actor, row.code, rules).success(
            lambda _r: self._saved(row.code, rules is None)
        ).failure(self._failed).run()

    def _saved(self, code: str, back: bool) -> None:
        self.info.setText(
            translate("programmes", "Kriteria {0} kembali ke bawaan.").format(code)
            if back
            else translate(
                "programmes",
                "Kriteria {0} disimpan; dipakai di petunjuk loket dan tidak tertimpa "
                "pembaruan daftar.",
            ).format(code)
        )
        self.refresh(code)

    def on_add(self) -> None:
        answer = FormDialog.ask(
            self,
            translate("programmes", "Tambah program"),
            [
                Field(
                    "code",
                    translate("programmes", "&Kode"),
                    hint=translate("programmes", "mis. BANSOS-LANSIA"),
                ),
                Field("name", translate("programmes", "&Nama program")),
                Field(
                    "level",
                    translate("programmes", "&Tingkat"),
                    "choice",
                    options=translated("programmes", LEVELS),
                    value="desa",
                ),
                Field(
                    "unit",
                    translate("programmes", "&Sasaran"),
                    "choice",
                    options=translated("programmes", UNITS),
                    value="keluarga",
                ),
                Field("body", translate("programmes", "&Pengelola"), required=False),
            ],
            translate("programmes", "Tambah"),
        )
        if answer is None:
            return
        code = str(answer["code"]).strip().upper()
        self.env.op(
            self,
            add_programme,
            self.actor,
            code,
            answer["name"],
            answer["level"],
            answer["unit"],
            answer["body"] or "",
        ).success(lambda _r: self._added(code)).failure(self._failed).run()

    def _added(self, code: str) -> None:
        self.info.setText(
            translate(
                "programmes", "Program {0} ditambahkan. Tambah baris kriterianya lalu Simpan."
            ).format(code)
        )
        self.refresh(code)
