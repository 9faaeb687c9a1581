"""A4 documents reach a Qt printer page by page (here a PDF-file printer, no dialog)."""

import io
from datetime import date

import pypdf
from PySide6.QtPrintSupport import QPrinter

from printing import documents as d
from printing import prelist
from printing.rasterize import page_count, render_pages
from tests.printing.test_documents import BUILDERS, SITE
from ui.pdf_output import print_to


def test_rasterised_pages_have_a4_proportions():
    pdf = BUILDERS["rujukan"]()
    pages = list(render_pages(pdf, dpi=50))
    assert len(pages) == page_count(pdf) == 1
    w, h = pages[0].size
    assert abs(h / w - 297 / 210) < 0.02
    assert pages[0].getextrema()[0][0] < 100  # there is dark ink on the page


def test_print_to_a_qt_printer_keeps_every_page(qtbot, tmp_path):
    rows = [
        prelist.BnbaRow(
            f"33240157089{i:05d}", "3324011203150007", f"Warga {i}", "Kendal", "P", "RT 1", "Ibu"
        )
        for i in range(1, 61)
    ]
    pdf = prelist.prelist_bnba(
        d.Header(SITE, "DA/1", date(2026, 11, 23)), prelist.PrelistFacts(rows)
    )
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "dicetak.pdf"
    printer.setOutputFileName(str(target))
    printed = print_to(printer, pdf, dpi=60)
    assert printed == page_count(pdf) >= 2
    assert len(pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages) == printed
