"""A report fit for the papan visual: counts under five hidden so no household can be singled
out, and nothing that leads to a record.

Primary rule: a count of 1-4 people, households, cases or referrals shows as "<5". Secondary
rule: where a row or a column would give a hidden count back by subtraction (exactly one hidden
cell in a line that adds up, the total row's line included: "L <5, P 10, Jumlah 13" gives the
3 back), the next smallest count in that line is hidden too, marked "*" (not "<5": it is 5 or
more, hidden only so the small one stays hidden; the page says so in :data:`LEGEND`). Means,
rates and the per-day ticket line stay: they name no one.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.reports.model import Panel, Report, Row, Table, Value

SMALL = "<5"  # a count of 1-4
HIDDEN = "*"  # a larger count hidden so that the total cannot give a small one back
LEGEND = "* disembunyikan agar angka kecil tidak bisa dihitung ulang dari jumlahnya"
COUNT_UNITS = ("orang", "keluarga", "kasus", "rujukan", "usulan", "kelompok")


def _small(v: Value) -> bool:
    return isinstance(v, int) and 0 < v < 5


def _hide_second(cells: list[list[Value]], line: list[tuple[int, int]]) -> bool:
    """Hide one more cell of ``line`` when exactly one is hidden; True when one was."""
    hidden = [rc for rc in line if cells[rc[0]][rc[1]] in (SMALL, HIDDEN)]
    if len(hidden) != 1:
        return False
    shown = [rc for rc in line if isinstance(cells[rc[0]][rc[1]], int) and cells[rc[0]][rc[1]]]
    if not shown:
        return False
    r, c = min(shown, key=lambda rc: cells[rc[0]][rc[1]])
    cells[r][c] = HIDDEN
    return True


def _lines(t: Table, rows: int) -> list[list[tuple[int, int]]]:
    """Every set of cells that adds up: a row with its total column (the total row too), a
    column with its total row. The total is a member of its line: with it hidden and every part
    shown, the parts give it back as surely as a total gives back a part."""
    lines: list[list[tuple[int, int]]] = []
    if len(t.columns) > 1 and t.total:
        lines += [[(r, c) for c in range(len(t.columns))] for r in range(rows)]
    if t.total and rows > 2:  # one body row and its total row are the same numbers
        lines += [[(r, c) for r in range(rows)] for c in range(len(t.columns))]
    return lines


def _suppress(t: Table) -> Table:
    if t.unit not in COUNT_UNITS:
        return replace(t, drill=False)
    grid = [list(r.values) for r in t.rows] + ([list(t.total.values)] if t.total else [])
    for values in grid:
        for i, v in enumerate(values):
            if _small(v):
                values[i] = SMALL
    lines = _lines(t, len(grid))
    changed = True
    while changed:  # a second hidden cell may open another line: repeat until none does
        changed = False
        for line in lines:
            changed |= _hide_second(grid, line)
    rows = tuple(Row(r.key, r.label, tuple(v)) for r, v in zip(t.rows, grid, strict=False))
    new_total = Row(t.total.key, t.total.label, tuple(grid[-1])) if t.total else t.total
    return replace(t, rows=rows, total=new_total, drill=False)


def public_table(t: Table) -> Table:
    """One table with small counts hidden (the kabupaten's papan uses the same rule)."""
    return _suppress(t)


def public(report: Report) -> Report:
    """The report with small counts hidden, for the web and the office's screen."""
    panels = tuple(
        Panel(p.code, p.title, p.summary, tuple(_suppress(t) for t in p.tables), p.notes)
        for p in report.panels
    )
    return replace(report, panels=panels, public=True)
