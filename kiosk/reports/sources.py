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
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Uuid,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.models import (
    Case,
    CaseEvent,
    CaseHousehold,
    Complaint,
    DataUpdateProposal,
    DtksRecord,
    Household,
    Person,
    PpksRecord,
    PrelistProposal,
    ProgrammeNeed,
    ProgrammeParticipation,
    Referral,
    Visit,
)
from kiosk.reports.dimensions import Fact
from kiosk.reports.register_facts import REGISTER_SOURCES, register_facts, split_programmes
from kiosk.reports.scope import Scope

WAITING_FOR_ANSWER = (rules.ReferralStatus.SUBMITTED, rules.ReferralStatus.AT_KABUPATEN)


RECORD_FIELDS = ("ref", "name", "at")


def _rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> Iterator[Fact]:
    # Core on the session's connection: the same transaction, without the ORM's per-statement
    # bookkeeping (a third of the time of a small panel).
    result = session.connection().execute(stmt)
    keys = tuple(result.keys())
    for row in result:
        yield dict(zip(keys, row, strict=True))


def _facts(
    session: Session, stmt: Select[*tuple[Any, ...]], scope: Scope, unique: bool = False
) -> list[Fact]:
    """The source's facts: every record for a list; for counting, the database keeps only what
    counting needs. ``unique``: each record is a different unit (a case, a referral), so the
    database may count them itself (``weight``); otherwise (a person's visits) it drops the
    repeats and the roll-up counts each unit once."""
    if scope.records:
        return list(_rows(session, stmt))
    # The same FROM and WHERE with fewer columns (no subquery for the database to copy).
    columns = {c.key: c for c in stmt.selected_columns}
    if not unique:
        # Ids only need to be told apart here: read as text, not parsed into UUIDs.
        keep = [
            type_coerce(c, String).label(k) if isinstance(c.type, Uuid) else c
            for k, c in columns.items()
            if k not in RECORD_FIELDS
        ]
        return list(_rows(session, stmt.with_only_columns(*keep).distinct()))
    dropped = (*RECORD_FIELDS, "unit", "birth_date", "disability")
    keep = [c for k, c in columns.items() if k not in dropped]
    grouped = stmt.with_only_columns(*keep, func.count().label("weight")).group_by(*keep)
    return [dict(f, unit=None) for f in _rows(session, grouped)]


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
    return _facts(session, stmt, scope)


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
    return _facts(session, stmt, scope)


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _receiving(session: Session, scope: Scope, facts: list[Fact]) -> set[tuple[object, str]]:
    """(household, programme) pairs already received: recorded at the counter, or on the
    active DTKS snapshot for the household's No. KK. Two indexed lookups for the period's
    households, not one per need."""
    # The facts may hold ids as text (counting) or as UUIDs (a list): answer in their form.
    households = {
        uuid.UUID(str(f["household"])): f["household"] for f in facts if f.get("household")
    }
    pairs: set[tuple[object, str]] = set()
    for part in _chunks(sorted(households, key=str)):
        pairs.update(
            (households[h], code)
            for h, code in session.execute(  # household_id is set: it matched the IN list
                select(
                    ProgrammeParticipation.household_id, ProgrammeParticipation.programme_code
                ).where(ProgrammeParticipation.household_id.in_(part))
            )
            if h is not None
        )
    kks = {f["no_kk"]: f["household"] for f in facts if f.get("no_kk")}
    if scope.snapshot_id is not None:
        for part in _chunks(sorted(kks)):
            found = session.execute(
                select(DtksRecord.no_kk, DtksRecord.programmes).where(
                    DtksRecord.snapshot_id == scope.snapshot_id, DtksRecord.no_kk.in_(part)
                )
            )
            for kk, progs in found:
                pairs.update((kks[kk], code) for code in split_programmes(progs))
    return pairs


def needs(session: Session, scope: Scope) -> list[Fact]:
    """Programme needs recorded at visits in the period, and whether each is already met."""
    household = func.coalesce(ProgrammeNeed.household_id, Visit.household_id)
    stmt = (
        select(
            func.coalesce(household, ProgrammeNeed.person_id, Visit.person_id).label("unit"),
            household.label("household"),
            Household.no_kk.label("no_kk"),
            ProgrammeNeed.programme_code.label("programme"),
            Household.dusun.label("dusun"),
            Visit.started_at.label("at"),
            Household.no_kk.label("ref"),
            Person.name.label("name"),
        )
        .join(Visit, Visit.id == ProgrammeNeed.visit_id)
        .outerjoin(Household, Household.id == household)
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(Visit.started_at >= scope.start, Visit.started_at < scope.end)
    )
    facts = _facts(session, stmt, scope)
    met = _receiving(session, scope, facts)
    for f in facts:
        code = f.pop("programme")
        f["programmes"], f["received"] = (code,), (f.get("household"), code) in met
    return facts


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
    return [dict(f, programmes=(f.pop("programme"),)) for f in _facts(session, stmt, scope)]


def _case_select(*extra: ColumnElement[Any]) -> Select[*tuple[Any, ...]]:
    return (
        select(
            Case.id.label("unit"),
            Case.kind.label("kind"),
            Case.status.label("status"),
            Case.desk.label("desk"),
            Case.tracking_number.label("ref"),
            Case.created_at.label("at"),
            Case.subject.label("subject"),
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
    return [dict(f, kind=f.pop("complaint_kind")) for f in _facts(session, stmt, scope, True)]


def open_complaints(session: Session, scope: Scope) -> list[Fact]:
    """Complaints (pengaduan) filed before the period ended whose case is still open now."""
    stmt = (
        _case_select(Complaint.category.label("category"), Complaint.sector.label("sector"))
        .join(Complaint, Complaint.case_id == Case.id)
        .where(
            Complaint.kind == "pengaduan",
            scope.filed_by_end(Case.created_at),
            Case.status.in_(rules.OPEN),
        )
    )
    return _facts(session, stmt, scope, unique=True)


def cases(session: Session, scope: Scope) -> list[Fact]:
    """Cases opened in the period, with where they stand now."""
    stmt = _case_select().where(Case.created_at >= scope.start, Case.created_at < scope.end)
    return _facts(session, stmt, scope, unique=True)


def case_households(session: Session, scope: Scope) -> list[Fact]:
    """Households in the cases opened in the period: a person's or family's case brings its
    household; a community case each household attached to it. A household is known by its
    No. KK (else its id), so one named in two cases, or in its own case and a community's,
    is one household (the roll-up counts each once)."""
    in_period = (Case.created_at >= scope.start, Case.created_at < scope.end)
    own_household = func.coalesce(Case.household_id, Person.household_id)
    own = (
        select(
            func.coalesce(Household.no_kk, cast(Household.id, String)).label("household"),
            Case.subject.label("subject"),
            Case.desk.label("desk"),
            Household.dusun.label("dusun"),
            Case.tracking_number.label("ref"),
            Person.name.label("name"),
            Case.created_at.label("at"),
        )
        .select_from(Case)
        .outerjoin(Person, Person.id == Case.person_id)
        .join(Household, Household.id == own_household)
        .where(*in_period, Case.subject != "komunitas")
    )
    attached = (
        select(
            CaseHousehold.no_kk.label("household"),
            Case.subject.label("subject"),
            Case.desk.label("desk"),
            Household.dusun.label("dusun"),
            Case.tracking_number.label("ref"),
            CaseHousehold.head.label("name"),
            Case.created_at.label("at"),
        )
        .select_from(CaseHousehold)
        .join(Case, Case.id == CaseHousehold.case_id)
        .outerjoin(Household, Household.id == CaseHousehold.household_id)
        .where(*in_period)
    )
    return _facts(session, own, scope) + _facts(session, attached, scope)


def overdue_cases(session: Session, scope: Scope) -> list[Fact]:
    """Open cases past their due day on the day the report is read."""
    stmt = _case_select().where(Case.status.in_(rules.OPEN), Case.due_on < scope.on)
    return _facts(session, stmt, scope, unique=True)


def escalations(session: Session, scope: Scope) -> list[Fact]:
    """Cases escalated in the period by their profile's rule (kiosk/services/escalation.py),
    each counted once however many rules fired."""
    stmt = (
        _case_select()
        .join(CaseEvent, CaseEvent.case_id == Case.id)
        .where(CaseEvent.kind == "eskalasi", CaseEvent.at >= scope.start, CaseEvent.at < scope.end)
    )
    return _facts(session, stmt, scope)


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
    return _facts(session, stmt, scope, unique=True)


def unanswered_referrals(session: Session, scope: Scope) -> list[Fact]:
    """Referrals sent before the period ended that still wait for an answer."""
    stmt = _referral_select().where(
        scope.filed_by_end(Referral.created_at), Referral.status.in_(WAITING_FOR_ANSWER)
    )
    return _facts(session, stmt, scope, unique=True)


def data_updates(session: Session, scope: Scope) -> list[Fact]:
    """Data-update proposals (usulan pemutakhiran) made in the period, with where they stand."""
    stmt = select(
        DataUpdateProposal.id.label("unit"),
        DataUpdateProposal.kind.label("update_kind"),
        DataUpdateProposal.status.label("status"),
        DataUpdateProposal.proposed_at.label("at"),
        DataUpdateProposal.nik.label("ref"),
        DataUpdateProposal.name.label("name"),
    ).where(
        DataUpdateProposal.proposed_at >= scope.start, DataUpdateProposal.proposed_at < scope.end
    )
    return _facts(session, stmt, scope, unique=True)


def ppks(session: Session, scope: Scope) -> list[Fact]:
    """PPKS recorded in the period: a person (with sex and age), a family or a community."""
    unit = func.coalesce(PpksRecord.person_id, PpksRecord.household_id, PpksRecord.id)
    stmt = (
        select(
            unit.label("unit"),
            PpksRecord.subject.label("subject"),
            PpksRecord.ppks_type.label("ppks_type"),
            PpksRecord.recorded_on.label("at"),
            Person.sex.label("sex"),
            Person.birth_date.label("birth_date"),
            Person.nik.label("ref"),
            func.coalesce(Person.name, PpksRecord.community).label("name"),
        )
        .outerjoin(Person, Person.id == PpksRecord.person_id)
        .where(PpksRecord.recorded_on >= scope.first_day, PpksRecord.recorded_on < scope.after_day)
    )
    return _facts(session, stmt, scope)


SOURCES: dict[str, Callable[[Session, Scope], list[Fact]]] = {
    "visits": visits,
    "proposals": proposals,
    "needs": needs,
    "participation": participation,
    "complaints": complaints,
    "open_complaints": open_complaints,
    "cases": cases,
    "case_households": case_households,
    "overdue_cases": overdue_cases,
    "escalations": escalations,
    "referrals": referrals,
    "unanswered_referrals": unanswered_referrals,
    "data_updates": data_updates,
    "ppks": ppks,
}


class FactCache:
    """Each source queried once per report, however many indicators read it; the two DTKS
    sources come from one pass over the snapshot."""

    def __init__(self, session: Session, scope: Scope) -> None:
        self.session, self.scope = session, scope
        self._facts: dict[str, list[Fact]] = {}

    def get(self, source: str) -> list[Fact]:
        if source not in self._facts:
            if source in REGISTER_SOURCES:
                self._facts.update(register_facts(self.session, self.scope))
            else:
                self._facts[source] = SOURCES[source](self.session, self.scope)
        return self._facts[source]

    def has(self, source: str) -> bool:
        return source in self._facts
