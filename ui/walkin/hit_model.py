"""Search results; NIKs are masked because the screen faces the citizen."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.identity import mask_nik
from kiosk.services.lookup import Hit
from ui.row_model import RowTableModel

HEADERS = ("Sumber", "Nama", "NIK", "Tgl lahir", "Alamat")
SOURCE = {"terdaftar": "Terdaftar", "dtks": "DTKS"}


class HitTableModel(RowTableModel[Hit]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            HEADERS,
            lambda h: (SOURCE[h.source], h.name, mask_nik(h.nik), h.birth, h.address),
            parent,
        )
