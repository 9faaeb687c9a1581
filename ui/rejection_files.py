"""The list of rows a DTKS import refused, saved by the command and the import page alike:
written whole and for its owner only (it holds the refused NIKs), every cell inert."""

from __future__ import annotations

from pathlib import Path

from kiosk.dtks.importer import ImportReport
from printing.cells import csv_bytes
from ui.private_files import write_whole

HEADER = ("baris", "alasan", "nilai")


def write_rejections(path: Path, report: ImportReport) -> Path:
    """``path`` as a CSV: file line, reason, the value refused."""
    return write_whole(path, csv_bytes(HEADER, report.rejections))
