"""Reporting periods as DHIS2 names them, in the office's time zone.

``2026-11-26`` a day, ``2026W48`` an ISO week, ``2026-11`` a month, ``2026Q4`` a quarter,
``2026S2`` a semester, ``2026`` a year; and relative ones as officers say them: *bulan ini*,
*bulan lalu*, *kuartal ini*, *kuartal lalu*, *semester lalu*, *tahun ini*, *tahun lalu*
(``this_month``, ``last_quarter`` ... in English). A period runs from local midnight of its
first day to local midnight after its last, so a visit at 23:59 WIB on 30 September belongs to
2026Q3 and one at 00:00 on 1 October to 2026Q4.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date

from kiosk.errors import ValidationError
from kiosk.messages import _

EXAMPLES = "2026-11 (bulan), 2026Q4 (kuartal), 2026S2 (semester), 2026 (tahun), 2026W48, 2026-11-26"


@dataclass(frozen=True)
class Period:
    """``start`` to ``end`` (the day after the last), named ``code`` and ``label``."""

    code: str
    label: str
    start: date
    end: date

    def bounds(self, zone: str) -> tuple[datetime, datetime]:
        """The period as UTC instants, from local midnight to local midnight."""
        tz = ZoneInfo(zone)
        first = datetime.combine(self.start, time(), tz).astimezone(UTC)
        after = datetime.combine(self.end, time(), tz).astimezone(UTC)
        return first, after


def _month(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    label = format_date(start, "MMMM y", locale="id")
    return Period(f"{year}-{month:02d}", label, start, end)


def _quarter(year: int, q: int) -> Period:
    start = date(year, 3 * q - 2, 1)
    end = _month(year, 3 * q).end
    return Period(f"{year}Q{q}", f"Triwulan {q} {year}", start, end)


def _semester(year: int, s: int) -> Period:
    start = date(year, 6 * s - 5, 1)
    end = _month(year, 6 * s).end
    return Period(f"{year}S{s}", f"Semester {s} {year}", start, end)


def _year(year: int) -> Period:
    return Period(str(year), f"Tahun {year}", date(year, 1, 1), date(year + 1, 1, 1))


def _week(year: int, week: int) -> Period:
    start = date.fromisocalendar(year, week, 1)
    return Period(f"{year}W{week}", f"Minggu {week} {year}", start, start + timedelta(days=7))


def _day(day: date) -> Period:
    label = format_date(day, "d MMMM y", locale="id")
    return Period(day.isoformat(), label, day, day + timedelta(days=1))


def _relative(text: str, today: date) -> Period | None:
    q, s = (today.month - 1) // 3 + 1, (today.month - 1) // 6 + 1
    last_month = today.replace(day=1) - timedelta(days=1)
    last_q = _quarter(today.year, q - 1) if q > 1 else _quarter(today.year - 1, 4)
    last_s = _semester(today.year, 1) if s == 2 else _semester(today.year - 1, 2)
    table: dict[tuple[str, ...], Callable[[], Period]] = {
        ("bulan ini", "this_month"): lambda: _month(today.year, today.month),
        ("bulan lalu", "last_month"): lambda: _month(last_month.year, last_month.month),
        ("kuartal ini", "triwulan ini", "this_quarter"): lambda: _quarter(today.year, q),
        ("kuartal lalu", "triwulan lalu", "last_quarter"): lambda: last_q,
        ("semester ini", "this_semester"): lambda: _semester(today.year, s),
        ("semester lalu", "last_semester"): lambda: last_s,
        ("tahun ini", "this_year"): lambda: _year(today.year),
        ("tahun lalu", "last_year"): lambda: _year(today.year - 1),
        ("hari ini", "today"): lambda: _day(today),
    }
    for names, make in table.items():
        if text in names:
            return make()
    return None


_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), lambda m: _day(date(*map(int, m.groups())))),
    (re.compile(r"(\d{4})-?W(\d{1,2})"), lambda m: _week(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})-(\d{1,2})"), lambda m: _month(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})Q([1-4])"), lambda m: _quarter(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})S([12])"), lambda m: _semester(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})"), lambda m: _year(int(m[1]))),
)


def parse_period(text: str, today: date) -> Period:
    """The period ``text`` names; a clear refusal, with examples, for anything else."""
    cleaned = " ".join(text.strip().split())
    relative = _relative(cleaned.lower(), today)
    if relative is not None:
        return relative
    for pattern, make in _FORMS:
        match = pattern.fullmatch(cleaned.upper())
        if match:
            try:
                return make(match)
            except ValueError:
                break  # month 13, week 54, 31 February
    raise ValidationError(
        _("Periode '{0}' tidak dikenal. Tulis misalnya {1}, atau 'bulan lalu'.").format(
            text.strip(), EXAMPLES
        ),
        field="period",
    )
