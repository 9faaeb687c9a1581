"""The report workbook: numbers stay numbers, and text from the office's own data (the site's
name, a reference list's label) stays inert text however it begins."""

from __future__ import annotations

import io
from dataclasses import replace

from openpyxl import load_workbook

from printing.report_xlsx import report_xlsx

LINK = '=HYPERLINK("http://127.0.0.1/x?"&B2,"Klik")'


def test_text_is_inert_and_numbers_stay_numbers(report):
    panel = report.panels[-1]
    table = panel.tables[0]
    hostile_row = replace(table.rows[0], label="+Kategori")
    table = replace(table, rows=(hostile_row, *table.rows[1:]))
    panel = replace(panel, tables=(table, *panel.tables[1:]))
    hostile = replace(
        report, site=replace(report.site, name=LINK), panels=(*report.panels[:-1], panel)
    )
    wb = load_workbook(io.BytesIO(report_xlsx(hostile)))
    cells = [c for ws in wb.worksheets for r in ws.iter_rows() for c in r]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = [c.value for c in cells]
    assert f"Laporan {LINK} - {report.period.label}" in values  # as it is, never evaluated
    assert "+Kategori" in values
    assert any(isinstance(v, int) and v > 0 for v in values)  # counts are numbers
    assert next(c for c in cells if c.value == "+Kategori").quotePrefix
