"""The criteria of one programme as rows of a form: the field and its test chosen from lists,
the value typed, each row required or one of a group; rows added and removed.

The rows are :class:`kiosk.criteria.Criterion` values; the core turns them into the stored rule
and refuses what it cannot read, naming the row. The editor never clears what was typed: a
refused row stays as it was for the administrator to correct.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.criteria import FIELDS, ONE_OF, REQUIRED, Criterion
from ui.i18n import QT_TRANSLATE_NOOP, translate

FIELD_WORDS = {
    "desil": QT_TRANSLATE_NOOP("criteria", "Desil DTKS/DTSEN"),
    "usia_anggota": QT_TRANSLATE_NOOP("criteria", "Usia anggota keluarga"),
    "disabilitas": QT_TRANSLATE_NOOP("criteria", "Anggota penyandang disabilitas"),
    "hamil": QT_TRANSLATE_NOOP("criteria", "Ibu hamil"),
    "domisili": QT_TRANSLATE_NOOP("criteria", "Tempat tinggal"),
    "program": QT_TRANSLATE_NOOP("criteria", "Program yang diterima"),
}
OP_WORDS = {  # (label, what the value looks like)
    "paling_tinggi": (
        QT_TRANSLATE_NOOP("criteria", "paling tinggi"),
        QT_TRANSLATE_NOOP("criteria", "1 sampai 10"),
    ),
    "antara": (
        QT_TRANSLATE_NOOP("criteria", "antara (tahun)"),
        QT_TRANSLATE_NOOP("criteria", "mis. 0-5"),
    ),
    "paling_rendah": (
        QT_TRANSLATE_NOOP("criteria", "tahun ke atas"),
        QT_TRANSLATE_NOOP("criteria", "mis. 60"),
    ),
    "ada": (QT_TRANSLATE_NOOP("criteria", "ada"), ""),
    "di_desa_ini": (QT_TRANSLATE_NOOP("criteria", "di desa ini"), ""),
    "tidak_menerima": (
        QT_TRANSLATE_NOOP("criteria", "tidak sedang menerima"),
        QT_TRANSLATE_NOOP("criteria", "kode, mis. PKH, BPNT"),
    ),
}
HEADERS = (
    QT_TRANSLATE_NOOP("criteria", "No."),
    QT_TRANSLATE_NOOP("criteria", "Data"),
    QT_TRANSLATE_NOOP("criteria", "Uji"),
    QT_TRANSLATE_NOOP("criteria", "Nilai"),
    QT_TRANSLATE_NOOP("criteria", "Berlaku"),
)
GROUP_WORDS = {
    REQUIRED: QT_TRANSLATE_NOOP("criteria", "Wajib"),
    ONE_OF: QT_TRANSLATE_NOOP("criteria", "Salah satu dari kelompok"),
}


def _combo(items: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for code, words in items.items():
        combo.addItem(translate("criteria", words), code)
    return combo


class CriterionRow:
    """One row's widgets; the test list follows the field chosen."""

    def __init__(self, editor: CriteriaEditor, row: Criterion):
        self.field = _combo(FIELD_WORDS, translate("criteria", "Data"))
        self.op = QComboBox()
        self.op.setAccessibleName(translate("criteria", "Uji"))
        self.value = QLineEdit(row.value)
        self.value.setAccessibleName(translate("criteria", "Nilai"))
        self.group = _combo(GROUP_WORDS, translate("criteria", "Berlaku"))
        self.remove = QPushButton(translate("criteria", "Hapus"))
        self.remove.setAccessibleName(translate("criteria", "Hapus baris kriteria"))
        self.remove.clicked.connect(lambda: editor.remove_row(self))
        self.field.setCurrentIndex(max(0, self.field.findData(row.field)))
        self._fill_ops(row.op)
        self.group.setCurrentIndex(max(0, self.group.findData(row.group)))
        self.field.currentIndexChanged.connect(lambda _i: self._fill_ops(""))
        self.op.currentIndexChanged.connect(lambda _i: self._value_shown())

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.field, self.op, self.value, self.group, self.remove)

    def _fill_ops(self, op: str) -> None:
        self.op.blockSignals(True)
        self.op.clear()
        for code in FIELDS[self.field.currentData()]:
            self.op.addItem(translate("criteria", OP_WORDS[code][0]), code)
        self.op.setCurrentIndex(max(0, self.op.findData(op)))
        self.op.blockSignals(False)
        self._value_shown()

    def _value_shown(self) -> None:
        example = OP_WORDS.get(self.op.currentData() or "", ("", ""))[1]
        self.value.setEnabled(bool(example))
        self.value.setPlaceholderText(translate("criteria", example) if example else "")
        if not example:
            self.value.clear()

    def criterion(self) -> Criterion:
        return Criterion(
            self.field.currentData(),
            self.op.currentData() or "",
            self.value.text(),
            self.group.currentData(),
        )


class CriteriaEditor(QWidget):
    """Rows of criteria with a button to add one; :meth:`criteria` reads them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("criteria_editor")
        self.rows: list[CriterionRow] = []
        self.grid = QGridLayout()
        self.note = QLabel()
        self.note.setObjectName("criteria_note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.empty = QLabel(
            translate("criteria", "Belum ada kriteria: program ini tidak diberi petunjuk.")
        )
        self.add = QPushButton(translate("criteria", "Tamba&h baris kriteria"))
        self.add.setObjectName("criteria_add")
        self.add.clicked.connect(lambda: self.add_row(focus=True))
        bottom = QHBoxLayout()
        bottom.addWidget(self.add)
        bottom.addWidget(self.empty, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)
        layout.addStretch(1)  # rows from the top, however few

    def show_rows(self, rows: list[Criterion] | None, raw: str = "") -> None:
        """The stored criteria; ``None`` (deeper than rows) shows the rule and starts empty."""
        self.note.setVisible(rows is None)
        self.note.setText(
            translate(
                "criteria",
                "Kriteria tersimpan lebih rumit dari formulir ini: {0}. Susun ulang dengan "
                "baris di bawah; yang lama diganti saat disimpan.",
            ).format(raw)
        )
        for old in self.rows:
            for w in old.widgets():
                w.deleteLater()
        self.rows = []
        self._lay_out()
        for row in rows or []:
            self.add_row(row)

    def add_row(self, row: Criterion | None = None, focus: bool = False) -> None:
        self.rows.append(CriterionRow(self, row or Criterion("desil", "paling_tinggi")))
        self._lay_out()
        if focus:
            self.rows[-1].field.setFocus()

    def remove_row(self, row: CriterionRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for w in row.widgets():
            w.deleteLater()
        self._lay_out()
        after = self.rows[min(index, len(self.rows) - 1)].field if self.rows else self.add
        after.setFocus()

    def criteria(self) -> list[Criterion]:
        return [r.criterion() for r in self.rows]

    def _lay_out(self) -> None:
        """Rebuild the grid in row order (numbers match the core's "Baris n")."""
        kept = {id(w) for r in self.rows for w in r.widgets()}
        while self.grid.count():  # the row widgets are taken out and kept, the labels go
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and id(widget) not in kept:
                widget.deleteLater()
        if self.rows:
            for column, words in enumerate(HEADERS):
                self.grid.addWidget(QLabel(translate("criteria", words)), 0, column)
        for number, r in enumerate(self.rows, start=1):
            self.grid.addWidget(QLabel(str(number)), number, 0)
            for column, widget in enumerate(r.widgets(), start=1):
                self.grid.addWidget(widget, number, column)
                widget.show()  # now, so a new row's field can take the cursor at once
        self.grid.setColumnStretch(3, 1)
        self.empty.setVisible(not self.rows)
        self.setFocusProxy(self.rows[0].field if self.rows else self.add)
        widgets: list[Any] = [w for r in self.rows for w in r.widgets()] + [self.add]
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)
