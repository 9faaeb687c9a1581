"""Table model of recent print jobs (so a failed ticket can be found and reprinted)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.clock import Clock, tanggal_jam
from kiosk.services.print_jobs import PrintJobView
from ui.row_model import RowTableModel

HEADERS = ("Waktu", "Jenis", "Printer", "Status", "Keterangan")
STATUS = {"antri": "Menunggu", "terkirim": "Terkirim", "gagal": "GAGAL"}


class PrintJobTableModel(RowTableModel[PrintJobView]):
    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(
            HEADERS,
            lambda j: (
                tanggal_jam(j.created_at, clock),
                j.title,
                j.printer_uri,
                STATUS.get(j.status, j.status),
                j.last_error or "",
            ),
            parent,
        )
