"""What a report is made of, whichever way it is shown: tables of counts in panels.

Plain frozen data so the window, the PDF, the workbook and the web page draw the same numbers
and a test can compare them with counts it made itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.periods import Period
from kiosk.services.setup import SiteView

SEX_KEYS = ("L", "P", "?")
SEX_LABELS = {"L": "Laki-laki", "P": "Perempuan", "?": "Tidak diketahui"}
TOTAL = "Jumlah"

Value = int | float | str  # a count, a mean or a rate, or "<5" once made public


@dataclass(frozen=True)
class Row:
    """One line of a table: ``key`` is the stored value (for the records behind it)."""

    key: str
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Table:
    """Counts of one indicator by one disaggregation (``dimension``), by sex when of people."""

    indicator: str
    dimension: str
    title: str
    unit: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    total: Row | None = None
    drill: bool = False  # the records behind a count can be listed (for roles that may)
    chart: str = "bar"  # bar, line or none

    def value(self, key: str, column: str = TOTAL) -> Value:
        """The cell at row ``key`` and ``column``: 0 when the row is absent."""
        rows = [self.total] if key == TOTAL and self.total else self.rows
        for row in rows:
            if row.key == key or (row is self.total and key == TOTAL):
                return row.values[self.columns.index(column)]
        return 0


@dataclass(frozen=True)
class Panel:
    code: str
    title: str
    summary: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """A period's panels for the office, with what the DTKS figures were taken from."""

    period: Period
    site: SiteView
    generated_at: datetime
    snapshot: str  # "DTSEN 12 Oktober 2026" or "belum ada"
    panels: tuple[Panel, ...] = field(default_factory=tuple)
    public: bool = False

    def table(self, indicator: str, dimension: str | None = None) -> Table:
        """The first table of ``indicator`` (by ``dimension`` when given)."""
        for panel in self.panels:
            for t in panel.tables:
                if t.indicator == indicator and dimension in (None, t.dimension):
                    return t
        raise KeyError(f"{indicator}/{dimension}")


def as_of(period: Period, today: date) -> date:
    """The day a "still open" figure is read on: the period's last day, or today if sooner."""
    from datetime import timedelta

    return min(period.end - timedelta(days=1), today)
