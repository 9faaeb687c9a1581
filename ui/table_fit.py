"""Columns that matter stay in view: a table never hides them behind a sideways scrollbar.

Each table names the columns an officer acts on (for cases: number, citizen, status, deadline,
desk). Those get the width of their words; the others share what is left and end in "…"
(their whole text stays in the tooltip-free cell, readable by widening the window). When even
the columns that matter are wider than the table (large text, a netbook), the ones whose
words may break onto a second line do so and the rows grow: nothing that matters is cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

_FIT = QHeaderView.ResizeMode.Fixed
_MEASURED = 200  # rows
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft


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
        self.wrapped = False  # rows grown for wrapped words, to shrink back when they fit
        # Widths are measured on the rows in view and this many more: a long list stays quick.
        table.verticalHeader().setResizeContentsPrecision(_MEASURED)
        table.horizontalHeader().setResizeContentsPrecision(_MEASURED)
        self.timer = QTimer(self)  # a window dragged wider fits once, not at every pixel
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(lambda *_: self.fit())
        model.dataChanged.connect(lambda *_: self.fit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.timer.start()
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

    def fit(self) -> None:
        self._fit(reserve=False)

    def _fit(self, reserve: bool) -> None:
        """``reserve``: leave room for the vertical scrollbar that rows grown by wrapping
        are about to call up."""
        table, header = self.table, self.table.horizontalHeader()
        bar = table.verticalScrollBar()
        room = table.viewport().width() - (bar.sizeHint().width() if reserve else 0)
        widths, wrapping = self.widths(room)
        for c in range(table.model().columnCount()):
            header.setSectionResizeMode(c, _FIT)
            header.resizeSection(c, widths[c])
        if wrapping or self.wrapped:  # rows one line high need no measuring
            self.heights(wrapping)
        self.wrapped = wrapping
        rows = table.verticalHeader().length()
        if wrapping and not reserve and not bar.isVisible() and rows > table.viewport().height():
            self._fit(reserve=True)

    def heights(self, wrapping: bool) -> None:
        """Each row as tall as its wrapped words (measured here: styles differ in whether
        their size hints wrap); past a few hundred rows, all as tall as the tallest of the
        first ones (measuring thousands would hold the window)."""
        header, count = self.table.verticalHeader(), self.table.model().rowCount()
        header.resetDefaultSectionSize()  # one line, as tall as the font in use says
        line = header.defaultSectionSize()
        if wrapping and count > _MEASURED:
            header.setDefaultSectionSize(max(self.height(r, line) for r in range(_MEASURED)))
        for row in range(count):
            tall = self.height(row, line) if wrapping and count <= _MEASURED else 0
            header.resizeSection(row, max(tall, header.defaultSectionSize()))

    def height(self, row: int, line: int) -> int:
        """The row's height with its wrapped words, for rows ``line`` high on one line."""
        table, metrics = self.table, self.table.fontMetrics()
        extra = line - metrics.height()
        tallest = 0
        for c in self.wrap:
            text = str(table.model().index(row, c).data() or "")
            box = QRect(0, 0, self.text_room(c), 100_000)
            tallest = max(tallest, metrics.boundingRect(box, _WRAP, text).height())
        return tallest + extra

    def text_room(self, column: int) -> int:
        """The width the words of ``column`` get inside a cell's margins (counted wide)."""
        return self.table.columnWidth(column) - _margin(self.table)

    def widths(self, room: int) -> tuple[dict[int, int], bool]:
        """Each column's width in ``room``, and whether words must wrap to fit."""
        count = self.table.model().columnCount()
        rest = [c for c in range(count) if c not in self.keep]
        least = self.table.horizontalHeader().minimumSectionSize()
        widths = {c: self.natural(c) for c in self.keep}
        over = sum(widths.values()) + least * len(rest) - room
        wrapping = over > 0 and bool(self.wrap)
        if wrapping:  # words break onto more lines, never within a word
            give = {c: max(0, widths[c] - self.floor(c)) for c in self.wrap}
            total = sum(give.values()) or 1
            for c in self.wrap:
                widths[c] -= min(give[c], -(-give[c] * over // total))
        left = max(0, room - sum(widths.values()))
        for c in rest:
            widths[c] = max(least, left // len(rest))
        if not rest and self.keep:  # nothing to elide: the last column takes what is left
            widths[self.keep[-1]] += left
        return widths, wrapping

    def floor(self, column: int) -> int:
        """Wide enough for the column's longest word and its header."""
        table, metrics = self.table, self.table.fontMetrics()
        model = table.model()
        longest = table.horizontalHeader().sectionSizeHint(column)
        pad = _margin(table) + 1
        for row in range(min(model.rowCount(), _MEASURED)):
            text = str(model.index(row, column).data() or "")
            for word in text.split():
                longest = max(longest, metrics.horizontalAdvance(word) + pad)
        return longest


def _margin(table: QTableView) -> int:
    """A cell's margins around its text, and the grid line."""
    return 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 6


def fit_columns(table: QTableView, keep: Sequence[int], wrap: Sequence[int] = ()) -> ColumnFit:
    """``keep``: the columns that must show whole; ``wrap``: those of them that may take two
    lines. Call after ``table.setModel``."""
    return ColumnFit(table, keep, wrap)
