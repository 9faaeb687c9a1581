"""Katalog program: the administrator reads the programme catalogue with each programme's
criteria, changes a programme's criteria (kept over the shipped and the kabupaten's), returns
them to the shipped ones, and adds a regional or village programme. The criteria are JSON in
the form ``kiosk/eligibility.py`` reads; a wrong one is refused with what is known."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.eligibility import TESTS
from kiosk.services.actor import Actor
from kiosk.services.eligibility import CatalogueRow, programme_catalogue, set_programme_rules
from kiosk.services.reference import Choice, add_programme
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate, translated
from ui.row_model import RowTableModel
from ui.table_fit import fit_columns

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


class ProgrammesPage(QWidget):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("programmes_page")
        title = QLabel(translate("programmes", "Katalog program dan kriteria penerima"))
        title.setProperty("role", "title")
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
                r.level,
                translate("programmes", "kantor ini") if r.by_office else "bawaan/kabupaten",
                r.source,
            ),
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("programmes_table")
        self.table.setAccessibleName(translate("programmes", "Katalog program"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Code, name and level show whole; where the criteria come from gives way.
        self.columns = fit_columns(self.table, (0, 1, 2), wrap=(1,))
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.rules = QPlainTextEdit()
        self.rules.setObjectName("programme_rules")
        self.rules.setAccessibleName(translate("programmes", "Kriteria program (JSON)"))
        self.rules.setTabChangesFocus(True)
        self.rules.setMaximumHeight(110)
        known = QLabel(
            translate("programmes", "Kriteria JSON: all/any berisi daftar uji. Uji yang dikenal: ")
            + ", ".join(TESTS)
            + translate(
                "programmes", '. Contoh: {"all": [{"decile_max": 4}, {"member_age": [0, 6]}]}'
            )
        )
        known.setWordWrap(True)
        label = QLabel(translate("programmes", "K&riteria program terpilih:"))
        label.setBuddy(self.rules)
        self.save = QPushButton(translate("programmes", "&Simpan kriteria"))
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        self.reset = QPushButton(translate("programmes", "Kembali ke kriteria &bawaan"))
        self.reset.clicked.connect(lambda: self._set(None))
        self.add = QPushButton(translate("programmes", "&Tambah program daerah/desa…"))
        self.add.clicked.connect(self.on_add)
        buttons = QHBoxLayout()
        for b in (self.save, self.reset, self.add):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.info = QLabel()
        self.info.setObjectName("programmes_info")
        self.info.setWordWrap(True)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(label)
        layout.addWidget(self.rules)
        layout.addWidget(known)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self, select: str = "") -> None:
        def shown(rows: list[CatalogueRow]) -> None:
            self.model.set_rows(rows)
            codes = [r.code for r in rows]
            if rows:
                self.table.selectRow(codes.index(select) if select in codes else 0)

        self.env.op(self, programme_catalogue, self.actor).success(shown).failure(
            self._failed
        ).run()

    def chosen(self) -> CatalogueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _chosen(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        row = self.chosen()
        if row is not None:
            pretty = json.dumps(json.loads(row.rules), ensure_ascii=False, indent=1)
            self.rules.setPlainText(pretty)

    def on_save(self) -> None:
        try:
            rules = json.loads(self.rules.toPlainText() or "{}")
        except json.JSONDecodeError as exc:
            show_error(
                self.error,
                translate(
                    "programmes",
                    "Kriteria tidak terbaca sebagai JSON (baris {0}): {1}. Periksa tanda "
                    "kutip, koma dan kurung.",
                ).format(exc.lineno, exc.msg),
            )
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
                "programmes", "Program {0} ditambahkan. Tulis kriterianya lalu Simpan."
            ).format(code)
        )
        self.refresh(code)

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, message_of(exc))
