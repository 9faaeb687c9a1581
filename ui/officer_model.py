"""Table model of officer accounts (model/view, no item widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kiosk.roles import ROLE_LABELS
from kiosk.services.officers import OfficerView

HEADERS = ("Nama pengguna", "Nama lengkap", "Peran", "Status")
_Index = QModelIndex | QPersistentModelIndex


class OfficerTableModel(QAbstractTableModel):
    """Rows are :class:`OfficerView` values returned by the service."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OfficerView] = []

    def set_rows(self, rows: list[OfficerView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> OfficerView:
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
        v = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return v.username
        if col == 1:
            return v.full_name
        if col == 2:
            return ", ".join(ROLE_LABELS[r] for r in v.roles)
        if not v.active:
            return "Nonaktif"
        return "Terkunci" if v.locked else "Aktif"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
