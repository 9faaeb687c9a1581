"""The Qt binding must not free Python's None, True or False.

PySide6 6.12.0 on Python 3.11 dropped a reference to None each time a table asked a Python
model for a role it has no data for, and each time a combo box stored or returned None as an
item's data: about 800 references per 500 repaints of a small table. None's count runs out
within a working day of repaints, and the kiosk dies ("deallocating None"). pyproject.toml
keeps PySide6 below 6.12; this test fails on a binding that has the fault again.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QTableView

from ui.row_model import RowTableModel


def _drift(obj: object, action, times: int = 300) -> int:
    gc.collect()
    before = sys.getrefcount(obj)
    for _ in range(times):
        action()
    gc.collect()
    return sys.getrefcount(obj) - before


class _Sparse(QAbstractTableModel):
    """Answers DisplayRole only, like every model here: None for everything else."""

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 4

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_painting_a_table_keeps_none_alive(qtbot, qapp):
    for model in (_Sparse(), RowTableModel(("a", "b"), lambda r: (r, r))):
        if isinstance(model, RowTableModel):
            model.set_rows(["satu", "dua", "tiga"])
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.show()
        qtbot.waitExposed(view)

        def repaint(view=view) -> None:
            view.viewport().repaint()
            qapp.processEvents()

        assert _drift(None, repaint) >= 0


def test_combo_data_keeps_none_and_bools_alive(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    assert _drift(None, lambda: combo.addItem("-", None)) >= 0
    combo.setCurrentIndex(0)
    assert _drift(None, combo.currentData) >= 0
    combo.addItem("ya", True)
    combo.setCurrentIndex(combo.count() - 1)
    assert _drift(True, combo.currentData) >= 0
