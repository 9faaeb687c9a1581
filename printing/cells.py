"""Cells that cannot attack their reader: the one rule every XLSX and CSV export follows.

A name, address or reason typed at the counter (or read from a DTKS file) travels to the
verifying office and the kabupaten in a spreadsheet. One that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be a live formula there: ``=HYPERLINK("http://…"&A1)``
sends the row's NIK away when clicked. So in a workbook every text cell is stored as text (never
as a formula) and carries Excel's "quote prefix", which keeps it text when an officer edits it;
the value itself stays exactly as typed, since SIKS-NG data entry is typed from it. Numbers and
dates stay numbers and dates. A CSV has no cell types, so there the OWASP rule applies: every
field quoted, and a risky first character preceded by a single quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl (and numpy, which it imports when present) load when first used:
    # the window's pages import this module behind the log-in form, and numpy's start holds
    # the GIL for 50 ms (the form then stops taking keys)
    import re

    from openpyxl import Workbook

RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: object) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.startswith(RISKY_START)


@cache
def _illegal() -> re.Pattern[str]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


def cleaned(value: Any) -> Any:
    """``value`` with the control characters a workbook cannot hold removed (openpyxl refuses
    them, and one such name would stop the whole export)."""
    return _illegal().sub("", value) if isinstance(value, str) else value


def clean_row(values: Iterable[Any]) -> list[Any]:
    """A row ready for ``Worksheet.append``."""
    return [cleaned(v) for v in values]


def make_inert(wb: Workbook) -> None:
    """Every text cell of every sheet as text, never a formula; numbers and dates untouched."""
    for ws in wb.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula
                    cell.data_type = "s"
                if risky(cell.value):
                    cell.quotePrefix = True


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook's file, made inert first: how every export saves its workbook."""
    make_inert(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_field(value: object) -> str:
    """One CSV field, neutralised the OWASP way (the quoting is done by :func:`csv_bytes`)."""
    text = "" if value is None else str(value)
    return "'" + text if risky(text) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 CSV with every field quoted and neutralised, for any spreadsheet to open."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow([csv_field(h) for h in header])
    writer.writerows([csv_field(v) for v in r] for r in rows)
    return out.getvalue().encode("utf-8")
