"""The day an export's data was drawn, so the counter can say "DTKS per 31 Oktober 2026".

An officer rarely types it; the file usually says it. The export's own date column
("TANGGAL EXPORT", "TGL UPDATE", ...) is read first: it is what the kabupaten wrote. Then the
file name, as SIKS-NG and the dinas name their downloads: ``DTKS_3324_20261031.csv``,
``dtsen 2026-10-31.xlsx``, ``DTKS Oktober 2026.csv`` (a month alone means its first day).
Nothing found: None, and the caller asks the officer.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from kiosk.dtks.columns import Mapping
from kiosk.dtks.reader import Source, open_csv, open_xlsx
from kiosk.dtks.rows import parse_date

EARLIEST = date(2005, 1, 1)  # the BDT's first data collection; older is a misread number
SAMPLE_ROWS = 200

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}
# Digits not part of a longer number: 2026-10-31, 2026_10_31, 20261031, 31-10-2026, 31102026.
_YMD = re.compile(r"(?<!\d)(20\d\d)[-_. ]?(0[1-9]|1[0-2])[-_. ]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DMY = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])[-_. ]?(0[1-9]|1[0-2])[-_. ]?(20\d\d)(?!\d)")
_MONTH_YEAR = re.compile(r"(?<![a-z])([a-z]{3,9})[-_. ]*(20\d\d)(?!\d)")


def from_name(name: str, today: date) -> date | None:
    """The date a file name carries, if one plausible date is in it."""
    stem = Path(name).stem.lower()
    found: list[date] = []
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        for match in pattern.finditer(stem):
            parts = match.groups()
            year, month, day = (int(parts[i]) for i in order)
            try:
                found.append(date(year, month, day))
            except ValueError:
                continue
    if not found:
        for match in _MONTH_YEAR.finditer(stem):
            named = _MONTHS.get(match.group(1))
            if named:
                found.append(date(int(match.group(2)), named, 1))
    plausible = sorted({d for d in found if EARLIEST <= d <= today})
    return plausible[0] if len(plausible) == 1 else None


def from_column(path: Path, spreadsheet: bool, column: int, today: date) -> date | None:
    """The most common date in the export's date column over its first rows (the file was
    checked when it was opened for the import: it is only read again here)."""
    source = (open_xlsx if spreadsheet else open_csv)(path, [0])
    rows, _ = next(source.chunks(SAMPLE_ROWS), ([], None))
    days = Counter(
        d
        for cells in rows
        if len(cells) > column
        and (d := parse_date(cells[column])) is not None
        and EARLIEST <= d <= today
    )
    return days.most_common(1)[0][0] if days else None


def find(path: Path, source: Source, mapping: Mapping, today: date) -> tuple[date | None, str]:
    """The export's date and where it was found ("kolom <header>", "nama berkas"), or
    ``(None, "")``."""
    if mapping.date_column is not None:
        found = from_column(path, not source.texts, mapping.date_column, today)
        if found is not None:
            return found, f"kolom {source.headers[mapping.date_column]}"
    found = from_name(path.name, today)
    if found is not None:
        return found, "nama berkas"
    return None, ""
