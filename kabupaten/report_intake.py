"""A village's report arriving through the outbox (``laporan_dikirim``): checked, then kept as
the newest version of that office's report for the period, its counts cell by cell.

Per tenant: the token's office is the only office a report is filed under, and an office that
is a village (its code is the village code) can send only its own village's report; the
report's record is the one the kiosk names for its village and period, so no office can write
over another's. A second report for the same period replaces the first (its version goes up);
every version stays in ``operations`` as it came.
"""

from __future__ import annotations

import json
from array import array
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from kabupaten.tables import report_cell_keys, village_reports
from kiosk.reports.indicators import BY_CODE
from kiosk.reports.model import SEX_LABELS, TOTAL
from kiosk.reports.sending import ENTITY, OP_TYPE, STOCK_SOURCES, period_kind, report_entity

SEX_OF_COLUMN = {**{label: key for key, label in SEX_LABELS.items()}, TOTAL: "T"}
ALL = "_jumlah"  # the indicator's total row, once per indicator
TEXT_LIMITS = {"village_code": 16, "village_name": 120, "district_name": 120}


def cells(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The declared indicators' counts (a hidden "<5" is no count: left out), and each
    indicator's total row once. ValueError for a table the kiosk would never write."""
    out: dict[tuple[str, str, str, str], int] = {}
    totalled: set[str] = set()
    tables = payload.get("tables")
    if not isinstance(tables, list):
        raise ValueError("tables bukan daftar")
    for t in tables:
        if not isinstance(t, dict) or t.get("indicator") not in BY_CODE:
            continue  # the counter's figures and the overlap: for the village's own page
        code, dim = t["indicator"], str(t["dimension"])
        sexes = [SEX_OF_COLUMN[c] for c in t["columns"]]
        lines = [(dim, str(k)[:120], v) for k, _label, v in t["rows"]]
        if t.get("total") is not None and code not in totalled:
            totalled.add(code)
            lines.append((ALL, "_", t["total"]))
        for where, key, values in lines:
            if len(values) != len(sexes):
                raise ValueError("jumlah kolom tidak cocok")
            for sex, value in zip(sexes, values, strict=True):
                if isinstance(value, int) and not isinstance(value, bool) and value:
                    out[code, where, key, sex] = value
    return [
        {"indicator": i, "dimension": d, "key": k, "sex": s, "value": v}
        for (i, d, k, s), v in out.items()
    ]


def refusal(office: str, item: dict[str, Any]) -> str:
    """Why the report is refused ("" when it is not): another village's, malformed, or not the
    record the kiosk names for its village and period."""
    p = item["payload"]
    village, period = str(p.get("village_code", "")), str(p.get("period", ""))
    if item["entity_type"] != ENTITY:
        return "laporan harus berjenis report"
    if office.isdigit() and village != office:
        return "laporan desa lain: kantor hanya mengirim laporan desanya sendiri"
    if not office.isdigit() and str(p.get("office_code", "")) != office:
        return "laporan kantor lain: kantor hanya mengirim laporannya sendiri"
    if not period_kind(period) or item["entity_id"] != str(report_entity(village, period)):
        return "periode atau nomor laporan tidak sah"
    try:
        first, after = date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
        if not first < after or not isinstance(p.get("version"), int):
            return "periode atau versi laporan tidak sah"
        cells(p)
    except (KeyError, TypeError, ValueError) as exc:
        return f"laporan tidak terbaca: {str(exc)[:80]}"
    return ""


Cell = tuple[str, str, str, str]  # indicator, dimension, key, sex


def cell_ids(
    c: Connection, wanted: set[Cell], known: dict[Cell, int] | None = None
) -> dict[Cell, int]:
    """The number of each cell, new ones added (``known``: the caller's cache, kept filled)."""
    known = {} if known is None else known
    if not wanted <= known.keys():
        k = report_cell_keys.c
        rows = c.execute(select(k.id, k.indicator, k.dimension, k.key, k.sex)).all()
        known.update({(r.indicator, r.dimension, r.key, r.sex): r.id for r in rows})
        missing = sorted(wanted - known.keys())
        if missing:
            c.execute(
                insert(report_cell_keys),
                [
                    dict(zip(("indicator", "dimension", "key", "sex"), m, strict=True))
                    for m in missing
                ],
            )
            rows = c.execute(select(k.id, k.indicator, k.dimension, k.key, k.sex)).all()
            known.update({(r.indicator, r.dimension, r.key, r.sex): r.id for r in rows})
    return known


def packed(rows: list[dict[str, Any]], ids: dict[Cell, int]) -> dict[str, bytes]:
    """The four parts of a report's counts as (cell, value) pairs: events and figures read on
    a day, rows and totals."""
    stock = {i.code for i in BY_CODE.values() if i.source in STOCK_SOURCES}
    parts: dict[str, array[int]] = {
        name: array("q") for name in ("flows", "stocks", "flow_totals", "stock_totals")
    }
    for r in rows:
        name = ("stock" if r["indicator"] in stock else "flow") + (
            "_totals" if r["dimension"] == ALL else "s"
        )
        parts[name].extend((ids[r["indicator"], r["dimension"], r["key"], r["sex"]], r["value"]))
    return {name: a.tobytes() for name, a in parts.items()}


def keep(
    c: Connection,
    office: str,
    item: dict[str, Any],
    received_at: str,
    known: dict[Cell, int] | None = None,
) -> int:
    """File the report as the office's newest for its period; returns its version there."""
    p = item["payload"]
    rows = cells(p)
    ids = cell_ids(c, {(r["indicator"], r["dimension"], r["key"], r["sex"]) for r in rows}, known)
    values = {
        "first_day": p["start"],
        "after_day": p["end"],
        "kind": period_kind(p["period"]),
        "public": bool(p.get("public")),
        "op_id": item["op_id"],
        "received_at": received_at,
        "body": json.dumps(p),
        **packed(rows, ids),
        **{k: str(p.get(k) or "")[:n] for k, n in TEXT_LIMITS.items()},
    }
    mine = (village_reports.c.office == office, village_reports.c.period == p["period"])
    found = c.execute(select(village_reports.c.version).where(*mine)).scalar()
    if found is None:
        c.execute(
            insert(village_reports).values(office=office, period=p["period"], version=1, **values)
        )
        return 1
    c.execute(update(village_reports).where(*mine).values(version=found + 1, **values))
    return int(found + 1)


def is_report(item: dict[str, Any]) -> bool:
    return bool(item.get("op_type") == OP_TYPE)
