"""The facts behind the indicators, one query per source, for one period.

Each source returns dicts with a ``unit`` (what is counted once: a person, a household, a
case), the fields the disaggregations read, and ``ref``/``name``/``at`` for the list of records
behind a count. The DTKS sources are different: the snapshot is large and each of its rows is a
different person, so the database groups them and each fact carries a ``weight``.

Period sources select by the visit (or case, or referral) time between the period's bounds in
the office's zone, the same rule as the pre-list export.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.models import (
    Case,
    Complaint,
    DtksRecord,
    Household,
    Person,
    PrelistProposal,
    ProgrammeNeed,
    ProgrammeParticipation,
    Referral,
    Visit,
)
from kiosk.reports.dimensions import Fact

WAITING_FOR_ANSWER = (rules.ReferralStatus.SUBMITTED, rules.ReferralStatus.AT_KABUPATEN)


@dataclass(frozen=True)
class Scope:
    """Where and when: the period's UTC bounds, the village, the active snapshot."""

    start: datetime
    end: datetime
    on: date  # ages and "still open" are read on this day
    village_code: str
    snapshot_id: uuid.UUID | None


def _rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> Iterator[Fact]:
    for row in session.execute(stmt).mappings():
        yield dict(row)


def _person_columns() -> tuple[ColumnElement[Any], ...]:
    return (
        Person.sex.label("sex"),
        Person.birth_date.label("birth_date"),
        Person.disability.label("disability"),
        Person.nik.label("ref"),
        Person.name.label("name"),
    )


def visits(session: Session, scope: Scope) -> list[Fact]:
    """People and households served (one row per visit; the roll-up counts each once)."""
    stmt = (
        select(
            Visit.person_id.label("unit"),
            func.coalesce(Visit.household_id, Person.household_id).label("household"),
            Visit.channel.label("channel"),
            Visit.dtks_status.label("dtks_status"),
            Visit.started_at.label("at"),
            Household.dusun.label("dusun"),
            *_person_columns(),
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(
            Household, Household.id == func.coalesce(Visit.household_id, Person.household_id)
        )
        .where(Visit.started_at >= scope.start, Visit.started_at < scope.end)
    )
    return list(_rows(session, stmt))


def proposals(session: Session, scope: Scope) -> list[Fact]:
    """Pre-list proposals (usulan daftar awal) of visits ended in the period: the rule of the
    SIKS-NG export, so the panel and the exported list agree."""
    stmt = (
        select(
            PrelistProposal.person_id.label("unit"),
            func.coalesce(PrelistProposal.household_id, Person.household_id).label("household"),
            PrelistProposal.status.label("status"),
            Visit.ended_at.label("at"),
            Household.dusun.label("dusun"),
            *_person_columns(),
        )
        .join(Visit, Visit.id == PrelistProposal.visit_id)
        .join(Person, Person.id == PrelistProposal.person_id)
        .outerjoin(
            Household,
            Household.id == func.coalesce(PrelistProposal.household_id, Person.household_id),
        )
        .where(Visit.ended_at >= scope.start, Visit.ended_at < scope.end)
    )
    return list(_rows(session, stmt))


def _received(
    scope: Scope, household: SQLColumnExpression[Any], code: SQLColumnExpression[Any]
) -> ColumnElement[bool]:
    """Whether the household receives programme ``code``: recorded at the counter, or on the
    active DTKS snapshot for its No. KK."""
    recorded = exists().where(
        ProgrammeParticipation.household_id == household,
        ProgrammeParticipation.programme_code == code,
    )
    if scope.snapshot_id is None:
        return recorded
    kk = select(Household.no_kk).where(Household.id == household).scalar_subquery()
    on_register = exists().where(
        DtksRecord.no_kk == kk,
        DtksRecord.snapshot_id == scope.snapshot_id,
        (literal(",") + DtksRecord.programmes + literal(",")).like(
            literal("%,") + code + literal(",%")
        ),
    )
    return or_(recorded, on_register)


def needs(session: Session, scope: Scope) -> list[Fact]:
    """Programme needs recorded at visits in the period, and whether each is already met."""
    household = func.coalesce(ProgrammeNeed.household_id, Visit.household_id)
    stmt = (
        select(
            func.coalesce(household, ProgrammeNeed.person_id, Visit.person_id).label("unit"),
            ProgrammeNeed.programme_code.label("programme"),
            case((_received(scope, household, ProgrammeNeed.programme_code), 1), else_=0).label(
                "received"
            ),
            Visit.started_at.label("at"),
            Household.dusun.label("dusun"),
            Household.no_kk.label("ref"),
            Person.name.label("name"),
        )
        .join(Visit, Visit.id == ProgrammeNeed.visit_id)
        .outerjoin(Household, Household.id == household)
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(Visit.started_at >= scope.start, Visit.started_at < scope.end)
    )
    return [dict(f, programmes=(f.pop("programme"),)) for f in _rows(session, stmt)]


def participation(session: Session, scope: Scope) -> list[Fact]:
    """Programmes households said they receive, recorded at visits in the period."""
    household = func.coalesce(ProgrammeParticipation.household_id, Visit.household_id)
    stmt = (
        select(
            func.coalesce(household, ProgrammeParticipation.person_id).label("unit"),
            ProgrammeParticipation.programme_code.label("programme"),
            Visit.started_at.label("at"),
            Household.dusun.label("dusun"),
            Household.no_kk.label("ref"),
            Person.name.label("name"),
        )
        .join(Visit, Visit.id == ProgrammeParticipation.visit_id)
        .outerjoin(Household, Household.id == household)
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(Visit.started_at >= scope.start, Visit.started_at < scope.end)
    )
    return [dict(f, programmes=(f.pop("programme"),)) for f in _rows(session, stmt)]


def _case_select(*extra: ColumnElement[Any]) -> Select[*tuple[Any, ...]]:
    return (
        select(
            Case.id.label("unit"),
            Case.kind.label("kind"),
            Case.status.label("status"),
            Case.desk.label("desk"),
            Case.tracking_number.label("ref"),
            Case.created_at.label("at"),
            Person.sex.label("sex"),
            Person.birth_date.label("birth_date"),
            Person.disability.label("disability"),
            Person.name.label("name"),
            *extra,
        )
        .select_from(Case)
        .outerjoin(Person, Person.id == Case.person_id)
    )


def complaints(session: Session, scope: Scope) -> list[Fact]:
    """Complaints, questions and suggestions filed in the period (one per case)."""
    stmt = _case_select(
        Complaint.kind.label("complaint_kind"),
        Complaint.category.label("category"),
        Complaint.sector.label("sector"),
        Complaint.channel.label("channel"),
    ).join(Complaint, Complaint.case_id == Case.id)
    stmt = stmt.where(Case.created_at >= scope.start, Case.created_at < scope.end)
    return [dict(f, kind=f.pop("complaint_kind")) for f in _rows(session, stmt)]


def open_complaints(session: Session, scope: Scope) -> list[Fact]:
    """Complaints (pengaduan) filed before the period ended whose case is still open now."""
    stmt = (
        _case_select(Complaint.category.label("category"), Complaint.sector.label("sector"))
        .join(Complaint, Complaint.case_id == Case.id)
        .where(
            Complaint.kind == "pengaduan",
            Case.created_at < scope.end,
            Case.status.in_(rules.OPEN),
        )
    )
    return list(_rows(session, stmt))


def cases(session: Session, scope: Scope) -> list[Fact]:
    """Cases opened in the period, with where they stand now."""
    stmt = _case_select().where(Case.created_at >= scope.start, Case.created_at < scope.end)
    return list(_rows(session, stmt))


def overdue_cases(session: Session, scope: Scope) -> list[Fact]:
    """Open cases past their due day on the day the report is read."""
    stmt = _case_select().where(Case.status.in_(rules.OPEN), Case.due_on < scope.on)
    return list(_rows(session, stmt))


def _referral_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Referral.id.label("unit"),
            Referral.destination_code.label("destination"),
            Referral.status.label("status"),
            Referral.created_at.label("at"),
            Case.tracking_number.label("ref"),
            Person.sex.label("sex"),
            Person.birth_date.label("birth_date"),
            Person.name.label("name"),
        )
        .join(Case, Case.id == Referral.case_id)
        .outerjoin(Person, Person.id == Case.person_id)
        .where(Referral.status != rules.ReferralStatus.DRAFT)
    )


def referrals(session: Session, scope: Scope) -> list[Fact]:
    """Referrals drafted in the period and sent on, by destination and how they ended."""
    stmt = _referral_select().where(
        Referral.created_at >= scope.start, Referral.created_at < scope.end
    )
    return list(_rows(session, stmt))


def unanswered_referrals(session: Session, scope: Scope) -> list[Fact]:
    """Referrals sent before the period ended that still wait for an answer."""
    stmt = _referral_select().where(
        Referral.created_at < scope.end, Referral.status.in_(WAITING_FOR_ANSWER)
    )
    return list(_rows(session, stmt))


def _split(programmes: str | None) -> tuple[str, ...]:
    return tuple(sorted({p.strip() for p in (programmes or "").split(",") if p.strip()}))


def _years_before(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


def _age_band_sql(born: SQLColumnExpression[Any], on: date) -> ColumnElement[str]:
    """The age group in SQL, from cut-off birth days: the same rule as ``age_band``."""
    return case(
        (born.is_(None), literal("?")),
        (born > _years_before(on, 6), literal("0-5")),
        (born > _years_before(on, 18), literal("6-17")),
        (born > _years_before(on, 60), literal("18-59")),
        (born <= on, literal("60+")),
        else_=literal("?"),
    )


def _village_rows(scope: Scope) -> ColumnElement[bool]:
    return and_(
        DtksRecord.snapshot_id == scope.snapshot_id,
        DtksRecord.village_code == scope.village_code,
    )


def register_people(session: Session, scope: Scope) -> list[Fact]:
    """The village's people on the active snapshot, grouped by the database: one fact per
    (programmes, sex, decile, age group) with the number of people in it as ``weight``."""
    if scope.snapshot_id is None:
        return []
    band = _age_band_sql(DtksRecord.birth_date, scope.on).label("age")
    stmt = (
        select(DtksRecord.programmes, DtksRecord.sex, DtksRecord.decile, band, func.count())
        .where(_village_rows(scope))
        .group_by(DtksRecord.programmes, DtksRecord.sex, DtksRecord.decile, band)
    )
    facts: list[Fact] = []
    for programmes, sex, decile, age, weight in session.execute(stmt):
        facts.append(
            {
                "unit": None,
                "weight": int(weight),
                "programmes": _split(programmes),
                "sex": sex,
                "decile": decile,
                "age": age,
            }
        )
    return facts


def register_households(session: Session, scope: Scope) -> list[Fact]:
    """The village's households on the active snapshot (id_keluarga, else No. KK), each with
    the union of its members' programmes and its lowest decile."""
    if scope.snapshot_id is None:
        return []
    key = func.coalesce(func.nullif(DtksRecord.family_id, ""), DtksRecord.no_kk)
    stmt = (
        select(
            key.label("unit"),
            func.min(DtksRecord.decile).label("decile"),
            func.aggregate_strings(func.coalesce(DtksRecord.programmes, ""), ",").label("progs"),
            func.count().label("members"),
        )
        .where(_village_rows(scope))
        .group_by(key)
    )
    facts: list[Fact] = []
    for unit, decile, progs, members in session.execute(stmt):
        facts.append(
            {"unit": unit, "decile": decile, "programmes": _split(progs), "members": members}
        )
    return facts


SOURCES: dict[str, Callable[[Session, Scope], list[Fact]]] = {
    "visits": visits,
    "proposals": proposals,
    "needs": needs,
    "participation": participation,
    "complaints": complaints,
    "open_complaints": open_complaints,
    "cases": cases,
    "overdue_cases": overdue_cases,
    "referrals": referrals,
    "unanswered_referrals": unanswered_referrals,
    "register_people": register_people,
    "register_households": register_households,
}
