"""Search results; NIKs are masked because the screen faces the citizen."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.identity import mask_nik
from kiosk.services.lookup import Hit
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.row_model import RowTableModel

HEADERS = (
    QT_TRANSLATE_NOOP("hit_model", "Sumber"),
    QT_TRANSLATE_NOOP("hit_model", "Nama"),
    QT_TRANSLATE_NOOP("hit_model", "NIK"),
    QT_TRANSLATE_NOOP("hit_model", "Tgl lahir"),
    QT_TRANSLATE_NOOP("hit_model", "Alamat"),
)
SOURCE = {
    "terdaftar": QT_TRANSLATE_NOOP("hit_model", "Terdaftar"),
    "dtks": QT_TRANSLATE_NOOP("hit_model", "DTKS"),
}


class HitTableModel(RowTableModel[Hit]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            HEADERS,
            lambda h: (
                translate("hit_model", SOURCE[h.source]),
                h.name,
                mask_nik(h.nik),
                h.birth,
                h.address,
            ),
            parent,
            context="hit_model",
        )
