"""Time: store UTC, show the site's zone (WIB, WITA or WIT).

A single ``Clock`` is passed to services so tests can freeze time (midnight resets of queue
numbers, working-day deadlines) without monkeypatching ``datetime``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def utcnow() -> datetime:
    """Aware UTC now."""
    return datetime.now(UTC)


@dataclass
class Clock:
    """Source of 'now'; ``frozen`` pins it for tests."""

    frozen: datetime | None = None
    zone: str = "Asia/Jakarta"
    _tz: ZoneInfo = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._tz = ZoneInfo(self.zone)

    def now(self) -> datetime:
        """Aware UTC now (or the frozen instant)."""
        return self.frozen if self.frozen is not None else utcnow()

    def local(self, instant: datetime | None = None) -> datetime:
        """``instant`` (default now) in the site's zone."""
        return (instant or self.now()).astimezone(self._tz)

    def today(self) -> date:
        """The site's local date: queue numbers and deadlines follow the village clock."""
        return self.local().date()

    def zone_label(self) -> str:
        """WIB / WITA / WIT for printing next to times."""
        return ZONES.get(self.zone, self.zone)


def tanggal(day: date, with_weekday: bool = False) -> str:
    """``23 November 2026`` (optionally ``Senin, 23 November 2026``), as letters write it:
    Babel's CLDR names for Indonesian, through kiosk/formatting.py."""
    from kiosk.formatting import tanggal_panjang  # Babel loads only when a date is written

    return tanggal_panjang(day, with_weekday)


def tanggal_jam(instant: datetime, clock: Clock) -> str:
    """``23-11-2026 10:30 WIB`` in the site's zone: short enough for a 32-column slip."""
    local = clock.local(instant)
    return f"{local:%d-%m-%Y %H:%M} {clock.zone_label()}"
