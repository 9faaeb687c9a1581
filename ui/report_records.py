"""The records behind one count of the papan visual, for officers who may see cases: a case
number or a masked NIK, the name, the day. Opened from a table cell."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from kiosk.formatting import angka
from kiosk.services.reports import LIST_LIMIT, RecordLine
from ui.i18n import translate
from ui.row_model import RowTableModel


class RecordsDialog(QDialog):
    def __init__(self, title: str, lines: list[RecordLine], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("report_records")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        count = angka(len(lines))
        more = (
            translate("report_records", " (ditampilkan {0} pertama)").format(angka(LIST_LIMIT))
            if len(lines) >= LIST_LIMIT
            else ""
        )
        info = QLabel(
            translate(
                "report_records", "{0} rekaman{1}. NIK disamarkan; buka kasus di halaman Kasus."
            ).format(count, more)
        )
        info.setWordWrap(True)
        self.model: RowTableModel[RecordLine] = RowTableModel(
            (
                translate("report_records", "Tanggal"),
                translate("report_records", "Nomor / NIK"),
                translate("report_records", "Nama"),
            ),
            lambda r: (r.day.strftime("%d-%m-%Y") if r.day else "-", r.ref, r.name),
            self,
        )
        self.model.set_rows(lines)
        table = QTableView()
        table.setObjectName("report_records_table")
        table.setAccessibleName(title)
        table.setModel(self.model)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
