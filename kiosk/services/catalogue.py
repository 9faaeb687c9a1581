"""The programme catalogue as every officer reads it: name, level, managing body, who it is
for and its criteria in words.

Informing citizens about programmes is a duty of the front office in every regulation the
office follows, so every officer may read the catalogue; changing it stays the
administrator's (``eligibility.programme_catalogue``, ``set_programme_rules``,
``reference.add_programme``). The search matches the words an officer hears at the counter
("sembako", "lansia", "Dinas Sosial"), ignoring case and extra spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.models import Programme
from kiosk.services.actor import Actor
from kiosk.services.registry import action


@dataclass(frozen=True)
class ProgrammeInfo:
    """One programme as the counter tells a citizen about it."""

    code: str
    name: str
    level: str  # desa, kabupaten, provinsi, pusat, non_pemerintah (the window words it)
    managing_body: str
    unit: str  # keluarga / orang: who it is for
    criteria: str  # in words, as the catalogue gives them


def matches(info: ProgrammeInfo, query: str) -> bool:
    """Every word of the query appears in the programme's code, name, managing body or
    criteria (case ignored); an empty query matches all."""
    text = " ".join((info.code, info.name, info.managing_body, info.criteria)).casefold()
    return all(word in text for word in query.casefold().split())


@action(label="Melihat katalog program bantuan (baca saja)")
def programme_info(session: Session, actor: Actor, query: str = "") -> list[ProgrammeInfo]:
    """The active programmes, by level then name, that match ``query``."""
    order = {"desa": 0, "kabupaten": 1, "provinsi": 2, "pusat": 3, "non_pemerintah": 4}
    rows = [
        ProgrammeInfo(p.code, p.name, p.level, p.managing_body, p.unit, p.criteria)
        for p in session.scalars(select(Programme).where(Programme.active))
    ]
    rows.sort(key=lambda r: (order.get(r.level, 9), r.name.casefold()))
    return [r for r in rows if matches(r, query)]
