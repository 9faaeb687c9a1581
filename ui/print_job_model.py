"""Table model of recent print jobs (so a failed ticket can be found and reprinted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk.clock import Clock, tanggal_jam
from kiosk.services.print_jobs import PrintJobView

HEADERS = ("Waktu", "Jenis", "Printer", "Status", "Keterangan")
STATUS = {"antri": "Menunggu", "terkirim": "Terkirim", "gagal": "GAGAL"}
_Index = QModelIndex | QPersistentModelIndex


class PrintJobTableModel(QAbstractTableModel):
    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._rows: list[PrintJobView] = []

    def set_rows(self, rows: list[PrintJobView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> PrintJobView:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        job = self._rows[index.row()]
        return (
            tanggal_jam(job.created_at, self.clock),
            job.title,
            job.printer_uri,
            STATUS.get(job.status, job.status),
            job.last_error or "",
        )[index.column()]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
