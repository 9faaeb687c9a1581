"""Ranking candidates for a regional or village programme, from the village's households on
the DTKS/DTSEN snapshot, the households registered at the counter and the needs recorded at
visits (the rule itself is :mod:`kiosk.ranking`).

The snapshot is read once, grouped by household in the database (a kabupaten snapshot holds a
million rows; the village's few thousand households come back). The list names households, so
it needs the case permission as well as the reporting one, and leaves an audit entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import DtksRecord, Household, Person, Programme, ProgrammeNeed
from kiosk.models import ProgrammeParticipation as Participation
from kiosk.ranking import Candidate, Ranking, rank
from kiosk.reports.register_facts import split_programmes, years_before
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.journal import audit
from kiosk.services.registry import action
from kiosk.services.setup import require_site


def _count(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def village_households(
    session: Session, snapshot_id: uuid.UUID, village: str, today: date
) -> list[tuple[Any, ...]]:
    """One row per household of the village on the snapshot: key, lowest decile, members,
    children 0-5, members 6-21, members 60+, programmes, No. KK, a name and a NIK."""
    key = func.coalesce(func.nullif(DtksRecord.family_id, ""), DtksRecord.no_kk)
    born = DtksRecord.birth_date
    six, twentytwo, sixty = (years_before(today, n) for n in (6, 22, 60))
    stmt = (
        select(
            key,
            func.min(DtksRecord.decile),
            func.count(),
            _count(born > six),
            _count((born <= six) & (born > twentytwo)),
            _count(born <= sixty),
            func.aggregate_strings(func.coalesce(DtksRecord.programmes, ""), ","),
            func.max(DtksRecord.no_kk),
            func.min(DtksRecord.name),
            func.min(DtksRecord.nik),
        )
        .where(DtksRecord.snapshot_id == snapshot_id, DtksRecord.village_code == village)
        .group_by(key)
    )
    return [tuple(r) for r in session.execute(stmt)]


def _office_facts(
    session: Session, programme: str
) -> tuple[dict[str, uuid.UUID], dict[uuid.UUID, int], set[uuid.UUID], set[uuid.UUID]]:
    """Registered households by No. KK, members with a disability per household, households
    that need the programme, households recorded as receiving it."""
    by_kk = dict(
        session.execute(
            select(Household.no_kk, Household.id).where(Household.no_kk.is_not(None))
        ).all()
    )
    disabled = dict(
        session.execute(
            select(Person.household_id, func.count())
            .where(Person.disability.is_not(None), Person.household_id.is_not(None))
            .group_by(Person.household_id)
        ).all()
    )
    need = set(
        session.scalars(
            select(ProgrammeNeed.household_id).where(ProgrammeNeed.programme_code == programme)
        )
    )
    receiving = set(
        session.scalars(
            select(Participation.household_id).where(Participation.programme_code == programme)
        )
    )
    return (
        {str(k): v for k, v in by_kk.items()},
        {k: int(n) for k, n in disabled.items() if k},
        {h for h in need if h},
        {h for h in receiving if h},
    )


def _candidates(session: Session, programme: str, today: date) -> list[Candidate]:
    site = require_site(session)
    snapshot = active_snapshot(session)
    if snapshot is None:
        raise ValidationError(_("Belum ada data DTKS/DTSEN: impor dulu di halaman Data DTKS."))
    by_kk, disabled, need, receiving = _office_facts(session, programme)
    # Decided at an earlier musyawarah desa, before the household was registered here.
    decided = set(
        session.scalars(
            select(Participation.no_kk).where(
                Participation.programme_code == programme, Participation.no_kk.is_not(None)
            )
        )
    )
    out = []
    for key, decile, members, small, school, old, progs, kk, name, nik in village_households(
        session, snapshot.id, site.village_code, today
    ):
        hh = by_kk.get(kk or "")
        given = hh in receiving or (kk or "") in decided
        taken = set(split_programmes(progs)) | ({programme} if given else set())
        out.append(
            Candidate(
                str(key),
                name or "-",
                nik or "",
                kk or "",
                decile,
                int(members),
                int(small),
                int(school),
                int(old),
                disabled.get(hh, 0) if hh else 0,
                hh in need,
                frozenset(taken),
                True,
            )
        )
    seen = {c.no_kk for c in out}
    return out + _registered_only(session, seen, site.village_code)


def _registered_only(session: Session, seen: set[str], village: str) -> list[Candidate]:
    """Households registered at the counter but not on the snapshot: listed as excluded for
    missing data (or as living elsewhere), so the meeting sees them too."""
    stmt = (
        select(Household.no_kk, Household.village_code, func.min(Person.name), func.count())
        .join(Person, Person.household_id == Household.id)
        .where(Household.no_kk.is_not(None), Person.erased_at.is_(None))
        .group_by(Household.id, Household.no_kk, Household.village_code)
    )
    return [
        Candidate(
            str(kk),
            name or "-",
            "",
            str(kk),
            None,
            int(n),
            0,
            0,
            0,
            0,
            False,
            frozenset(),
            village_code in ("", village),
        )
        for kk, village_code, name, n in session.execute(stmt)
        if kk not in seen
    ]


def ranked_for(
    session: Session,
    programme: str,
    quota: int,
    weights: Mapping[str, float] | None,
    today: date,
) -> Ranking:
    """The ranking itself, for a service that has checked who asks."""
    if session.scalars(select(Programme.id).where(Programme.code == programme)).first() is None:
        raise NotFound(_("Program {0} tidak ada di katalog.").format(programme))
    return rank(_candidates(session, programme, today), programme, quota, weights)


@action(Perm.VIEW_REPORTS, label="Memeringkat calon penerima program daerah atau desa")
def rank_candidates(
    session: Session,
    actor: Actor,
    programme: str,
    quota: int,
    weights: Mapping[str, float] | None = None,
    clock: Clock | None = None,
) -> Ranking:
    """The village's households ranked for ``programme`` with the reasons, the first ``quota``
    marked, the excluded listed with why (a list for the village meeting, not a decision)."""
    authorize(session, actor, Perm.VIEW_CASE)
    result = ranked_for(session, programme, quota, weights, (clock or Clock()).today())
    audit(
        session,
        actor.id,
        "peringkat_calon_dibuat",
        "programme",
        programme,
        {"kuota": quota, "calon": len(result.ranked), "dikecualikan": len(result.excluded)},
    )
    return result
