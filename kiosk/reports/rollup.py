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


def tables(
    indicator: Indicator,
    facts: Iterable[Fact],
    on: date,
    words: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Table]:
    """The indicator's counts by each of its disaggregations (rows) and by sex (columns) when
    of people; one pass over the facts for all of them. ``words``: per reference list."""
    dims = [DIMENSIONS[d] for d in indicator.dims]
    cells: list[dict[tuple[str, str], _Cell]] = [defaultdict(_Cell) for _ in dims]
    totals: dict[str, _Cell] = defaultdict(_Cell)
    by_sex, field, keep = indicator.by_sex, indicator.unit_field, indicator.keep
    for fact in facts:
        if not keep(fact):
            continue
        unit = fact.get(field)
        weighted = "weight" in fact
        if unit is None and not weighted:
            continue
        weight = int(fact["weight"]) if weighted else 1
        columns = (sex_key(fact.get("sex")), TOTAL) if by_sex else (TOTAL,)
        for dim, dim_cells in zip(dims, cells, strict=True):
            for key in _values(dim, fact, on):
                for column in columns:
                    dim_cells[key, column].add(unit, weight)
        for column in columns:
            totals[column].add(unit, weight)
    return [
        _table(indicator, dim, dim_cells, totals, (words or {}).get(dim.reference or "", {}))
        for dim, dim_cells in zip(dims, cells, strict=True)
    ]


def _table(
    indicator: Indicator,
    dim: Dimension,
    cells: Mapping[tuple[str, str], _Cell],
    totals: Mapping[str, _Cell],
    words: Mapping[str, str],
) -> Table:
    sexes = SEX_KEYS if indicator.by_sex else ()
    columns = (*(SEX_LABELS[s] for s in sexes), TOTAL)
    keys = {k for k, _s in cells}
    row_totals = {k: cells[k, TOTAL].count for k in keys}
    empty = _Cell()
    rows = tuple(
        Row(
            k, _label(dim, k, words), tuple(cells.get((k, s), empty).count for s in (*sexes, TOTAL))
        )
        for k in _order(dim, keys, row_totals)
    )
    total = Row(TOTAL, TOTAL, tuple(totals[s].count if s in totals else 0 for s in (*sexes, TOTAL)))
    label = dim.label[0].lower() + dim.label[1:]
    alone = dim.code == "total" or len(indicator.dims) == 1
    title = indicator.name if alone else f"{indicator.name} menurut {label}"
    return Table(indicator.code, dim.code, title, indicator.unit, columns, rows, total, drill=True)


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
