"""How a report's numbers read on paper and on screen: 20.000, 5,2, "<5"."""

from __future__ import annotations

from kiosk.formatting import angka, desimal
from kiosk.reports.model import Value


def shown(value: Value) -> str:
    """A count with thousand dots, a mean or rate with a decimal comma, "<5" as it is."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return desimal(value)
    return angka(value)


def number(value: Value) -> float:
    """A value for a chart: a hidden count ("<5") draws as nothing."""
    return float(value) if isinstance(value, int | float) else 0.0
