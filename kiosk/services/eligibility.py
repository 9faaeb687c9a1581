"""Mungkin memenuhi syarat: the programmes a household may qualify for but does not receive,
with the criteria met, failed and not known (Balangan art. 9, Barito Selatan art. 10).

The facts are the office's own: the household's members from the register (ages, disability),
the decile and programmes on the active DTKS/DTSEN snapshot for the person's NIK or the family's
KK, the participation recorded at the counter, and whether the family lives in this village.
The answer is a hint for the officer with its reasons, never a decision.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.eligibility import HouseholdFacts, Member, Verdict, check_rule, evaluate
from kiosk.errors import NotFound
from kiosk.messages import _
from kiosk.models import DtksRecord, Household, Person, Programme, ProgrammeParticipation
from kiosk.number16 import digits16
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.journal import audit
from kiosk.services.reference import REFERENCE_DIR
from kiosk.services.registry import action
from kiosk.services.setup import require_site


@dataclass(frozen=True)
class ProgrammeHint:
    code: str
    name: str
    verdict: Verdict  # True: every criterion met; None: some could not be checked
    met: tuple[str, ...]
    failed: tuple[str, ...]
    unknown: tuple[str, ...]


@dataclass(frozen=True)
class Eligibility:
    person: str
    decile: int | None
    receiving: tuple[str, ...]
    hints: tuple[ProgrammeHint, ...]


def _person(session: Session, person_id: uuid.UUID | None, nik: str | None) -> Person:
    person = session.get(Person, person_id) if person_id else None
    number = digits16(nik or "")
    if person is None and number:
        person = session.scalars(select(Person).where(Person.nik == number)).first()
    if person is None or person.erased_at is not None:
        raise NotFound(_("Warga dengan NIK itu belum terdaftar di Puskesos ini."))
    return person


def _facts(session: Session, person: Person, today: Any) -> HouseholdFacts:
    household = session.get(Household, person.household_id) if person.household_id else None
    members = (
        session.scalars(select(Person).where(Person.household_id == household.id)).all()
        if household
        else [person]
    )
    decile, receiving = None, set()
    snapshot = active_snapshot(session)
    if snapshot is not None:
        keys = [DtksRecord.nik == person.nik] if person.nik else []
        if household and household.no_kk:
            keys.append(DtksRecord.no_kk == household.no_kk)
        rows = (
            session.execute(
                select(DtksRecord.decile, DtksRecord.programmes).where(
                    DtksRecord.snapshot_id == snapshot.id, or_(*keys)
                )
            ).all()
            if keys
            else []
        )
        deciles = [d for d, _p in rows if d]
        decile = min(deciles) if deciles else None
        receiving |= {p for _d, progs in rows for p in (progs or "").split(",") if p}
    owners = [ProgrammeParticipation.person_id == person.id]
    if household:
        owners.append(ProgrammeParticipation.household_id == household.id)
        if household.no_kk:  # decided at a musyawarah desa before it was registered here
            owners.append(ProgrammeParticipation.no_kk == household.no_kk)
    receiving |= set(
        session.scalars(select(ProgrammeParticipation.programme_code).where(or_(*owners)))
    )
    site = require_site(session)
    resident = (
        (household.village_code == site.village_code)
        if household and household.village_code
        else None
    )
    return HouseholdFacts(
        tuple(Member(m.birth_date, m.disability) for m in members if not m.deceased),
        decile,
        frozenset(receiving),
        resident,
        today,
    )


@action(Perm.CHECK_DTKS, label="Melihat program yang mungkin dapat diterima warga")
def eligible_programmes(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID | None = None,
    nik: str | None = None,
    clock: Clock | None = None,
) -> Eligibility:
    """Each programme with criteria that the household does not receive and may qualify for."""
    person = _person(session, person_id, nik)
    facts = _facts(session, person, (clock or Clock()).today())
    hints = []
    for prog in session.scalars(select(Programme).where(Programme.active).order_by(Programme.code)):
        if not prog.rules or prog.code in facts.receiving:
            continue
        result = evaluate(prog.rules, facts)
        if result.verdict is False:
            continue
        hints.append(
            ProgrammeHint(
                prog.code,
                prog.name,
                result.verdict,
                tuple(result.met()),
                tuple(result.failed()),
                tuple(result.unknown()),
            )
        )
    hints.sort(key=lambda h: (h.verdict is not True, h.code))
    return Eligibility(person.name, facts.decile, tuple(sorted(facts.receiving)), tuple(hints))


@action(Perm.MANAGE_REFERENCE, label="Mengubah kriteria penerima program")
def set_programme_rules(
    session: Session, actor: Actor, code: str, rules: dict[str, Any] | None
) -> dict[str, Any]:
    """The office's criteria for one programme; ``None`` goes back to the shipped criteria."""
    prog = session.scalars(select(Programme).where(Programme.code == code)).first()
    if prog is None:
        raise NotFound(_("Program {0} tidak ada di katalog.").format(code))
    if rules is None:
        shipped = json.loads((REFERENCE_DIR / "programmes.json").read_text(encoding="utf-8"))
        entry: dict[str, Any] = next((p for p in shipped["programmes"] if p["code"] == code), {})
        prog.rules, prog.rules_by_office = check_rule(entry.get("rules", {})), False
    else:
        prog.rules, prog.rules_by_office = check_rule(rules), True
    audit(session, actor.id, "kriteria_program_diubah", "programme", prog.id, {"kode": code})
    return dict(prog.rules)


@dataclass(frozen=True)
class CatalogueRow:
    """One programme as the administrator's catalogue page shows it."""

    code: str
    name: str
    level: str
    unit: str
    rules: str  # the criteria as JSON text, for reading and editing
    by_office: bool  # the office's own criteria (kept over shipped and kabupaten ones)
    source: str  # the shipped version, "kabupaten …" or "lokal"


@action(Perm.MANAGE_REFERENCE, label="Melihat katalog program dan kriterianya")
def programme_catalogue(session: Session, actor: Actor) -> list[CatalogueRow]:
    """Every programme with its criteria, by code."""
    return [
        CatalogueRow(
            p.code,
            p.name,
            p.level,
            p.unit,
            json.dumps(p.rules or {}, ensure_ascii=False),
            p.rules_by_office,
            p.source_version,
        )
        for p in session.scalars(select(Programme).order_by(Programme.code))
    ]
