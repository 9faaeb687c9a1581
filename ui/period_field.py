"""The reporting period an officer picks or types (Papan visual, Usulan DTKS).

The usual periods are items whose *data* is the name :func:`kiosk.periods.parse_period` reads
(``bulan ini``) and whose *text* is that name in the chosen language (*This month*): the parser
is never fed a translation. Anything typed that is not one of them (``2026Q4``, ``2026-11``)
goes to the parser as written.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate

# (what the parser reads, what the officer reads)
USUAL = (
    ("bulan ini", QT_TRANSLATE_NOOP("period_field", "Bulan ini")),
    ("bulan lalu", QT_TRANSLATE_NOOP("period_field", "Bulan lalu")),
    ("kuartal ini", QT_TRANSLATE_NOOP("period_field", "Kuartal ini")),
    ("kuartal lalu", QT_TRANSLATE_NOOP("period_field", "Kuartal lalu")),
    ("semester ini", QT_TRANSLATE_NOOP("period_field", "Semester ini")),
    ("semester lalu", QT_TRANSLATE_NOOP("period_field", "Semester lalu")),
    ("tahun ini", QT_TRANSLATE_NOOP("period_field", "Tahun ini")),
    ("tahun lalu", QT_TRANSLATE_NOOP("period_field", "Tahun lalu")),
)


class PeriodField(QComboBox):
    """An editable list of the usual periods; starts on this month. ``entered()``: Enter was
    pressed in it, or a period picked from its list."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # As wide as a period's name, not as the longest label: the page fits 1024 px.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        for value, label in USUAL:
            self.addItem(translate("period_field", label), value)
        self.setCurrentIndex(0)
        edit = self.lineEdit()
        assert edit is not None  # editable
        edit.returnPressed.connect(self.entered)
        self.activated.connect(self.entered)

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for a small screen with large text (a line edit's share of the row):
        the field still asks for a period name's width when there is room."""
        room = self.fontMetrics().horizontalAdvance("2026-11") + 40  # the arrow and frame
        return QSize(
            min(room, super().minimumSizeHint().width()), super().minimumSizeHint().height()
        )

    def value(self) -> str:
        """What the parser reads: a usual period's name, or the text as the officer typed it
        (a usual period typed in the chosen language counts as chosen)."""
        text = self.currentText().strip()
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)  # any letter case
        return str(self.itemData(found)) if found >= 0 else text

    def set_value(self, text: str) -> None:
        """Choose the usual period named ``text``, or write ``text`` in the field."""
        found = self.findData(text)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setEditText(text)
