"""The DTKS/DTSEN snapshot's facts for the office's village, in one pass over the snapshot.

A kabupaten snapshot holds a million rows; the village's are read once (a CTE the database
keeps for the statement) and grouped twice: people by (programmes, sex, decile, age group)
with their number as ``weight``, and households (id_keluarga, else No. KK) with the union of
their members' programmes and their lowest decile.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    and_,
    case,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from kiosk.models import DtksRecord
from kiosk.reports.dimensions import Fact
from kiosk.reports.scope import Scope

REGISTER_SOURCES = ("register_people", "register_households")


def split_programmes(programmes: str | None) -> tuple[str, ...]:
    """ "PKH,BPNT" (or several members' strings joined) as a sorted set of codes."""
    return tuple(sorted({p.strip() for p in (programmes or "").split(",") if p.strip()}))


def years_before(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


def age_band_sql(born: SQLColumnExpression[Any], on: date) -> ColumnElement[str]:
    """The age group in SQL, from cut-off birth days: the same rule as ``dimensions.age_band``."""
    return case(
        (born.is_(None), literal("?")),
        (born > years_before(on, 6), literal("0-5")),
        (born > years_before(on, 18), literal("6-17")),
        (born > years_before(on, 60), literal("18-59")),
        (born <= on, literal("60+")),
        else_=literal("?"),
    )


def register_facts(session: Session, scope: Scope) -> dict[str, list[Fact]]:
    """Both register sources for the village (empty without an active snapshot)."""
    if scope.snapshot_id is None:
        return {name: [] for name in REGISTER_SOURCES}
    family = func.coalesce(func.nullif(DtksRecord.family_id, ""), DtksRecord.no_kk)
    d = (
        select(
            family.label("k"),
            func.coalesce(DtksRecord.programmes, "").label("programmes"),
            DtksRecord.sex,
            DtksRecord.decile,
            age_band_sql(DtksRecord.birth_date, scope.on).label("age"),
        )
        .where(
            and_(
                DtksRecord.snapshot_id == scope.snapshot_id,
                DtksRecord.village_code == scope.village_code,
            )
        )
        .cte("village_rows")
    )
    people = select(
        literal("p").label("part"),
        d.c.programmes,
        d.c.sex,
        d.c.decile,
        d.c.age,
        null().label("k"),
        func.count().label("n"),
    ).group_by(d.c.programmes, d.c.sex, d.c.decile, d.c.age)
    homes = select(
        literal("k"),
        func.aggregate_strings(d.c.programmes, ","),
        null(),
        func.min(d.c.decile),
        null(),
        d.c.k,
        func.count(),
    ).group_by(d.c.k)
    out: dict[str, list[Fact]] = {name: [] for name in REGISTER_SOURCES}
    for part, progs, sex, decile, age, key, n in session.execute(union_all(people, homes)):
        if part == "p":
            out["register_people"].append(
                {
                    "unit": None,
                    "weight": int(n),
                    "programmes": split_programmes(progs),
                    "sex": sex,
                    "decile": decile,
                    "age": age,
                }
            )
        else:
            out["register_households"].append(
                {"unit": key, "decile": decile, "programmes": split_programmes(progs), "members": n}
            )
    return out
