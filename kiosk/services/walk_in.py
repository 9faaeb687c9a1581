"""Capture a visit: complaint, needs, participation, documents, consent, pre-list proposal.

One call, one transaction: the case, its complaint, its timeline entry, the ticket's end, the
audit entry and the outbox operation land together or not at all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.case_rules import CaseStatus
from kiosk.clock import Clock, tanggal
from kiosk.errors import NotFound, ValidationError
from kiosk.identity import mask_nik, mask_niks_in_text
from kiosk.messages import _
from kiosk.models import (
    Case,
    CaseEvent,
    Complaint,
    Consent,
    DocumentCheck,
    Household,
    Person,
    PrelistProposal,
    Programme,
    ProgrammeNeed,
    ProgrammeParticipation,
    QueueEvent,
    QueueTicket,
    Site,
    Visit,
)
from kiosk.profiles import Profile, active_profile
from kiosk.roles import Perm
from kiosk.services.access import checked_needs
from kiosk.services.actor import Actor, authorize
from kiosk.services.dtks_check import DtksResult, OnlineAnswer, check_dtks
from kiosk.services.due_days import first_answer_due
from kiosk.services.journal import record
from kiosk.services.numbers import current_site, tracking_number
from kiosk.services.outbox import get_state
from kiosk.services.prelist_review import DRAFT, opening_status
from kiosk.services.prelist_review import send as send_prelist
from kiosk.services.reference import choices
from kiosk.services.registry import acting_officer, action
from kiosk.services.supervision import opening_state
from kiosk.services.tickets import TicketStatus
from kiosk.status_link import new_check_code, status_link

DESK_BY_SECTOR = {"pendidikan": "pendidikan", "kesehatan": "kesehatan", "adminduk": "adminduk"}
DATA_CATEGORIES = {"belum_terdaftar", "salah_dikeluarkan", "data_salah", "meninggal_pindah"}


@dataclass
class CaptureInput:
    """What the officer captured; only kind, sector and channel are required."""

    person_id: uuid.UUID
    complaint_kind: str = "pengaduan"
    sector: str = "sosial"
    channel: str = "datang"
    ticket_id: uuid.UUID | None = None
    about_membership: bool = False
    category: str | None = None
    programme_code: str | None = None
    description: str = ""
    urgency: str = "biasa"
    sensitivity: str = "biasa"
    needs: list[str] = field(default_factory=list)
    participation: list[str] = field(default_factory=list)
    documents: dict[str, bool] = field(default_factory=dict)
    consent_basis: str = "persetujuan"
    propose_prelist: bool = False
    prelist_reason: str = ""
    # The kabupaten's answer when it was newer than the snapshot (the counter showed it).
    online: OnlineAnswer | None = None
    access_needs: list[str] = field(default_factory=list)  # kursi_roda, bahasa_isyarat ...


@dataclass(frozen=True)
class WalkInResult:
    """Everything the receipt and the confirmation screen show."""

    case_id: uuid.UUID
    tracking_number: str
    person_name: str
    nik_masked: str
    service: str
    summary: str
    next_steps: str
    status_help: str
    due_on: date
    emergency: bool
    dtks_status: str  # terdaftar, tidak_terdaftar, tanpa_data
    prelist_id: uuid.UUID | None
    provisional: bool = True
    qr_text: str = ""  # the status page's link with its check code, or "" (the number alone)


def _check(session: Session, list_name: str, code: str | None, field_name: str, label: str) -> str:
    codes = {c.code: c.label for c in choices(session, list_name)}
    if code not in codes:
        raise ValidationError(
            _("Pilih {0}.").format(label), code=f"{field_name}_tidak_valid", field=field_name
        )
    return codes[code]


def _programmes(session: Session, codes: list[str], field_name: str) -> None:
    if not codes:
        return
    known = set(session.scalars(select(Programme.code).where(Programme.code.in_(codes))))
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ValidationError(
            _("Program tidak dikenal: {0}.").format(", ".join(unknown)), field=field_name
        )


def _desk(sector: str, category: str | None) -> str:
    if category in DATA_CATEGORIES:
        return "data"
    return DESK_BY_SECTOR.get(sector, "sosial_ekonomi")


def _validate(session: Session, data: CaptureInput) -> tuple[str, str]:
    """Every code against its reference list; returns the kind and sector in words."""
    kind_label = _check(
        session, "jenis_keluhan", data.complaint_kind, "complaint_kind", "jenis keluhan"
    )
    sector_label = _check(session, "sektor", data.sector, "sector", "sektor")
    _check(session, "saluran", data.channel, "channel", "saluran")
    _check(session, "urgensi", data.urgency, "urgency", "tingkat urgensi")
    _check(
        session,
        "dasar_pemrosesan",
        data.consent_basis,
        "consent_basis",
        "dasar pemrosesan data (persetujuan)",
    )
    if data.category:
        _check(session, "kategori_keluhan", data.category, "category", "kategori keluhan")
    _programmes(session, [c for c in [data.programme_code] if c], "programme_code")
    _programmes(session, data.needs, "needs")
    _programmes(session, data.participation, "participation")
    if data.complaint_kind == "pengaduan" and not data.description.strip():
        raise ValidationError(
            _("Tulis isi pengaduan singkat di kolom uraian."), field="description"
        )
    return kind_label, sector_label


@dataclass
class _Visit:
    """What one capture writes, gathered as it is built."""

    data: CaptureInput
    person: Person
    household: Household | None
    officer_id: uuid.UUID
    dtks_status: str
    now: datetime
    access: str = ""  # the visitor's access needs, checked codes
    visit: Visit | None = None
    case: Case | None = None
    ticket: QueueTicket | None = None
    prelist: PrelistProposal | None = None

    @property
    def household_id(self) -> uuid.UUID | None:
        return self.household.id if self.household else None


def _open_visit(session: Session, v: _Visit, dtks: DtksResult) -> Visit:
    data = v.data
    v.ticket = session.get(QueueTicket, data.ticket_id) if data.ticket_id else None
    visit = Visit(
        id=uuid.uuid4(),
        channel=data.channel,
        ticket_id=v.ticket.id if v.ticket else None,
        person_id=v.person.id,
        household_id=v.household_id,
        dtks_status=v.dtks_status,
        dtks_snapshot_id=dtks.snapshot_id,
        dtks_decile=dtks.current_decile,
        access_needs=v.access,
        started_at=v.ticket.issued_at if v.ticket else v.now,
        ended_at=v.now,
        officer_id=v.officer_id,
    )
    session.add(visit)
    v.visit = visit
    return visit


def _open_case(
    session: Session, v: _Visit, site: Site, today: date, due: date, profile: Profile
) -> Case:
    data = v.data
    assert v.visit is not None
    case = Case(
        id=uuid.uuid4(),
        tracking_number=tracking_number(session, site, today),
        check_code=new_check_code(),
        visit_id=v.visit.id,
        person_id=v.person.id,
        household_id=v.household_id,
        kind=data.complaint_kind,
        desk=_desk(data.sector, data.category),
        status=CaseStatus.RECEIVED,
        emergency=data.urgency == "darurat",
        sensitive=data.sensitivity == "rahasia",
        access_needs=v.access,
        due_on=due,
        created_by=v.officer_id,
        profile=profile.key,
        review_state=opening_state(profile),
    )
    session.add(case)
    session.flush()
    v.case = case
    return case


def _record_details(session: Session, v: _Visit) -> None:
    """The complaint, needs, participation, documents shown and the consent."""
    data, case, visit = v.data, v.case, v.visit
    assert case is not None and visit is not None
    session.add(
        Complaint(
            case_id=case.id,
            kind=data.complaint_kind,
            about_membership=data.about_membership,
            sector=data.sector,
            category=data.category,
            programme_code=data.programme_code,
            channel=data.channel,
            urgency=data.urgency,
            sensitivity=data.sensitivity,
            description=data.description.strip(),
        )
    )
    who = {"visit_id": visit.id, "person_id": v.person.id, "household_id": v.household_id}
    session.add_all(ProgrammeNeed(**who, programme_code=code) for code in data.needs)
    session.add_all(
        ProgrammeParticipation(**who, programme_code=code) for code in data.participation
    )
    session.add_all(
        DocumentCheck(visit_id=visit.id, document_code=code, present=present)
        for code, present in data.documents.items()
    )
    session.add(
        Consent(
            person_id=v.person.id,
            purpose="layanan",
            basis=data.consent_basis,
            given_at=v.now,
            recorded_by=v.officer_id,
        )
    )


def _propose_prelist(session: Session, actor: Actor, v: _Visit) -> None:
    """A person missing from DTKS proposed for the pre-list (a permission of its own)."""
    if not v.data.propose_prelist or v.dtks_status == "terdaftar":
        return
    authorize(session, actor, Perm.PROPOSE_PRELIST)
    assert v.visit is not None and v.case is not None
    v.prelist = PrelistProposal(
        id=uuid.uuid4(),
        person_id=v.person.id,
        household_id=v.household_id,
        visit_id=v.visit.id,
        case_id=v.case.id,
        status=opening_status(active_profile(session)),
        reason=v.data.prelist_reason.strip(),
        disability=v.person.disability,
        proposed_by=v.officer_id,
    )
    session.add(v.prelist)


def _journal(session: Session, v: _Visit) -> None:
    """The case's first timeline entry, the ticket's end, and the audit and outbox record."""
    data, case = v.data, v.case
    assert case is not None
    session.add(
        CaseEvent(
            case_id=case.id,
            kind="diterima",
            at=v.now,
            officer_id=v.officer_id,
            to_status=CaseStatus.RECEIVED,
            note="Darurat: didahulukan" if case.emergency else "",
        )
    )
    if v.ticket is not None:
        v.ticket.status = TicketStatus.DONE
        session.add(
            QueueEvent(ticket_id=v.ticket.id, kind="ended", at=v.now, officer_id=v.officer_id)
        )
    session.flush()
    record(
        session,
        v.officer_id,
        "kasus_dicatat",
        "case",
        case.id,
        payload={
            "tracking_number": case.tracking_number,
            "check_code": case.check_code,
            "person_id": v.person.id,
            "household_id": v.household_id,
            "kind": data.complaint_kind,
            "sector": data.sector,
            "category": data.category,
            "programme": data.programme_code,
            "channel": data.channel,
            "urgency": data.urgency,
            "sensitivity": data.sensitivity,
            "about_membership": data.about_membership,
            "description": data.description.strip(),
            "needs": data.needs,
            "participation": data.participation,
            "dtks_status": v.dtks_status,
            "due_on": case.due_on,
            "desk": case.desk,
            "prelist_id": v.prelist.id if v.prelist else None,
        },
        detail={"kind": data.complaint_kind, "urgency": data.urgency},
    )


def _result(session: Session, v: _Visit, site: Site, labels: tuple[str, str]) -> WalkInResult:
    """What the receipt and the confirmation screen say."""
    data, case = v.data, v.case
    assert case is not None and case.due_on is not None
    kind_label, sector_label = labels
    due = case.due_on
    desk_label = {c.code: c.label for c in choices(session, "meja_layanan")}.get(
        case.desk, case.desk
    )
    steps = (
        f"Kasus DARURAT: ditangani segera, paling lambat {tanggal(due)}."
        if case.emergency
        else f"Diteruskan ke {desk_label}; jawaban paling lambat {tanggal(due)}."
    )
    if v.prelist is not None:
        steps += (
            " Anda diusulkan masuk DTKS (daftar awal); hasilnya melalui musyawarah desa "
            "dan verifikasi."
        )
    phone = f" atau telepon {site.phone}" if site.phone else ""
    # The summary goes on the receipt the citizen carries: a NIK typed in it is masked.
    summary = mask_niks_in_text(
        " - ".join(x for x in (sector_label, data.description.strip()[:160]) if x)
    )
    return WalkInResult(
        case.id,
        case.tracking_number,
        v.person.name,
        mask_nik(v.person.nik),
        f"{kind_label}{' ' + data.programme_code if data.programme_code else ''}",
        summary,
        steps,
        f"Sebutkan nomor lacak di loket {site.name}{phone}.",
        due,
        case.emergency,
        v.dtks_status,
        v.prelist.id if v.prelist else None,
        qr_text=status_link(
            get_state(session, "upstream_url"), case.tracking_number, case.check_code
        ),
    )


@action(Perm.CAPTURE_COMPLAINT, label="Mencatat kunjungan warga (pengaduan, kebutuhan, program)")
def record_walk_in(
    session: Session, actor: Actor, data: CaptureInput, clock: Clock | None = None
) -> WalkInResult:
    """Open a case from a visit and hand it to the back office: validate, build, journal."""
    clock = clock or Clock()
    person = session.get(Person, data.person_id)
    if person is None:
        raise NotFound(_("Warga belum terdaftar. Daftarkan dahulu."))
    household = session.get(Household, person.household_id) if person.household_id else None
    labels = _validate(session, data)
    dtks = check_dtks(session, actor, person.nik, household.no_kk if household else None)
    dtks = replace(dtks, online=data.online)
    dtks_status = (
        "tanpa_data"
        if dtks.snapshot_id is None and not dtks.online_is_newer
        else ("terdaftar" if dtks.registered else "tidak_terdaftar")
    )
    site = current_site(session)
    if site is None:
        raise ValidationError(_("Puskesos belum diatur."))
    officer = acting_officer(session, actor)
    access = checked_needs(session, data.access_needs)
    v = _Visit(data, person, household, officer.id, dtks_status, clock.now(), access)
    _open_visit(session, v, dtks)
    today = clock.today()
    profile = active_profile(session)
    due = first_answer_due(session, profile, data.urgency, today)
    _open_case(session, v, site, today, due, profile)
    _record_details(session, v)
    _propose_prelist(session, actor, v)
    _journal(session, v)
    if v.prelist is not None and v.prelist.status == DRAFT:  # else written once reviewed
        send_prelist(session, v.officer_id, v.prelist)
    return _result(session, v, site, labels)
