"""The kabupaten's papan: the kiosk's indicators (kiosk/reports) over the villages' reports,
by kecamatan and village, by sex, and each indicator's own breakdown across the kabupaten.

A period is read from the reports inside it: a village's report for exactly that period when
it sent one, else its shorter reports within it (a year from its months). Counts of what
happened in the period are added up; figures read on a day (the register, what is still open:
:data:`~kiosk.reports.sending.STOCK_SOURCES`) come from the village's latest report. The
database adds the cells up (two GROUP BY statements over the chosen reports), so a year of 300
villages' monthly reports is a few hundred thousand cells summed where they lie.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from kabupaten.board_words import dimension_words, kecamatan_name
from kabupaten.report_intake import Cell
from kabupaten.tables import report_cell_keys, village_reports
from kiosk.periods import Period
from kiosk.reports.dimensions import DIMENSIONS
from kiosk.reports.indicators import INDICATORS, PANELS, Indicator
from kiosk.reports.model import SEX_KEYS, SEX_LABELS, TOTAL, Panel, Row, Table, Value
from kiosk.reports.public import public_table

LOCAL_DIMENSIONS = ("dusun", "total")  # a dusun is the village's own: no kabupaten sum


@dataclass(frozen=True)
class Village:
    office: str
    code: str
    name: str
    kecamatan: str  # six digits (or the office's own when it is not a village code)


@dataclass(frozen=True)
class Board:
    period: Period
    villages: tuple[Village, ...]  # those whose reports are counted
    reports: int  # how many reports were read
    summed: bool  # some village's figures are a sum of shorter reports
    hidden: int  # reports that came with small counts already hidden
    panels: tuple[Panel, ...]
    public: bool = False


def _chosen(engine: Engine, period: Period, sees: Callable[[str], bool]) -> list[Any]:
    """Per office: its report for exactly the period, else its shorter ones inside it (the
    longest first, none overlapping)."""
    r = village_reports.c
    with engine.connect() as c:
        rows = c.execute(
            select(r.id, r.office, r.first_day, r.after_day, r.village_code, r.village_name)
            .add_columns(r.public, r.flows, r.stocks, r.flow_totals, r.stock_totals)
            .where(r.first_day >= period.start.isoformat(), r.after_day <= period.end.isoformat())
        ).all()
    by_office: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if sees(row.office):
            by_office[row.office].append(row)
    chosen = []
    for found in by_office.values():
        found.sort(
            key=lambda x: (
                -(date.fromisoformat(x.after_day) - date.fromisoformat(x.first_day)).days,
                x.first_day,
            )
        )
        taken: list[Any] = []
        for row in found:
            if all(row.after_day <= t.first_day or row.first_day >= t.after_day for t in taken):
                taken.append(row)
        chosen.extend(taken)
    return chosen


def add_pairs(acc: list[int] | dict[int, int], blob: bytes) -> None:
    pairs = array("q")
    pairs.frombytes(blob)
    for cell, value in zip(pairs[0::2], pairs[1::2], strict=True):
        acc[cell] += value


def _sums(
    engine: Engine, chosen: list[Any]
) -> tuple[list[Cell], list[int], dict[str, dict[int, int]]]:
    """The cells' words, the kabupaten's sums of every cell, and each office's indicator
    totals: events from every chosen report, figures read on a day from the office's latest."""
    k = report_cell_keys.c
    with engine.connect() as c:
        found = c.execute(select(k.id, k.indicator, k.dimension, k.key, k.sex)).all()
    names: list[Cell] = [("", "", "", "")] * (max((r.id for r in found), default=0) + 1)
    for r in found:
        names[r.id] = (r.indicator, r.dimension, r.key, r.sex)
    latest: dict[str, Any] = {}
    for row in chosen:
        if row.office not in latest or row.first_day > latest[row.office].first_day:
            latest[row.office] = row
    spread = [0] * len(names)
    per_office: dict[str, dict[int, int]] = {}
    for row in chosen:
        own = per_office.setdefault(row.office, defaultdict(int))
        add_pairs(spread, row.flows)
        add_pairs(own, row.flow_totals)
        if latest[row.office] is row:
            add_pairs(spread, row.stocks)
            add_pairs(own, row.stock_totals)
    return names, spread, per_office


def _columns(ind: Indicator) -> tuple[tuple[str, ...], tuple[str, ...]]:
    sexes = SEX_KEYS if ind.by_sex else ()
    return (*sexes, "T"), (*(SEX_LABELS[s] for s in sexes), TOTAL)


def _table(
    ind: Indicator, dim: str, title: str, counts: dict[str, dict[str, int]], labels: dict[str, str]
) -> Table:
    keys, columns = _columns(ind)
    ordered = sorted(counts, key=lambda k: (-counts[k].get("T", 0), labels.get(k, k)))
    rows = tuple(
        Row(k, labels.get(k, k), tuple(counts[k].get(s, 0) for s in keys)) for k in ordered
    )
    total = Row(TOTAL, TOTAL, tuple(sum(counts[k].get(s, 0) for k in counts) for s in keys))
    return Table(ind.code, dim, title, ind.unit, columns, rows, total)


Counts = dict[str, dict[str, dict[str, int]]]  # indicator -> row key -> sex -> count


@dataclass
class _Sums:
    """The chosen reports added up: per village and per kecamatan (indicator totals), and
    per indicator and disaggregation across the kabupaten."""

    villages: dict[str, Village]
    per_village: Counts
    per_kecamatan: Counts
    spread: dict[tuple[str, str], dict[str, dict[str, int]]]


def _added(engine: Engine, chosen: list[Any]) -> _Sums:
    villages = {
        row.office: Village(
            row.office,
            row.village_code,
            row.village_name,
            row.village_code[:6] if row.village_code.isdigit() else row.office,
        )
        for row in chosen
    }
    out = _Sums(
        villages,
        defaultdict(lambda: defaultdict(dict)),
        defaultdict(lambda: defaultdict(lambda: defaultdict(int))),
        defaultdict(lambda: defaultdict(dict)),
    )
    names, sums, offices = _sums(engine, chosen)
    for office, own in offices.items():
        for cell, value in own.items():
            if value:
                code, _dim, _key, sex = names[cell]
                out.per_village[code][office][sex] = value
                out.per_kecamatan[code][villages[office].kecamatan][sex] += value
    for cell, value in enumerate(sums):
        if value and names[cell][1] not in LOCAL_DIMENSIONS:
            code, dim, key, sex = names[cell]
            out.spread[code, dim][key][sex] = value
    return out


def _indicator_tables(ind: Indicator, sums: _Sums, kecamatan: str) -> list[Table]:
    """By kecamatan; by village for one kecamatan when asked; by each disaggregation."""
    villages = sums.villages
    kec_labels = {v.kecamatan: kecamatan_name(v.kecamatan) for v in villages.values()}
    out = [
        _table(
            ind,
            "kecamatan",
            f"{ind.name} menurut kecamatan",
            sums.per_kecamatan[ind.code],
            kec_labels,
        )
    ]
    if kecamatan:
        mine = {
            o: v
            for o, v in sums.per_village[ind.code].items()
            if villages[o].kecamatan == kecamatan
        }
        names = {v.office: v.name or v.office for v in villages.values()}
        out.append(_table(ind, "desa", f"{ind.name} menurut desa", mine, names))
    for dim in ind.dims:
        if dim in LOCAL_DIMENSIONS:
            continue
        label = DIMENSIONS[dim].label
        title = f"{ind.name} menurut {label[0].lower()}{label[1:]}"
        out.append(_table(ind, dim, title, sums.spread[ind.code, dim], dimension_words(dim)))
    return out


def build_board(
    engine: Engine,
    period: Period,
    sees: Callable[[str], bool] = lambda _o: True,
    kecamatan: str = "",
) -> Board:
    """The papan for ``period`` over the offices ``sees`` lets through; the villages' own
    table for one ``kecamatan`` when given (else by kecamatan only)."""
    chosen = _chosen(engine, period, sees)
    sums = _added(engine, chosen)
    tables: dict[str, list[Table]] = defaultdict(list)
    for ind in INDICATORS:
        tables[ind.panel].extend(_indicator_tables(ind, sums, kecamatan))
    panels = tuple(
        Panel(code, title, summary, tuple(tables[code]))
        for code, (title, summary) in PANELS.items()
    )
    whole = (period.start.isoformat(), period.end.isoformat())
    return Board(
        period,
        tuple(sorted(sums.villages.values(), key=lambda v: (v.kecamatan, v.name))),
        len(chosen),
        any((row.first_day, row.after_day) != whole for row in chosen),
        sum(1 for row in chosen if row.public),
        panels,
    )


def public_board(board: Board) -> Board:
    """The board with small counts hidden by the kiosk's own rule (``<5`` and ``*``)."""
    panels = tuple(
        Panel(p.code, p.title, p.summary, tuple(public_table(t) for t in p.tables), p.notes)
        for p in board.panels
    )
    return Board(
        board.period, board.villages, board.reports, board.summed, board.hidden, panels, public=True
    )


HEADLINE = (
    ("warga_dilayani", "Warga dilayani"),
    ("usulan_orang", "Warga diusulkan"),
    ("desil_tanpa_program", "Keluarga desil 1-4 tanpa program"),
    ("pengaduan_terbuka", "Pengaduan masih terbuka"),
    ("kasus_terlambat", "Kasus melewati tenggat"),
    ("rujukan_tanpa_jawaban", "Rujukan belum dijawab"),
)


def headline(board: Board) -> list[tuple[str, Value]]:
    """The kiosk's headline figures for the whole kabupaten (as hidden as the board is)."""
    totals = {
        t.indicator: t.total.values[-1]
        for p in board.panels
        for t in p.tables
        if t.dimension == "kecamatan" and t.total
    }
    return [(label, totals.get(code, 0)) for code, label in HEADLINE]
