"""Program bantuan: every officer reads the programme catalogue to tell a citizen about it —
name, level, managing body, who it is for, the criteria in words. Read only: the
administrator changes the catalogue on Katalog program. Keyboard: type in the search box (the
list follows), Enter or Down to the list, arrows to choose; the details follow the row."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.services.actor import Actor
from kiosk.services.catalogue import ProgrammeInfo, matches, programme_info
from ui import words
from ui.env import UiEnv
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel

UNITS = {
    "keluarga": QT_TRANSLATE_NOOP("programme_info", "Keluarga"),
    "orang": QT_TRANSLATE_NOOP("programme_info", "Perorangan"),
}


def _unit(code: str) -> str:
    return translate("programme_info", UNITS.get(code) or code)


def info_html(p: ProgrammeInfo) -> str:
    """One programme's details, every value escaped."""
    e = html.escape
    rows = (
        (translate("programme_info", "Kode"), p.code),
        (translate("programme_info", "Tingkat"), words.level(p.level)),
        (translate("programme_info", "Pengelola"), p.managing_body or "-"),
        (translate("programme_info", "Untuk"), _unit(p.unit)),
    )
    out = [f"<h3>{e(p.name)}</h3><table cellpadding='3'>"]
    out += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows]
    out.append("</table>")
    heading = translate("programme_info", "Kriteria")
    criteria = p.criteria or translate("programme_info", "Belum ditulis.")
    out.append(f"<p><b>{e(heading)}</b></p><p>{e(criteria)}</p>")
    return "".join(out)


class ProgrammeInfoPage(Page):
    shows = frozenset({Kind.REFERENCE})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "programme_info_page", parent)
        title = self.title_label(translate("programme_info", "Program bantuan"))
        note = QLabel(
            translate(
                "programme_info",
                "Untuk menjelaskan program kepada warga. Syarat di sini petunjuk; penetapan "
                "penerima oleh pengelola program.",
            )
        )
        note.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("programme_info_query")
        self.query.setPlaceholderText(
            translate("programme_info", "mis. sembako, lansia, sekolah, Dinas Sosial")
        )
        self.query.setAccessibleName(translate("programme_info", "Cari program"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._filter)
        self.query.returnPressed.connect(self._to_list)
        label = QLabel(translate("programme_info", "&Cari program:"))
        label.setBuddy(self.query)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.query, 1)
        self.model: RowTableModel[ProgrammeInfo] = RowTableModel(
            (
                translate("programme_info", "Nama"),
                translate("programme_info", "Tingkat"),
                translate("programme_info", "Untuk"),
            ),
            lambda r: (r.name, words.level(r.level), _unit(r.unit)),
            self,
        )
        # Name, level and who it is for show whole; the managing body is in the details.
        self.table, self.columns = self.make_table(
            self.model,
            "programme_info_table",
            translate("programme_info", "Daftar program"),
            (0, 1, 2),
            wrap=(0,),
        )
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.details = QTextBrowser()
        self.details.setObjectName("programme_info_details")
        self.details.setAccessibleName(translate("programme_info", "Keterangan program"))
        self.details.setPlaceholderText(
            translate("programme_info", "Pilih program di daftar untuk membaca syaratnya.")
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.count = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self.all: list[ProgrammeInfo] = []
        self.load()

    def start_focus(self) -> None:
        self.query.setFocus()

    def reading(self) -> Op[list[ProgrammeInfo]]:
        return self.env.op(self, programme_info, self.actor)

    def loaded(self, rows: list[ProgrammeInfo]) -> None:
        self.all = rows
        self._filter(self.query.text())

    def _filter(self, text: str) -> None:
        shown = [r for r in self.all if matches(r, text)]
        self.model.set_rows(shown)
        self.count.setText(
            translate("programme_info", "{0} dari {1} program").format(len(shown), len(self.all))
        )
        if shown:
            self.table.selectRow(0)
        else:
            self.details.clear()

    def _to_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()

    def _chosen(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.details.setHtml(info_html(self.model.row(rows[0].row())))
