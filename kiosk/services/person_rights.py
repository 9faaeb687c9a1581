"""A citizen's rights over their data (UU 27/2022 PDP): see it all, withdraw consent, erase.

- *Access*: :mod:`kiosk.services.dossier` gathers everything the office holds about one person.
- *Withdrawal*: consent is withdrawn per purpose; the kabupaten is told through the outbox (the
  law gives 3x24 hours to stop), and a referral is refused while no consent stands.
- *Erasure*: on request, the person's identifying fields are anonymised once the office's
  retention period after their last visit has passed (at once if it already has). Visits, cases
  and their codes stay, so reports still count them; the kabupaten gets an operation to do the
  same.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, func, select, update
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.erasure import append as ledger_append
from kiosk.erasure import read_ledger, scrub_storage
from kiosk.errors import NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import (
    Case,
    CaseEvent,
    CitizenNotice,
    Complaint,
    Consent,
    Household,
    Person,
    PrelistProposal,
    PrintedDocument,
    PrintJob,
    Referral,
    ServiceProduct,
    Site,
    Visit,
)
from kiosk.number16 import digits16
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.erasure_scrub import (
    HOUSEHOLD_KEYS,
    PERSON_KEYS,
    scrub_copies,
    scrub_outbox,
    scrub_print_jobs,
)
from kiosk.services.journal import _jsonable, audit, record
from kiosk.services.registry import action

ERASED_NAME = "(identitas dihapus)"
ERASED_TEXT = "(dihapus atas permintaan warga)"
PURPOSES = ("layanan", "rujukan", "usulan_dtks", "foto_rumah")


def find_person(session: Session, who: str | uuid.UUID) -> Person:
    if isinstance(who, uuid.UUID):
        person = session.get(Person, who)
    else:
        nik = digits16(who)
        if nik is None:
            raise ValidationError(_("Tulis NIK 16 angka warga itu."), code="nik_tidak_valid")
        person = session.scalars(select(Person).where(Person.nik == nik)).first()
    if person is None:
        raise NotFound(_("Warga dengan NIK itu tidak terdaftar di Puskesos ini."))
    return person


def subject_ids(
    session: Session, person_id: uuid.UUID, case_ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    """Ids that printed documents about this person point at."""
    referral_ids = session.scalars(select(Referral.id).where(Referral.case_id.in_(case_ids))).all()
    product_ids = session.scalars(
        select(ServiceProduct.id).where(ServiceProduct.case_id.in_(case_ids))
    ).all()
    return [person_id, *case_ids, *referral_ids, *product_ids]


def consent_standing(session: Session, person_id: uuid.UUID) -> datetime | None:
    """When the person withdrew consent, if no consent given since still stands; else None."""
    consents = session.scalars(select(Consent).where(Consent.person_id == person_id)).all()
    if not consents or any(c.withdrawn_at is None for c in consents):
        return None
    return max(c.withdrawn_at for c in consents if c.withdrawn_at is not None)


@action(Perm.REGISTER_PERSON, Perm.EXPORT_PERSON, label="Mencatat penarikan persetujuan warga")
def withdraw_consent(
    session: Session,
    actor: Actor,
    who: str | uuid.UUID,
    note: str = "",
    clock: Clock | None = None,
) -> int:
    """The person withdraws every consent; returns how many were standing. At the counter or
    on the administrator's rights page."""
    p = find_person(session, who)
    now = (clock or Clock()).now()
    standing = session.scalars(
        select(Consent).where(Consent.person_id == p.id, Consent.withdrawn_at.is_(None))
    ).all()
    if not standing:
        raise ValidationError(_("Tidak ada persetujuan yang masih berlaku untuk dicabut."))
    for c in standing:
        c.withdrawn_at = now
        if note.strip():
            c.note = (c.note + " | " if c.note else "") + f"dicabut: {note.strip()}"
    record(
        session,
        actor.id,
        "persetujuan_dicabut",
        "person",
        p.id,
        payload={"person_id": p.id, "withdrawn_at": now, "purposes": [c.purpose for c in standing]},
        detail={"jumlah": len(standing)},
    )
    return len(standing)


@action(Perm.REGISTER_PERSON, Perm.EXPORT_PERSON, label="Mencatat persetujuan warga")
def give_consent(
    session: Session,
    actor: Actor,
    who: str | uuid.UUID,
    purpose: str,
    basis: str = "persetujuan",
    clock: Clock | None = None,
) -> None:
    """A new consent (after a withdrawal the citizen changed their mind)."""
    if purpose not in PURPOSES:
        raise ValidationError(_("Pilih tujuan persetujuan."), field="purpose")
    p = find_person(session, who)
    now = (clock or Clock()).now()
    session.add(
        Consent(person_id=p.id, purpose=purpose, basis=basis, given_at=now, recorded_by=actor.id)
    )
    record(
        session,
        actor.id,
        "persetujuan_diberikan",
        "person",
        p.id,
        payload={"person_id": p.id, "purpose": purpose, "basis": basis, "given_at": now},
        detail={"tujuan": purpose},
    )


@dataclass(frozen=True)
class ErasureView:
    """What the officer tells the citizen: erased now, or on which day."""

    person_id: uuid.UUID
    erased_now: bool
    due_on: date


@action(Perm.ERASE_PERSON, label="Mencatat permintaan penghapusan data")
def request_erasure(
    session: Session, actor: Actor, who: str | uuid.UUID, reason: str, clock: Clock | None = None
) -> ErasureView:
    """Record a request to erase; carried out now if the retention period has passed."""
    if not reason.strip():
        raise ValidationError(_("Tuliskan dasar permintaan penghapusan."), field="reason")
    clock = clock or Clock()
    p = find_person(session, who)
    if p.erased_at is not None:
        raise ValidationError(_("Identitas warga ini sudah dihapus."))
    years = session.scalar(select(Site.retention_years)) or 0
    last = session.scalar(select(func.max(Visit.started_at)).where(Visit.person_id == p.id))
    start = (last or p.created_at).date()
    try:
        due = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        due = start.replace(year=start.year + years, day=28)
    p.erasure_due_on = due
    audit(
        session, actor.id, "penghapusan_diminta", "person", p.id, {"jatuh_tempo": due.isoformat()}
    )
    today = clock.today()
    if due <= today:
        _erase(session, actor.id, p, clock.now())
    return ErasureView(p.id, due <= today, due)


def erase_due(session: Session, clock: Clock | None = None) -> int:
    """Carry out every requested erasure whose day has come (run at start-up), and erase again
    anyone the ledger lists whom a database file copied back by hand brought back."""
    clock = clock or Clock()
    if "data_dir" in session.info:
        reapply_erasures(session, read_ledger(session.info["data_dir"]), clock.now())
    due = session.scalars(
        select(Person).where(Person.erasure_due_on <= clock.today(), Person.erased_at.is_(None))
    ).all()
    for p in due:
        _erase(session, None, p, clock.now())
    return len(due)


def reapply_erasures(session: Session, entries: list[dict[str, Any]], now: datetime) -> int:
    """Erase again everyone the ledger lists whom a restored copy brought back (a restore
    calls this before anyone can log in); returns how many."""
    again = 0
    for entry in entries:
        p = session.get(Person, uuid.UUID(str(entry["person_id"])))
        if p is not None and p.erased_at is None:
            _erase(session, None, p, now)
            again += 1
    return again


def _after_commit_scrub(session: Session) -> None:
    """Once the erasure is committed: no old page of it left in the file or its log."""
    if session.info.get("scrub_pending"):
        return
    session.info["scrub_pending"] = True
    engine = session.get_bind()

    def scrub(_session: Session) -> None:
        session.info.pop("scrub_pending", None)
        if isinstance(engine, Engine):
            scrub_storage(engine)

    event.listen(session, "after_commit", scrub, once=True)


def _erase(session: Session, officer_id: uuid.UUID | None, p: Person, now: datetime) -> None:
    case_ids = list(session.scalars(select(Case.id).where(Case.person_id == p.id)))
    subjects = subject_ids(session, p.id, case_ids)
    numbers, name = [p.nik or "", p.phone], p.name
    tracking = list(session.scalars(select(Case.tracking_number).where(Case.id.in_(case_ids))))
    blank: dict[str, Any] = dict(PERSON_KEYS)
    blank["birth_date"] = p.birth_date.replace(month=1, day=1) if p.birth_date else None
    p.nik, p.nik_override_reason = None, None
    p.name, p.name_key, p.birth_place = ERASED_NAME, "", ""
    p.phone, p.mother_name = "", ""
    if p.birth_date is not None:  # the year still places them in an age group
        p.birth_date = p.birth_date.replace(month=1, day=1)
    p.erased_at = now
    session.execute(
        update(Complaint).where(Complaint.case_id.in_(case_ids)).values(description=ERASED_TEXT)
    )
    # Free text an officer wrote about the person may name them: every such field goes.
    for model, column, key in (
        (CaseEvent, CaseEvent.note, CaseEvent.case_id),
        (CitizenNotice, CitizenNotice.note, CitizenNotice.case_id),
        (Case, Case.decision, Case.id),
        (Referral, Referral.reason, Referral.case_id),
        (Referral, Referral.request, Referral.case_id),
    ):
        session.execute(
            update(model).where(key.in_(case_ids), column != "").values({column: ERASED_TEXT})
        )
    session.execute(
        update(PrelistProposal)
        .where(PrelistProposal.person_id == p.id, PrelistProposal.reason != "")
        .values(reason=ERASED_TEXT)
    )
    docs = list(
        session.scalars(select(PrintedDocument.id).where(PrintedDocument.subject_id.in_(subjects)))
    )
    session.execute(update(PrintedDocument).where(PrintedDocument.id.in_(docs)).values(pdf=None))
    session.execute(update(PrintJob).where(PrintJob.document_id.in_(docs)).values(payload=b""))
    entities: dict[uuid.UUID, dict[str, Any]] = {i: {} for i in subjects}
    entities[p.id] = _jsonable(blank)
    entities.update(
        {v: {} for v in session.scalars(select(Visit.id).where(Visit.person_id == p.id))}
    )
    hh = session.get(Household, p.household_id) if p.household_id else None
    emptied = hh is not None and not session.scalar(
        select(func.count())
        .select_from(Person)
        .where(Person.household_id == hh.id, Person.id != p.id, Person.erased_at.is_(None))
    )
    if hh is not None and emptied:  # nobody left whom the card and address describe
        old_kk = hh.no_kk
        numbers.append(old_kk or "")
        entities[hh.id] = dict(HOUSEHOLD_KEYS)
        hh.no_kk, hh.address, hh.latitude, hh.longitude = None, "", None, None
        if hh.house_photo_path:
            Path(hh.house_photo_path).unlink(missing_ok=True)
            hh.house_photo_path = None
    scrub_outbox(session, entities, numbers, [name], ERASED_TEXT)
    scrub_copies(
        session, p.id, numbers[0], (hh.id, old_kk) if hh and emptied else None, ERASED_TEXT
    )
    scrub_print_jobs(session, [*numbers, name, *tracking])
    if "data_dir" in session.info:
        entry: dict[str, Any] = {"person_id": str(p.id), "at": now.isoformat()}
        entry["household_id"] = str(hh.id) if hh is not None and emptied else None
        ledger_append(session.info["data_dir"], [entry])
    _after_commit_scrub(session)
    record(
        session,
        officer_id,
        "identitas_dihapus",
        "person",
        p.id,
        payload={
            "person_id": p.id,
            "erased_at": now,
            "household_id": hh.id if hh is not None and emptied else None,
        },
    )
