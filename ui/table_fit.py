"""Columns that matter stay in view: a table never hides them behind a sideways scrollbar.

Each table names the columns an officer acts on (for cases: number, citizen, status, deadline,
desk). Those get the width of their words; the others share what is left and end in "…"
(their whole text stays in the tooltip-free cell, readable by widening the window). When even
the columns that matter are wider than the table (large text, a netbook), the ones whose
words may break onto a second line do so and the rows grow: nothing that matters is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

_FIT = QHeaderView.ResizeMode.Fixed


class _OneLine(QStyledItemDelegate):
    """A column that gives way keeps its words on one line, ended by "…", never a stack of
    broken fragments in a row grown for another column."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class ColumnFit(QObject):
    """Lays out ``table``'s columns again whenever its width or its rows change."""

    def __init__(self, table: QTableView, keep: Sequence[int], wrap: Sequence[int] = ()):
        super().__init__(table)
        self.table, self.keep, self.wrap = table, tuple(keep), tuple(wrap)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("0000"))
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setWordWrap(bool(self.wrap))
        table.viewport().installEventFilter(self)
        self.one_line = _OneLine(self)
        for column in range(table.model().columnCount()):
            if column not in self.keep:
                table.setItemDelegateForColumn(column, self.one_line)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.fit)
        model.dataChanged.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def natural(self, column: int) -> int:
        """The width showing the column's header and every cell on one line."""
        header = self.table.horizontalHeader()
        return max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))

    def wanted(self) -> int:
        """The table's width with every column that matters on one line: what a splitter
        beside it should give it when it can."""
        table = self.table
        rest = table.model().columnCount() - len(self.keep)
        header = table.verticalHeader()
        return (
            sum(self.natural(c) for c in self.keep)
            + rest * table.horizontalHeader().minimumSectionSize()
            + (header.width() if header.isVisible() else 0)
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )

    def fit(self, reserve: bool = False) -> None:
        """``reserve``: leave room for the vertical scrollbar that rows grown by wrapping
        are about to call up."""
        table, header = self.table, self.table.horizontalHeader()
        count = table.model().columnCount()
        rest = [c for c in range(count) if c not in self.keep]
        least = header.minimumSectionSize()
        bar = table.verticalScrollBar()
        room = table.viewport().width() - (bar.sizeHint().width() if reserve else 0)
        widths = {c: self.natural(c) for c in self.keep}
        over = sum(widths.values()) + least * len(rest) - room
        if over > 0 and self.wrap:  # words break onto more lines, never within a word
            give = {c: max(0, widths[c] - self.floor(c)) for c in self.wrap}
            total = sum(give.values()) or 1
            for c in self.wrap:
                widths[c] -= min(give[c], -(-give[c] * over // total))
        left = max(0, room - sum(widths.values()))
        for c in rest:
            widths[c] = max(least, left // len(rest))
        if not rest and self.keep:  # nothing to elide: the last column takes what is left
            widths[self.keep[-1]] += left
        for c in range(count):
            header.setSectionResizeMode(c, _FIT)
            header.resizeSection(c, widths.get(c, least))
        if self.wrap:
            table.resizeRowsToContents()
            rows = table.verticalHeader().length()
            if not reserve and not bar.isVisible() and rows > table.viewport().height():
                self.fit(reserve=True)

    def floor(self, column: int) -> int:
        """Wide enough for the column's longest word and its header."""
        table, metrics = self.table, self.table.fontMetrics()
        model = table.model()
        longest = table.horizontalHeader().sectionSizeHint(column)
        pad = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 4
        for row in range(min(model.rowCount(), 500)):
            text = str(model.index(row, column).data() or "")
            for word in text.split():
                longest = max(longest, metrics.horizontalAdvance(word) + pad)
        return longest


def fit_columns(table: QTableView, keep: Sequence[int], wrap: Sequence[int] = ()) -> ColumnFit:
    """``keep``: the columns that must show whole; ``wrap``: those of them that may take two
    lines. Call after ``table.setModel``."""
    return ColumnFit(table, keep, wrap)
