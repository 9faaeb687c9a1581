"""One citizen on one screen: who they are, their household, what the register and the counter
know of their programmes, their needs, their cases and PPKS records, and the programmes the
household may qualify for with the reasons (Balangan art. 9: "mungkin memenuhi syarat", a
hint and never a decision). NIKs are masked here as on every screen; opening it is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.identity import mask_nik
from kiosk.models import Case, Household, Person, PpksRecord, ProgrammeNeed
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.eligibility import Eligibility, eligible_programmes
from kiosk.services.journal import audit
from kiosk.services.participation import ParticipationLine, participation_of
from kiosk.services.reference import choices
from kiosk.services.registry import action


@dataclass(frozen=True)
class MemberLine:
    name: str
    nik_masked: str
    age: int | None
    relationship: str
    disability: str
    deceased: bool
    is_subject: bool  # the person the profile is about


@dataclass(frozen=True)
class CaseLine:
    tracking_number: str
    kind: str
    status_label: str
    opened_on: date
    status: str = ""  # the code: the window words it in the chosen language


@dataclass(frozen=True)
class PersonProfile:
    id: uuid.UUID
    name: str
    nik_masked: str
    sex: str
    age: int | None
    disability: str
    no_kk: str
    address: str
    members: tuple[MemberLine, ...]
    needs: tuple[str, ...]  # programme codes recorded as needed at visits
    cases: tuple[CaseLine, ...]
    ppks: tuple[str, ...]  # "Lanjut usia terlantar (12-11-2026)"
    eligibility: Eligibility  # decile, programmes received, the hints
    # recorded participation with its source (a musyawarah desa's berita acara and day)
    participation: tuple[ParticipationLine, ...] = ()


def age_on(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _labels(session: Session, name: str) -> dict[str, str]:
    return {c.code: c.label for c in choices(session, name)}


def _members(
    session: Session, person: Person, household: Household | None, today: date
) -> tuple[MemberLine, ...]:
    people = (
        session.scalars(
            select(Person)
            .where(Person.household_id == household.id, Person.erased_at.is_(None))
            .order_by(Person.birth_date.is_(None), Person.birth_date)
        ).all()
        if household
        else [person]
    )
    disability = _labels(session, "disabilitas")
    return tuple(
        MemberLine(
            m.name,
            mask_nik(m.nik) if m.nik else "-",
            age_on(m.birth_date, today),
            (m.relationship_to_head or "").replace("_", " "),
            disability.get(m.disability or "", m.disability or ""),
            m.deceased,
            m.id == person.id,
        )
        for m in people
    )


@action(Perm.CHECK_DTKS, label="Melihat profil warga dan program yang mungkin diterimanya")
def person_profile(
    session: Session, actor: Actor, person_id: uuid.UUID, clock: Clock | None = None
) -> PersonProfile:
    """The citizen, the household and the hints; the cases need the case permission too."""
    authorize(session, actor, Perm.VIEW_CASE)
    clock = clock or Clock()
    today = clock.today()
    eligibility = eligible_programmes(session, actor, person_id, None, clock)  # NotFound if gone
    person = session.get(Person, person_id)
    assert person is not None
    household = session.get(Household, person.household_id) if person.household_id else None
    owners = [ProgrammeNeed.person_id == person.id]
    cases_of = [Case.person_id == person.id]
    if household:
        owners.append(ProgrammeNeed.household_id == household.id)
        cases_of.append(Case.household_id == household.id)
    needs = sorted(set(session.scalars(select(ProgrammeNeed.programme_code).where(or_(*owners)))))
    cases = tuple(
        CaseLine(
            c.tracking_number,
            c.kind,
            rules.STATUS_LABELS.get(c.status, c.status),
            clock.local(c.created_at).date(),
            c.status,
        )
        for c in session.scalars(
            select(Case).where(or_(*cases_of)).order_by(Case.created_at.desc()).limit(50)
        )
    )
    types = _labels(session, "jenis_ppks")
    ppks = tuple(
        f"{types.get(r.ppks_type, r.ppks_type)} ({r.recorded_on:%d-%m-%Y})"
        for r in session.scalars(
            select(PpksRecord)
            .where(
                or_(
                    PpksRecord.person_id == person.id,
                    *([PpksRecord.household_id == household.id] if household else []),
                )
            )
            .order_by(PpksRecord.recorded_on.desc())
        )
    )
    audit(session, actor.id, "profil_warga_dilihat", "person", person.id, {})
    sex = {"L": "Laki-laki", "P": "Perempuan"}.get(person.sex or "", "Tidak diketahui")
    return PersonProfile(
        person.id,
        person.name,
        mask_nik(person.nik) if person.nik else "-",
        sex,
        age_on(person.birth_date, today),
        _labels(session, "disabilitas").get(person.disability or "", person.disability or ""),
        household.no_kk or "-" if household else "-",
        " ".join(
            x
            for x in (
                household.address if household else "",
                f"RT {household.rt}/RW {household.rw}" if household and household.rt else "",
                household.dusun if household else "",
            )
            if x
        ),
        _members(session, person, household, today),
        tuple(needs),
        cases,
        ppks,
        eligibility,
        tuple(participation_of(session, person)),
    )
