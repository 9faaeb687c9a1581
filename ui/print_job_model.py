"""Table model of recent print jobs (so a failed ticket can be found and reprinted): the
number the officer looks for (A001, a tracking number) has a column of its own."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.clock import Clock, tanggal_jam
from kiosk.services.print_jobs import PrintJobView
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.row_model import RowTableModel

HEADERS = (
    QT_TRANSLATE_NOOP("print_job_model", "Waktu"),
    QT_TRANSLATE_NOOP("print_job_model", "Nomor"),
    QT_TRANSLATE_NOOP("print_job_model", "Jenis"),
    QT_TRANSLATE_NOOP("print_job_model", "Printer"),
    QT_TRANSLATE_NOOP("print_job_model", "Status"),
    QT_TRANSLATE_NOOP("print_job_model", "Keterangan"),
)
STATUS = {
    "antri": QT_TRANSLATE_NOOP("print_job_model", "Menunggu"),
    "terkirim": QT_TRANSLATE_NOOP("print_job_model", "Terkirim"),
    "belum_pasti": QT_TRANSLATE_NOOP("print_job_model", "Belum pasti"),
    "gagal": QT_TRANSLATE_NOOP("print_job_model", "GAGAL"),
}


class PrintJobTableModel(RowTableModel[PrintJobView]):
    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(
            HEADERS,
            lambda j: (
                tanggal_jam(j.created_at, clock),
                j.reference,
                j.title,
                j.printer_uri,
                translate("print_job_model", STATUS.get(j.status, j.status)),
                j.last_error or "",
            ),
            parent,
            context="print_job_model",
        )
