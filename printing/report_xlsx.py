"""``laporan-PERIOD.xlsx``: one sheet per panel, each table as real numbers (not text) with its
sex columns, and a first sheet naming every indicator with its definition, so the kabupaten can
add the villages' workbooks together."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from kiosk.reports.indicators import INDICATORS, PANELS
from kiosk.reports.model import Report, Table
from kiosk.reports.panels import headline
from printing.cells import cleaned, workbook_bytes

BOLD = Font(bold=True)


def _put(ws: Worksheet, row: int, values: list[Any], bold: bool = False) -> None:
    for col, value in enumerate(values, 1):
        cell = ws.cell(row=row, column=col, value=cleaned(value))
        if isinstance(value, float):
            cell.number_format = "0.0"
        elif isinstance(value, int):
            cell.number_format = "#,##0"
        if bold:
            cell.font = BOLD


def _table(ws: Worksheet, row: int, t: Table) -> int:
    _put(ws, row, [t.title], bold=True)
    _put(ws, row + 1, [f"Satuan: {t.unit}", *t.columns], bold=True)
    row += 2
    for r in [*t.rows, *([t.total] if t.total else [])]:
        _put(ws, row, [r.label, *r.values], bold=r is t.total)
        row += 1
    return row + 1


def _summary(ws: Worksheet, report: Report) -> None:
    p = report.period
    _put(ws, 1, [f"Laporan {report.site.name} - {p.label}"], bold=True)
    _put(ws, 2, ["Periode", p.code, p.start, p.end])
    ws.cell(row=2, column=3).number_format = ws.cell(row=2, column=4).number_format = "dd/mm/yyyy"
    _put(ws, 3, ["Data DTKS/DTSEN", report.snapshot])
    row = 5
    for label, value in headline(report):
        _put(ws, row, [label, value])
        row += 1
    row += 1
    _put(ws, row, ["Kode", "Indikator", "Panel", "Satuan", "Definisi", "Yang dihitung"], bold=True)
    for ind in INDICATORS:
        row += 1
        _put(
            ws,
            row,
            [ind.code, ind.name, PANELS[ind.panel][0], ind.unit, ind.definition, ind.counts],
        )
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 36
    ws.column_dimensions["E"].width = 60


def report_xlsx(report: Report) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Ringkasan"
    _summary(ws, report)
    for panel in report.panels:
        sheet = wb.create_sheet(panel.code.replace("_", " ").title()[:31])
        _put(sheet, 1, [panel.title], bold=True)
        _put(sheet, 2, [panel.summary])
        row = 4
        for note in panel.notes:
            _put(sheet, row - 1, [note])
        for t in panel.tables:
            row = _table(sheet, row, t)
        sheet.column_dimensions["A"].width = 44
    return workbook_bytes(wb)
