"""Papan visual: the period's panels for coordinators, supervisors and administrators.

The report is computed off the UI thread; a chart is drawn only for the table being looked at,
so opening a panel never stalls the window. Every chart has its table of numbers beside it
(screen readers read the table); Enter or a double-click on a count lists the records behind it
for officers who may see cases. The same report saves as PDF and XLSX, and the public version
(counts under five hidden) as the web page for the village.

The panels count cases, queue tickets, the DTKS snapshot and reference lists: work on any of
them makes the report stale, counted again when the page is looked at (ui/pages/base.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.errors import KioskError
from kiosk.periods import EXAMPLES, Period, parse_period
from kiosk.reports.indicators import BY_CODE
from kiosk.reports.model import SEX_KEYS, TOTAL, Panel, Report, Row, Table
from kiosk.reports.panels import headline
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.reports import NO_LIST, RecordLine, office_report, public_report, report_records
from printing.report_values import shown
from ui import file_dialogs, words
from ui.env import UiEnv
from ui.forms import message_of, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.period_field import PeriodField
from ui.report_chart import chart_for
from ui.report_records import RecordsDialog
from ui.report_sending import SendRow
from ui.row_model import RowTableModel


class _CountTable(QTableView):
    """Numbers of one report table; Enter on a count asks for its records."""

    def __init__(self, on_open: Callable[[QModelIndex], None]):
        super().__init__()
        self._on_open = on_open
        self.doubleClicked.connect(on_open)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._on_open(self.currentIndex())
            return
        super().keyPressEvent(event)


class _FillTabs(QTabWidget):
    """Asks for no more than its minimum: the charts take the height the screen has left, and
    the page never grows a scrollbar for them (the scroll area sizes a page by its hint)."""

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


class PanelView(QWidget):
    """One panel: the list of its tables, the chosen table's chart and numbers."""

    def __init__(self, page: PapanPage, panel: Panel):
        super().__init__()
        self.page, self.panel = page, panel
        self.setObjectName(f"papan_panel_{panel.code}")
        summary = QLabel(" ".join((panel.summary, *panel.notes)))
        summary.setWordWrap(True)
        self.tables = QComboBox()
        self.tables.setObjectName("papan_tables")
        self.tables.setAccessibleName(
            translate("papan", "Tabel pada panel {0}").format(panel.title)
        )
        self.tables.addItems([t.title for t in panel.tables])
        self.tables.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tables.setMinimumContentsLength(30)
        choose = QLabel(translate("papan", "T&abel:"))
        choose.setBuddy(self.tables)
        pick = QHBoxLayout()
        pick.addWidget(choose)
        pick.addWidget(self.tables, 1)
        self.chart = QChartView()
        self.chart.setObjectName("papan_chart")
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chart.setMinimumSize(300, 180)
        self.model: RowTableModel[Row] = RowTableModel((), lambda r: (), self)
        self.numbers = _CountTable(self.open_records)
        self.numbers.setObjectName("papan_numbers")
        self.numbers.setMinimumSize(300, 120)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.chart)
        split.addWidget(self.numbers)
        split.setSizes([560, 480])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(pick)
        layout.addWidget(split, 1)
        self.tables.currentIndexChanged.connect(self.show_table)
        self._drawn = False

    def showEvent(self, event: QShowEvent) -> None:
        """Drawn when first looked at: five panels' charts at once would hold the window."""
        super().showEvent(event)
        if not self._drawn and self.panel.tables:
            # After the tab has been laid out, in a turn of its own: the window stays live.
            QTimer.singleShot(0, self, self._first_draw)  # cancelled if the panel is gone

    def _first_draw(self) -> None:
        if not self._drawn:
            self.show_table(self.tables.currentIndex())

    def current(self) -> Table | None:
        row = self.tables.currentIndex()
        return self.panel.tables[row] if 0 <= row < len(self.panel.tables) else None

    def show_table(self, row: int) -> None:
        t = self.current()
        if t is None:
            return
        self._drawn = True
        self.chart.setChart(chart_for(t, bool(self.page.env.settings.get("high_contrast"))))
        self.chart.setAccessibleName(
            translate("papan", "Grafik: {0}. Angkanya ada di tabel di bawahnya.").format(t.title)
        )
        rows = [*t.rows, *([t.total] if t.total else [])]
        # Formatted once (babel's 20.000), not at every repaint of a cell.
        # The total's word is the window's; the rows' are the office's data.
        text = {id(r): (_label(r), *(shown(v) for v in r.values)) for r in rows}
        heads = ("", *(words.column(c) for c in t.columns))
        self.model = RowTableModel(heads, lambda r: text[id(r)], self)
        self.model.set_rows(rows)
        self.numbers.setModel(self.model)
        self.numbers.setAccessibleName(
            translate("papan", "{0} (satuan: {1})").format(t.title, t.unit)
        )
        self.numbers.resizeColumnsToContents()
        self._place_numbers()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_numbers()

    def _place_numbers(self) -> None:
        """The numbers beside the chart, as wide as their columns, when the chart keeps its
        least width; below it otherwise (large text, a netbook): never behind a sideways
        scrollbar."""
        table = self.numbers
        wanted = (
            table.horizontalHeader().length()
            + table.verticalHeader().width()
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )
        whole = self.split.width()
        beside = whole - self.split.handleWidth() - wanted >= self.chart.minimumWidth()
        self.split.setOrientation(Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical)
        if beside:
            self.split.setSizes([whole - wanted, wanted])

    def open_records(self, index: QModelIndex) -> None:
        t = self.current()
        if t is None or not index.isValid():
            return
        row = self.model.row(index.row())
        column = index.column() - 1
        sex = SEX_KEYS[column] if 0 <= column < len(SEX_KEYS) and len(t.columns) > 1 else None
        self.page.open_records(t, row, sex)


class PapanPage(Page):
    """The period's report, counted again when what it counts changes."""

    shows = frozenset({Kind.CASES, Kind.TICKETS, Kind.DTKS, Kind.REFERENCE})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "papan_page", parent)
        self.report: Report | None = None
        self.period: Period | None = None
        self.stale = True  # the current month on first view: the page is for looking
        title = self.title_label(translate("papan", "Papan visual dan laporan"))
        self.period_edit = PeriodField()
        self.period_edit.setObjectName("papan_period")
        self.period_edit.setAccessibleName(translate("papan", "Periode laporan"))
        self.period_edit.setToolTip(
            translate("papan", "Mis. {0}, bulan lalu, kuartal lalu").format(EXAMPLES)
        )
        self.period_edit.entered.connect(self.show_period)
        label = QLabel(translate("papan", "&Periode:"))
        label.setBuddy(self.period_edit)
        show = QPushButton(translate("papan", "&Tampilkan"))
        show.clicked.connect(self.show_period)
        show.setProperty("primary", True)
        self.save = QPushButton(translate("papan", "Simpan &laporan (PDF, XLSX)…"))
        self.save.setObjectName("papan_save")
        self.save.clicked.connect(self.on_save)
        self.web = QPushButton(translate("papan", "Simpan papan &web…"))
        self.web.setObjectName("papan_web")
        self.web.setToolTip(
            translate(
                "papan", "index.html untuk situs desa atau TV kantor: angka di bawah 5 ditulis <5"
            )
        )
        self.web.clicked.connect(self.on_web)
        for b in (self.save, self.web):
            b.setEnabled(False)
        controls = QHBoxLayout()
        for w in (label, self.period_edit, show, self.save, self.web):
            controls.addWidget(w)
        controls.addStretch(1)
        self.send_row = SendRow(env, actor, lambda: self.period, self._failed)
        self.tiles = QGridLayout()
        self.info = QLabel(translate("papan", "Pilih periode lalu tekan Tampilkan."))
        self.info.setObjectName("papan_info")
        self.info.setWordWrap(True)
        self.first_field = self.period_edit
        self.tabs = _FillTabs()
        self.tabs.setObjectName("papan_tabs")
        self.tabs.setAccessibleName(translate("papan", "Panel papan visual"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(self.send_row)
        layout.addLayout(self.tiles)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    def heightForWidth(self, width: int) -> int:
        """Sized by the screen, not by its wrapped labels' wish: the charts shrink instead
        (the scroll area asks this of a page whose layout has wrapped labels)."""
        return self.minimumSizeHint().height()

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def show_period(self) -> None:
        """The Show button and Enter in the period field."""
        self.load()

    def reading(self) -> Op[Report] | None:
        show_error(self.error, "")
        try:
            period = parse_period(self.period_edit.value(), self.env.clock.today())
        except KioskError as exc:
            show_error(self.error, exc.message)
            return None
        self.info.setText(translate("papan", "Menghitung {0}…").format(period.label))
        return self.env.op(self, office_report, self.actor, period, self.env.clock)

    def loaded(self, report: Report) -> None:
        self.report, self.period = report, report.period
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        for i, (label, value) in enumerate(headline(report)):
            tile = QLabel(
                translate("papan", "{0}<br><b style='font-size:150%'>{1}</b>").format(
                    label, shown(value)
                )
            )
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setAccessibleName(f"{label}: {shown(value)}")
            tile.setWordWrap(True)
            self.tiles.addWidget(tile, 0, i)
        current = self.tabs.currentIndex()
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for view in old:  # clear() only takes them out of the tabs
            if view is not None:
                view.deleteLater()
        for panel in report.panels:
            self.tabs.addTab(PanelView(self, panel), _short(panel.code))
        self.tabs.setCurrentIndex(max(current, 0))
        self.info.setText(
            translate(
                "papan",
                "{0}. Data DTKS/DTSEN: {1}. Enter atau klik dua kali pada angka untuk "
                "melihat rekaman di baliknya.",
            ).format(report.period.label, report.snapshot)
        )
        for b in (self.save, self.web):
            b.setEnabled(True)
        self.send_row.refresh()

    def open_records(self, t: Table, row: Row, sex: str | None) -> None:
        indicator = BY_CODE.get(t.indicator)
        if self.period is None or indicator is None or t.dimension not in indicator.dims:
            show_error(self.error, translate("papan", "Angka ini tidak punya daftar rekaman."))
            return
        if indicator.source in NO_LIST:
            show_error(
                self.error,
                translate("papan", "Angka ini dari data DTKS/DTSEN; lihat di halaman Data DTKS."),
            )
            return
        if not self.actor.can(Perm.VIEW_CASE):
            show_error(
                self.error,
                translate("papan", "Daftar nama hanya untuk petugas yang boleh melihat kasus."),
            )
            return
        title = f"{t.title}: {row.label}"
        self.env.op(
            self,
            report_records,
            self.actor,
            self.period,
            t.indicator,
            t.dimension,
            row.key,
            sex,
            self.env.clock,
        ).success(lambda lines: self.show_records(title, lines)).failure(self._failed).run()

    def show_records(self, title: str, lines: list[RecordLine]) -> None:
        RecordsDialog(title, lines, self).open()

    def choose_folder(self, caption: str) -> str:
        """The folder to save into (a test answers this without a dialog)."""
        return file_dialogs.choose_folder(self, caption)

    def on_save(self) -> None:
        report = self.report
        folder = (
            self.choose_folder(translate("papan", "Simpan laporan ke folder")) if report else ""
        )
        if not report or not folder:
            return
        from ui.report_files import write_report

        self.env.run(self, write_report, report, Path(folder)).success(self._saved).failure(
            self._failed
        ).run()

    def on_web(self) -> None:
        folder = (
            self.choose_folder(translate("papan", "Simpan papan web ke folder"))
            if self.period
            else ""
        )
        if not self.period or not folder:
            return
        from ui.report_files import write_papan

        def saved(board: Report) -> None:
            try:
                self._saved([write_papan(board, Path(folder))])
            except OSError as exc:
                self._failed(exc)

        self.env.op(self, public_report, self.actor, self.period, self.env.clock).success(
            saved
        ).failure(self._failed).run()

    def _saved(self, written: list[Path]) -> None:
        self.info.setText(
            translate("papan", "Disimpan: {0}").format(", ".join(str(p) for p in written))
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            show_error(
                self.error,
                translate("papan", "Berkas tidak dapat ditulis ({0}). Pilih folder lain.").format(
                    exc.strerror
                ),
            )
            return
        show_error(self.error, message_of(exc))


_SHORT = {
    "usulan": QT_TRANSLATE_NOOP("papan", "1. Usulan data"),
    "akses": QT_TRANSLATE_NOOP("papan", "2. Akses program"),
    "tumpang_tindih": QT_TRANSLATE_NOOP("papan", "3. Tumpang tindih"),
    "kesenjangan": QT_TRANSLATE_NOOP("papan", "4. Kesenjangan"),
    "layanan": QT_TRANSLATE_NOOP("papan", "Kinerja layanan"),
}


def _short(code: str) -> str:
    """A panel's tab, in the chosen language."""
    return translate("papan", _SHORT[code]) if code in _SHORT else code


def _label(row: Row) -> str:
    return words.column(row.label) if row.key == TOTAL else row.label
