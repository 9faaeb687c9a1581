"""Table model of officer accounts."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.services.officers import OfficerView
from ui import words
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.row_model import RowTableModel

HEADERS = (
    QT_TRANSLATE_NOOP("officer_model", "Nama pengguna"),
    QT_TRANSLATE_NOOP("officer_model", "Nama lengkap"),
    QT_TRANSLATE_NOOP("officer_model", "Peran"),
    QT_TRANSLATE_NOOP("officer_model", "Status"),
)


def _cells(v: OfficerView, names: dict[str, str]) -> tuple[str, str, str, str]:
    status = (
        translate("officer_model", "Nonaktif")
        if not v.active
        else (
            translate("officer_model", "Terkunci")
            if v.locked
            else translate("officer_model", "Aktif")
        )
    )
    return v.username, v.full_name, words.roles(v.roles, names), status


class OfficerTableModel(RowTableModel[OfficerView]):
    """Roles in the office's regulation's words (``names``: Ketua, Pengawas …) once known."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.names: dict[str, str] = {}
        super().__init__(HEADERS, lambda v: _cells(v, self.names), parent, context="officer_model")
