"""One search box for the counter: registered citizens first, then the DTKS snapshot."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksEntry, search_dtks
from kiosk.services.people import find_people
from kiosk.services.registry import action


@dataclass(frozen=True)
class Hit:
    """A search result: a registered person (``person_id``) or a DTKS entry to register."""

    source: str  # "terdaftar" or "dtks"
    name: str
    nik: str | None
    no_kk: str | None
    birth: str
    address: str
    person_id: uuid.UUID | None = None
    dtks: DtksEntry | None = None


@action(Perm.CHECK_DTKS, label="Mencari warga terdaftar dan di DTKS")
def lookup(
    session: Session,
    actor: Actor,
    query: str,
    limit: int = 30,
    birth_year: int | None = None,
    village: str | None = None,
) -> list[Hit]:
    """Registered people, then DTKS people not yet registered (same NIK shown once);
    optionally narrowed to a birth year and a village."""
    hits: list[Hit] = []
    for p in find_people(session, actor, query, limit):
        if birth_year and (p.birth_date is None or p.birth_date.year != birth_year):
            continue
        birth = p.birth_date.strftime("%d-%m-%Y") if p.birth_date else ""
        hits.append(Hit("terdaftar", p.name, p.nik, p.no_kk, birth, p.address, person_id=p.id))
    seen = {h.nik for h in hits if h.nik}
    for e in search_dtks(session, actor, query, limit, village, birth_year):
        if e.nik and e.nik in seen:
            continue
        birth = e.birth_date.strftime("%d-%m-%Y") if e.birth_date else ""
        address = " ".join(x for x in (e.address, f"RT {e.rt}/RW {e.rw}" if e.rt else "") if x)
        hits.append(Hit("dtks", e.name, e.nik, e.no_kk, birth, address, dtks=e))
    return hits[:limit]
