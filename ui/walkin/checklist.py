"""A checkable list backed by a model (programmes needed / received, documents shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QWidget

from kiosk.services.reference import Choice


class CheckList(QListView):
    """Space toggles the current row; ``checked()`` returns the codes."""

    def __init__(self, name: str, items: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " "))
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.set_items(items)

    def set_items(self, items: list[Choice]) -> None:
        """The choices (they may arrive after the list is built), none checked."""
        self.model_.clear()
        for c in items:
            item = QStandardItem(c.label)
            item.setData(c.code, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.model_.appendRow(item)
        # At least four rows in view, more as the window grows (three cut rows hid choices).
        row = self.sizeHintForRow(0) if items else self.fontMetrics().height() + 4
        self.setMinimumHeight(4 * row + 2 * self.frameWidth() + 4)

    def _items(self) -> list[QStandardItem]:
        return [self.model_.item(i) for i in range(self.model_.rowCount())]

    def codes(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self._items()]

    def checked(self) -> list[str]:
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in self._items()
            if i.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: list[str]) -> None:
        for item in self._items():
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            item = self.model_.itemFromIndex(self.currentIndex())
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)
