"""The report's files and the papan visual's page, shared by the commands and the window."""

from __future__ import annotations

from pathlib import Path

from kiosk.reports.model import Report
from ui.private_files import write_whole


def write_report(report: Report, folder: Path) -> list[Path]:
    """``laporan-PERIOD.pdf`` and ``laporan-PERIOD.xlsx``. Owner-only: the office's version has
    the small counts the public one hides."""
    from printing.report_pdf import report_pdf
    from printing.report_xlsx import report_xlsx

    code = report.period.code
    return [
        write_whole(folder / f"laporan-{code}.pdf", report_pdf(report)),
        write_whole(folder / f"laporan-{code}.xlsx", report_xlsx(report)),
    ]


def write_papan(report: Report, folder: Path) -> Path:
    """``index.html`` for the village website or a USB stick: public, aggregates only."""
    from printing.papan_html import papan_html

    return write_whole(folder / "index.html", papan_html(report).encode("utf-8"), private=False)
