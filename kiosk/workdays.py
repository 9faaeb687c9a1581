"""Deadlines in village working days: Monday to Friday, minus public holidays (data)."""

from __future__ import annotations

from collections.abc import Set
from datetime import date, timedelta


def is_working_day(day: date, holidays: Set[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: Set[date]) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself never counts)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current
