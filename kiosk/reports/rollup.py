"""Counting: each unit once per row, by sex when the unit is a person or what a person brought.

A fact with a ``unit`` is a record (a visit, a case) and the same person may appear on many:
the roll-up keeps the set of units per cell and counts it. A fact with ``unit`` None is a
group the database already counted (the DTKS snapshot) and adds its ``weight``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from kiosk.reports.dimensions import DIMENSIONS, UNKNOWN, Dimension, Fact, sex_key
from kiosk.reports.indicators import Indicator
from kiosk.reports.model import SEX_KEYS, SEX_LABELS, TOTAL, Row, Table


class _Cell:
    __slots__ = ("units", "weight")

    def __init__(self) -> None:
        self.units: set[object] = set()
        self.weight = 0

    def add(self, unit: object, weight: int) -> None:
        if unit is None:
            self.weight += weight
        else:
            self.units.add(unit)

    @property
    def count(self) -> int:
        return self.weight + len(self.units)


def _values(dim: Dimension, fact: Fact, on: date) -> tuple[str, ...]:
    value = dim.read(fact, on)
    return value if isinstance(value, tuple) else (value,)


def _label(dim: Dimension, key: str, words: Mapping[str, str]) -> str:
    if dim.fixed and key in dim.fixed:
        return dim.fixed[key]
    if key == UNKNOWN:
        return "Tidak diketahui"
    return words.get(key, key.replace("_", " "))


def _order(dim: Dimension, keys: Iterable[str], counts: Mapping[str, int]) -> list[str]:
    if dim.order:
        return [k for k in dim.order if k in counts] + sorted(set(keys) - set(dim.order))
    # Largest first, unknown last: what the eye reads first on a chart.
    return sorted(keys, key=lambda k: (k == UNKNOWN, -counts[k], k))


def table(
    indicator: Indicator,
    dimension: str,
    facts: Iterable[Fact],
    on: date,
    words: Mapping[str, str] | None = None,
) -> Table:
    """The indicator's counts by ``dimension`` (rows) and by sex (columns) when of people."""
    dim = DIMENSIONS[dimension]
    words = words or {}
    cells: dict[tuple[str, str], _Cell] = defaultdict(_Cell)
    totals: dict[str, _Cell] = defaultdict(_Cell)
    for fact in facts:
        if not indicator.keep(fact):
            continue
        unit, weight = fact.get(indicator.unit_field), int(fact.get("weight", 1))
        if unit is None and "weight" not in fact:
            continue
        sex = sex_key(fact.get("sex")) if indicator.by_sex else TOTAL
        for column in {sex, TOTAL}:
            for key in _values(dim, fact, on):
                cells[key, column].add(unit, weight)
            totals[column].add(unit, weight)
    sexes = SEX_KEYS if indicator.by_sex else ()
    columns = (*(SEX_LABELS[s] for s in sexes), TOTAL)
    keys = {k for k, _s in cells}
    row_totals = {k: cells[k, TOTAL].count for k in keys}
    rows = tuple(
        Row(k, _label(dim, k, words), tuple(cells[k, s].count for s in (*sexes, TOTAL)))
        for k in _order(dim, keys, row_totals)
    )
    total = Row(TOTAL, TOTAL, tuple(totals[s].count for s in (*sexes, TOTAL)))
    label = dim.label[0].lower() + dim.label[1:]
    alone = dimension == "total" or len(indicator.dims) == 1
    title = indicator.name if alone else f"{indicator.name} menurut {label}"
    return Table(
        indicator.code,
        dimension,
        title,
        indicator.unit,
        columns,
        rows,
        total,
        drill=True,
        chart="bar",
    )


def records(
    indicator: Indicator, dimension: str, key: str, sex: str | None, facts: Iterable[Fact], on: date
) -> list[Fact]:
    """The facts behind one cell, one per unit (the first met), for the list an officer opens."""
    dim = DIMENSIONS[dimension]
    seen: set[object] = set()
    found: list[Fact] = []
    for fact in facts:
        unit = fact.get(indicator.unit_field)
        if unit is None or unit in seen or not indicator.keep(fact):
            continue
        if key != TOTAL and key not in _values(dim, fact, on):
            continue
        if sex and sex_key(fact.get("sex")) != sex:
            continue
        seen.add(unit)
        found.append(fact)
    return found
