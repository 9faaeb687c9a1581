"""``laporan-PERIOD.pdf``: the period's panels on the office's letterhead, each table with its
chart drawn as vector graphics (reportlab's own charts, so the PDF stays small and sharp on
any printer) and the numbers beneath it, by sex."""

from __future__ import annotations

from datetime import timedelta

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from kiosk.clock import tanggal
from kiosk.reports.model import Report, Table
from kiosk.reports.panels import headline
from printing.documents import (
    BODY,
    FONT,
    FONT_BOLD,
    SMALL,
    Header,
    build_pdf,
    grid,
    para,
    title_block,
)
from printing.report_values import number, shown

H2 = ParagraphStyle("h2", parent=BODY, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=8)
H3 = ParagraphStyle("h3", parent=BODY, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=6)
WIDTH = 174 * mm  # A4 less the margins
BAR = colors.HexColor("#1f5f8b")
MAX_BARS = 12


def _bars(t: Table) -> Drawing:
    rows = t.rows[:MAX_BARS]
    height = 14 * len(rows) + 24
    d = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = int(62 * mm), 16
    chart.width, chart.height = int(WIDTH - 76 * mm), height - 20
    chart.data = [[number(r.values[-1]) for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [r.label[:40] for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(chart.data[0]) * 1.15, 4)
    chart.valueAxis.labelTextFormat = lambda v: shown(int(v))
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = lambda v: shown(int(v))
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    d.add(chart)
    return d


def _line(t: Table) -> Drawing:
    d = Drawing(WIDTH, 60 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y = int(12 * mm), int(10 * mm)
    chart.width, chart.height = int(WIDTH - 16 * mm), int(46 * mm)
    chart.data = [[number(r.values[-1]) for r in t.rows]]
    step = max(1, len(t.rows) // 12)
    chart.categoryAxis.categoryNames = [
        r.label if i % step == 0 else "" for i, r in enumerate(t.rows)
    ]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT, 7
    chart.valueAxis.valueMin = 0
    chart.lines[0].strokeColor = BAR
    d.add(chart)
    return d


def _table(t: Table) -> tuple[list[Flowable], list[Flowable]]:
    """The title and chart (kept on one page), then the numbers (which may run on, their
    header repeated)."""
    lead: list[Flowable] = [para(t.title, H3)]
    if not t.rows:
        return [*lead, para("Tidak ada data dalam periode ini.", SMALL)], []
    if t.chart == "bar" and any(number(r.values[-1]) for r in t.rows):
        lead.append(_bars(t))
    elif t.chart == "line":
        lead.append(_line(t))
    head = ["", *t.columns]
    rows = [[r.label, *(shown(v) for v in r.values)] for r in t.rows]
    if t.total:
        rows.append([t.total.label, *(shown(v) for v in t.total.values)])
    first = 58 * mm if len(t.columns) < 7 else 30 * mm
    rest = (WIDTH - first) / len(t.columns)
    return lead, [grid(head, rows, [first, *([rest] * len(t.columns))], SMALL)]


def report_pdf(report: Report, invariant: bool = False) -> bytes:
    """The whole report, panel by panel."""
    p = report.period
    header = Header(report.site, f"LAPORAN/{p.code}", report.generated_at.date())
    story: list[Flowable] = title_block(header, f"LAPORAN PUSKESOS {p.label.upper()}")
    story.append(
        para(
            f"Periode {tanggal(p.start)} sampai {tanggal(p.end - timedelta(days=1))}. "
            f"Data DTKS/DTSEN: {report.snapshot}. Setiap jumlah orang dirinci menurut jenis "
            "kelamin; seseorang dihitung sekali walau datang berkali-kali."
        )
    )
    story.append(Spacer(1, 4))
    story.append(
        grid(
            ["Ringkasan", "Jumlah"],
            [[k, shown(v)] for k, v in headline(report)],
            [120 * mm, 54 * mm],
        )
    )
    for panel in report.panels:
        head: list[Flowable] = [para(panel.title, H2), para(panel.summary, SMALL)]
        head += [para(n, SMALL) for n in panel.notes]
        for i, t in enumerate(panel.tables):
            lead, numbers = _table(t)
            # A panel's heading stays with its first table's title and chart.
            story += [KeepTogether([*head, *lead] if i == 0 else lead), *numbers, Spacer(1, 4)]
        if not panel.tables:
            story += head
    return build_pdf(story, header, f"Laporan Puskesos {p.label}", invariant=invariant)
