"""Which village sent its report for a period and which has not.

The villages the kabupaten expects to hear from are every office it enrolled (an enrolment
code made, or tokens held), every office that ever sent a report, and the villages of the
kabupaten's own list when it loaded one (reference data set ``villages``: items with ``code``
and ``name``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, union
from sqlalchemy.engine import Engine

from kabupaten.board_words import kecamatan_name
from kabupaten.tables import enrolment_codes, reference, tokens, village_reports


@dataclass(frozen=True)
class Arrival:
    """One village for the period: its report's version and when it came, or nothing yet."""

    office: str
    name: str
    kecamatan: str
    version: int = 0
    received_at: str = ""
    kind: str = ""

    @property
    def sent(self) -> bool:
        return self.version > 0


def kecamatan_of(office: str, village_code: str = "") -> str:
    code = office if office.isdigit() else village_code
    return code[:6] if code.isdigit() and len(code) >= 6 else office


def _expected(engine: Engine) -> dict[str, str]:
    """Every office the kabupaten expects a report from, with a name when one is known."""
    offices = union(
        select(enrolment_codes.c.office),
        select(tokens.c.kiosk_id),
        select(village_reports.c.office),
    )
    with engine.connect() as c:
        found = {str(o): "" for (o,) in c.execute(offices)}
        listed = c.execute(
            select(reference.c["items"]).where(reference.c.dataset == "villages")
        ).scalar()
        for o, name in c.execute(select(village_reports.c.office, village_reports.c.village_name)):
            found[o] = found.get(o) or name
    for item in json.loads(listed) if listed else []:
        if isinstance(item, dict) and item.get("code"):
            code = str(item["code"]).replace(".", "")
            found[code] = found.get(code) or str(item.get("name") or "")
    return found


def arrivals(engine: Engine, period: str, sees: Callable[[str], bool]) -> list[Arrival]:
    """The villages ``sees`` lets through, by kecamatan and name: sent ones with their
    version, the others with none."""
    r = village_reports.c
    with engine.connect() as c:
        sent = {
            row.office: row
            for row in c.execute(
                select(
                    r.office, r.village_name, r.village_code, r.version, r.received_at, r.kind
                ).where(r.period == period)
            )
        }
    out = []
    for office, name in _expected(engine).items():
        if not sees(office):
            continue
        row = sent.get(office)
        if row is None:
            out.append(Arrival(office, name or office, kecamatan_of(office)))
            continue
        kec = kecamatan_of(office, row.village_code)
        out.append(Arrival(office, row.village_name, kec, row.version, row.received_at, row.kind))
    return sorted(out, key=lambda a: (a.kecamatan, a.sent, a.name))  # the silent first


def by_kecamatan(items: list[Arrival]) -> list[tuple[str, list[Arrival]]]:
    """Grouped for the page: ``[(Kec. name (code), [villages])]``."""
    groups: dict[str, list[Arrival]] = {}
    for item in items:
        groups.setdefault(item.kecamatan, []).append(item)
    return [(kecamatan_name(k), v) for k, v in groups.items()]


def report_body(engine: Engine, office: str, period: str) -> dict[str, object] | None:
    """The report as the village sent it (its newest version), for its own page."""
    r = village_reports.c
    with engine.connect() as c:
        row = c.execute(
            select(r.body, r.version, r.received_at).where(r.office == office, r.period == period)
        ).first()
    if row is None:
        return None
    body: dict[str, object] = json.loads(row.body)
    body["_version"], body["_received_at"] = row.version, row.received_at
    return body
