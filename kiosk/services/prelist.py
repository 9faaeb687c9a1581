"""The period's pre-list proposals (usulan daftar awal) as SIKS-NG data entry takes them.

People missing from DTKS proposed at the counter go to the village deliberation and then to
verification through SIKS-NG with a by-name-by-address list. This gathers them for one period
(by the visit that proposed them, in the office's time zone) with the full NIK: the list goes
to the verifying office, not to the public, so the action needs the reporting permission and
leaves an audit entry (counts only).

DTKS registers households, not persons: the member who came to the counter proposes the whole
KK, so every living member of the proposal's household is listed with the proposer (see
:mod:`kiosk.services.prelist_households`). A row whose recorded sex contradicts its NIK is
flagged, to be checked against the KTP before the list is typed into SIKS-NG.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.identity import sex_differs
from kiosk.models import Household, Person, PrelistProposal, Visit
from kiosk.periods import Period
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.data_updates import approved_in
from kiosk.services.journal import audit
from kiosk.services.prelist_households import whole_households
from kiosk.services.prelist_review import RETURNED, WAITING
from kiosk.services.reference import choices
from kiosk.services.registry import action
from kiosk.services.setup import SiteView, require_site

UNREVIEWED = (WAITING, RETURNED)  # where the profile asks for review (prelist_review.py)
SEX_CHECK = "Jenis kelamin berbeda dengan NIK; cocokkan dengan KTP/KK sebelum dikirim."


@dataclass(frozen=True)
class PrelistRow:
    """One proposed person, with the household's address."""

    nik: str
    no_kk: str
    name: str
    birth_place: str
    birth_date: date | None
    sex: str
    mother_name: str
    relationship: str
    address: str
    dusun: str
    rt: str
    rw: str
    village_code: str
    disability: str
    reason: str
    proposed_on: date
    status: str
    checks: tuple[str, ...] = ()  # what to check against the KTP/KK before sending
    # The proposal itself on the proposer's own row (None on a member listed with them): the
    # window records its village meeting and SIKS-NG reference there (prelist_review.py).
    proposal_id: uuid.UUID | None = None
    musdes_date: date | None = None
    siksng_ref: str = ""


@dataclass(frozen=True)
class UpdateRow:
    """One approved data-update proposal (usulan pemutakhiran) for the same export."""

    nik: str
    no_kk: str
    name: str
    kind: str
    new_value: str
    reason: str
    documents: str
    proposed_on: date


@dataclass(frozen=True)
class PrelistExport:
    site: SiteView
    period: Period
    rows: tuple[PrelistRow, ...]
    updates: tuple[UpdateRow, ...] = ()


@action(Perm.VIEW_REPORTS, label="Mengekspor usulan daftar awal (pre-list) DTKS suatu periode")
def prelist_for_period(session: Session, actor: Actor, period: Period) -> PrelistExport:
    """Every proposal whose visit falls in ``period``, oldest first; one still waiting for the
    supervisor's review (or returned by it) is left out: the list goes to the verifying office,
    upstream (Empat Lawang 9(6)b, Barito Selatan 10(3)b angka 2)."""
    site = require_site(session)
    first, after = period.bounds(site.timezone)
    relationships = {c.code: c.label for c in choices(session, "hubungan_keluarga")}
    found = session.execute(
        select(PrelistProposal, Person, Household, Visit.ended_at)
        .join(Person, Person.id == PrelistProposal.person_id)
        .join(Visit, Visit.id == PrelistProposal.visit_id)
        .outerjoin(Household, Household.id == PrelistProposal.household_id)
        .where(Visit.ended_at >= first, Visit.ended_at < after, Person.erased_at.is_(None))
        .where(PrelistProposal.status.not_in(UNREVIEWED))  # not upstream before the review
        .order_by(Visit.ended_at, Person.name)
    ).all()
    rows = tuple(
        _row(p, person, hh, ended, site, relationships, own)
        for p, person, hh, ended, own in whole_households(session, found)
    )
    kinds = {c.code: c.label for c in choices(session, "jenis_pemutakhiran")}
    zone = ZoneInfo(site.timezone)
    updates = tuple(
        UpdateRow(
            u.nik or "",
            u.no_kk or "",
            u.name,
            kinds.get(u.kind, u.kind),
            u.new_value,
            u.reason,
            ", ".join(u.documents or ()),
            u.proposed_at.astimezone(zone).date(),
        )
        for u in approved_in(session, period, site.timezone)
    )
    audit(
        session,
        actor.id,
        "prelist_diekspor",
        "prelist",
        period.code,
        {
            "periode": period.code,
            "baris": len(rows),
            "keluarga": len({r.no_kk or r.nik for r in rows}),
            "pemutakhiran": len(updates),
        },
    )
    return PrelistExport(site, period, rows, updates)


def _row(
    p: PrelistProposal,
    person: Person,
    hh: Household | None,
    ended: datetime,
    site: SiteView,
    relationships: dict[str, str],
    own: bool,
) -> PrelistRow:
    """``own``: the person's own proposal (else a member listed with the proposer's household,
    with the proposal's reason and day and the person's own disability)."""
    relation = person.relationship_to_head or ""
    return PrelistRow(
        nik=person.nik or "",
        no_kk=(hh.no_kk or "") if hh else "",
        name=person.name,
        birth_place=person.birth_place,
        birth_date=person.birth_date,
        sex=person.sex or "",
        mother_name=person.mother_name,
        relationship=relationships.get(relation, relation),
        address=hh.address if hh else "",
        dusun=hh.dusun if hh else "",
        rt=hh.rt if hh else "",
        rw=hh.rw if hh else "",
        village_code=(hh.village_code if hh and hh.village_code else site.village_code),
        disability=(p.disability if own else None) or person.disability or "",
        reason=p.reason,
        proposed_on=ended.astimezone(ZoneInfo(site.timezone)).date(),
        status=p.status,
        checks=(SEX_CHECK,) if sex_differs(person.nik, person.sex) else (),
        proposal_id=p.id if own else None,
        musdes_date=p.musdes_date,
        siksng_ref=p.siksng_ref or "",
    )
