"""The back office's cases: inbox, the full record, status moves, notes, telling the citizen.

Every change writes the case, a timeline event, the audit entry and the outbox operation in the
caller's one transaction. Status rules live in :mod:`kiosk.case_rules`; approvals (resolution,
referral, service product) in :mod:`kiosk.services.approvals`.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, ValidationError
from kiosk.identity import mask_nik
from kiosk.models import (
    ApprovalStep,
    ApprovalVote,
    Case,
    CaseEvent,
    CitizenNotice,
    Complaint,
    Officer,
    Person,
    PrintedDocument,
    Referral,
    ServiceProduct,
)
from kiosk.names import name_key
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import record
from kiosk.services.reference import choices, holidays
from kiosk.services.registry import action

EVENT_LABELS = {
    "diterima": "Diterima di front office",
    "status": "Status diubah",
    "catatan": "Catatan analisis",
    "diajukan": "Diajukan untuk persetujuan",
    "disetujui": "Disetujui",
    "ditolak_persetujuan": "Dikembalikan",
    "dirujuk": "Dirujuk",
    "pemberitahuan": "Warga diberi tahu",
    "produk": "Produk layanan",
    "status_kabupaten": "Kabar dari kabupaten",
}


def load_case(session: Session, case_id: uuid.UUID) -> Case:
    found = session.get(Case, case_id)
    if found is None:
        raise NotFound("Kasus ini tidak ditemukan. Muat ulang daftar kasus.")
    return found


def set_status(
    session: Session,
    actor_id: uuid.UUID | None,
    case_: Case,
    to_status: str,
    kind: str,
    note: str = "",
    *,
    now: datetime,
    by_engine: bool = False,
    source: str = "lokal",
) -> CaseEvent:
    """Move ``case_`` if the rules allow it; event, audit and outbox in the same transaction."""
    from_status = case_.status
    if not rules.can_move(from_status, to_status, by_engine=by_engine):
        raise Conflict(
            f"Kasus berstatus {rules.STATUS_LABELS.get(from_status, from_status)} tidak dapat "
            f"diubah menjadi {rules.STATUS_LABELS.get(to_status, to_status)}.",
            code="perpindahan_status",
        )
    case_.status = to_status
    case_.version += 1
    event = CaseEvent(
        case_id=case_.id,
        kind=kind,
        at=now,
        officer_id=actor_id,
        from_status=from_status,
        to_status=to_status,
        note=note,
        source=source,
    )
    session.add(event)
    if source == "lokal":
        record(
            session,
            actor_id,
            "kasus_status",
            "case",
            case_.id,
            payload={
                "tracking_number": case_.tracking_number,
                "from": from_status,
                "to": to_status,
                "kind": kind,
                "note": note,
                "decision": case_.decision,
                "version": case_.version,
                "at": now,
            },
            detail={"from": from_status, "to": to_status},
        )
    return event


@action(Perm.WORK_CASE, label="Memindahkan status kasus")
def move_case(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    to_status: str,
    note: str = "",
    clock: Clock | None = None,
) -> str:
    """A manual move (review, work, reject, close, reopen). Returns the new status."""
    clock = clock or Clock()
    case_ = load_case(session, case_id)
    note = note.strip()
    if rules.needs_note(case_.status, to_status) and not note:
        raise ValidationError(
            "Tuliskan alasan atau keputusan untuk langkah ini.", field="note", code="perlu_alasan"
        )
    if to_status == rules.REJECTED:
        case_.decision = note
    if to_status == rules.CLOSED:
        if not (case_.decision or "").strip():
            raise ValidationError(
                "Kasus belum punya keputusan tertulis. Catat keputusan sebelum menutup.",
                field="note",
                code="perlu_keputusan",
            )
        told = session.scalar(
            select(CitizenNotice.id).where(CitizenNotice.case_id == case_.id).limit(1)
        )
        if told is None:
            raise ValidationError(
                "Warga belum diberi tahu hasilnya. Catat pemberitahuan (langsung, telepon, "
                "surat atau melalui fasilitator) sebelum menutup kasus.",
                field="notice",
                code="belum_diberitahu",
            )
    if to_status == rules.IN_PROGRESS and case_.status in (rules.CLOSED, rules.REFERRED):
        kind = "dibuka_kembali"
    else:
        kind = "status"
    if case_.assigned_to is None and to_status in (rules.REVIEW, rules.IN_PROGRESS):
        case_.assigned_to = actor.id
    set_status(session, actor.id, case_, to_status, kind, note, now=clock.now())
    return to_status


@action(Perm.WORK_CASE, label="Menambah catatan kasus")
def add_note(
    session: Session, actor: Actor, case_id: uuid.UUID, note: str, clock: Clock | None = None
) -> None:
    """An analysis note on the timeline (also sent upstream: the kabupaten sees the analysis)."""
    note = note.strip()
    if not note:
        raise ValidationError("Catatan masih kosong.", field="note")
    case_ = load_case(session, case_id)
    now = (clock or Clock()).now()
    session.add(CaseEvent(case_id=case_.id, kind="catatan", at=now, officer_id=actor.id, note=note))
    record(
        session,
        actor.id,
        "kasus_catatan",
        "case",
        case_.id,
        payload={"tracking_number": case_.tracking_number, "note": note, "at": now},
    )


@action(Perm.WORK_CASE, label="Mencatat pemberitahuan hasil kepada warga")
def record_notice(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    method: str,
    note: str = "",
    clock: Clock | None = None,
) -> None:
    """How and when the citizen was told the outcome (all five regulations ask for it)."""
    methods = {c.code: c.label for c in choices(session, "cara_pemberitahuan")}
    if method not in methods:
        raise ValidationError("Pilih cara pemberitahuan.", field="method")
    case_ = load_case(session, case_id)
    if case_.status not in rules.DECIDED:
        raise Conflict(
            "Kasus ini belum punya hasil untuk diberitahukan. Selesaikan, rujuk, atau tolak dulu.",
            code="belum_ada_hasil",
        )
    now = (clock or Clock()).now()
    session.add(
        CitizenNotice(
            case_id=case_.id, method=method, told_at=now, officer_id=actor.id, note=note.strip()
        )
    )
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="pemberitahuan",
            at=now,
            officer_id=actor.id,
            note=f"{methods[method]}. {note.strip()}".strip(". ")
            if note.strip()
            else methods[method],
        )
    )
    record(
        session,
        actor.id,
        "kasus_pemberitahuan",
        "case",
        case_.id,
        payload={"tracking_number": case_.tracking_number, "method": method, "at": now},
        detail={"method": method},
    )


@dataclass(frozen=True)
class CaseRow:
    """One line of the inbox."""

    id: uuid.UUID
    tracking_number: str
    name: str
    desk: str
    desk_label: str
    kind: str
    status: str
    status_label: str
    due_on: date | None
    health: str
    health_label: str
    emergency: bool
    sensitive: bool
    created_at: datetime
    upstream_state: str


@action(Perm.WORK_CASE, label="Melihat kotak masuk kasus")
def case_inbox(
    session: Session,
    actor: Actor,
    desk: str | None = None,
    status: str | None = None,
    health: str | None = None,
    text: str = "",
    include_finished: bool = False,
    clock: Clock | None = None,
    limit: int = 500,
) -> list[CaseRow]:
    """Cases by desk; emergencies first, then the nearest due date."""
    today = (clock or Clock()).today()
    days_off = holidays(session)
    desks = {c.code: c.label for c in choices(session, "meja_layanan")}
    query = select(Case, Person.name).join(Person, Person.id == Case.person_id, isouter=True)
    if desk:
        query = query.where(Case.desk == desk)
    if status:
        query = query.where(Case.status == status)
    elif not include_finished:
        query = query.where(Case.status.in_(rules.OPEN | rules.OUTCOMES))
    text = text.strip()
    if text:
        key = name_key(text)
        query = query.where(
            or_(
                Case.tracking_number.ilike(f"%{text}%"),
                Person.nik == text,
                Person.name_key.like(f"{key}%") if key else False,
            )
        )
    open_first = case((Case.status.in_(rules.OPEN), 0), else_=1)
    emergency_first = case((Case.emergency & Case.status.in_(rules.OPEN), 0), else_=1)
    query = query.order_by(
        emergency_first, open_first, Case.due_on.is_(None), Case.due_on, Case.created_at
    ).limit(limit)
    rows = []
    for c, name in session.execute(query):
        h = rules.health(c.status, c.due_on, today, days_off)
        if health and h != health:
            continue
        rows.append(
            CaseRow(
                c.id,
                c.tracking_number,
                name or "-",
                c.desk,
                desks.get(c.desk, c.desk),
                c.kind,
                c.status,
                rules.STATUS_LABELS.get(c.status, c.status),
                c.due_on,
                h,
                rules.HEALTH_LABELS[h],
                c.emergency,
                c.sensitive,
                c.created_at,
                c.upstream_state,
            )
        )
    return rows


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    label: str
    note: str
    officer: str
    source: str
    to_status: str | None


@dataclass(frozen=True)
class StepView:
    id: uuid.UUID
    round: int
    position: int
    role: str
    role_label: str
    status: str
    at_kabupaten: bool
    decided_at: datetime | None
    votes: tuple[tuple[str, str, str], ...]  # (officer, decision, reason)
    status_label: str = ""


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    destination_code: str
    destination_label: str
    destination_kind: str
    reason: str
    request: str
    status: str
    round: int
    consent_given: bool
    letter_number: str | None
    steps: tuple[StepView, ...]
    status_label: str = ""


@dataclass(frozen=True)
class ProductView:
    id: uuid.UUID
    product_code: str
    product_label: str
    statement: str
    purpose: str
    status: str
    signed_by_name: str | None
    handed_over_at: datetime | None
    steps: tuple[StepView, ...]
    status_label: str = ""


@dataclass(frozen=True)
class CaseView:
    """Everything the back office sees on one case."""

    id: uuid.UUID
    tracking_number: str
    status: str
    status_label: str
    desk_label: str
    kind: str
    emergency: bool
    sensitive: bool
    due_on: date | None
    health_label: str
    decision: str | None
    person_id: uuid.UUID | None
    person_name: str
    nik_masked: str
    sector: str
    category: str
    programme: str
    description: str
    upstream_state: str
    told: bool
    timeline: tuple[TimelineEntry, ...]
    referrals: tuple[ReferralView, ...] = ()
    products: tuple[ProductView, ...] = ()
    resolution_steps: tuple[StepView, ...] = ()
    documents: tuple[tuple[str, str], ...] = field(default=())  # (kind, number)


def _steps(session: Session, subject_type: str, subject_id: uuid.UUID) -> tuple[StepView, ...]:
    steps = session.scalars(
        select(ApprovalStep)
        .where(ApprovalStep.subject_type == subject_type, ApprovalStep.subject_id == subject_id)
        .order_by(ApprovalStep.round, ApprovalStep.position)
    ).all()
    out = []
    for s in steps:
        votes = session.execute(
            select(Officer.full_name, ApprovalVote.decision, ApprovalVote.reason)
            .join(Officer, Officer.id == ApprovalVote.officer_id, isouter=True)
            .where(ApprovalVote.step_id == s.id)
            .order_by(ApprovalVote.at)
        ).all()
        out.append(
            StepView(
                s.id,
                s.round,
                s.position,
                s.role,
                rules.STEP_LABELS.get(s.role, s.role),
                s.status,
                s.at_kabupaten,
                s.decided_at,
                tuple((n or "Kabupaten", d, r) for n, d, r in votes),
                rules.words(rules.STEP_STATUS_LABELS, s.status),
            )
        )
    return tuple(out)


@action(Perm.WORK_CASE, label="Melihat rincian kasus")
def case_detail(
    session: Session, actor: Actor, case_id: uuid.UUID, clock: Clock | None = None
) -> CaseView:
    return _detail(session, load_case(session, case_id), clock)


def _detail(session: Session, c: Case, clock: Clock | None) -> CaseView:
    today = (clock or Clock()).today()
    person = session.get(Person, c.person_id) if c.person_id else None
    complaint = session.scalars(select(Complaint).where(Complaint.case_id == c.id)).first()
    names = {i: n for i, n in session.execute(select(Officer.id, Officer.full_name))}
    desks = {x.code: x.label for x in choices(session, "meja_layanan")}
    sectors = {x.code: x.label for x in choices(session, "sektor")}
    categories = {x.code: x.label for x in choices(session, "kategori_keluhan")}
    destinations = {x.code: x.label for x in choices(session, "tujuan_rujukan")}
    products = {x.code: x.label for x in choices(session, "produk_layanan")}
    events = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == c.id)
        .order_by(CaseEvent.at, CaseEvent.position)
    ).all()
    timeline = tuple(
        TimelineEntry(
            e.at,
            EVENT_LABELS.get(e.kind, e.kind.replace("_", " ").capitalize())
            + (f": {rules.STATUS_LABELS.get(e.to_status, e.to_status)}" if e.to_status else ""),
            e.note,
            names.get(e.officer_id, "Kabupaten" if e.source != "lokal" else "-")
            if e.officer_id
            else ("Kabupaten" if e.source != "lokal" else "-"),
            e.source,
            e.to_status,
        )
        for e in events
    )
    referrals = tuple(
        ReferralView(
            r.id,
            r.destination_code,
            destinations.get(r.destination_code, r.destination_code),
            r.destination_kind,
            r.reason,
            r.request,
            r.status,
            r.round,
            r.consent_given,
            r.letter_number,
            _steps(session, "rujukan", r.id),
            rules.words(rules.REFERRAL_STATUS_LABELS, r.status),
        )
        for r in session.scalars(
            select(Referral).where(Referral.case_id == c.id).order_by(Referral.created_at)
        )
    )
    prods = tuple(
        ProductView(
            p.id,
            p.product_code,
            products.get(p.product_code, p.product_code),
            p.statement,
            p.purpose,
            p.status,
            p.signed_by_name,
            p.handed_over_at,
            _steps(session, "produk", p.id),
            rules.words(rules.PRODUCT_STATUS_LABELS, p.status),
        )
        for p in session.scalars(
            select(ServiceProduct)
            .where(ServiceProduct.case_id == c.id)
            .order_by(ServiceProduct.created_at)
        )
    )
    told = session.scalar(select(CitizenNotice.id).where(CitizenNotice.case_id == c.id).limit(1))
    subjects = [c.id, *(r.id for r in referrals), *(p.id for p in prods)]
    docs = tuple(
        session.execute(
            select(PrintedDocument.kind, PrintedDocument.number)
            .where(PrintedDocument.subject_id.in_(subjects))
            .order_by(PrintedDocument.created_at)
        ).all()
    )
    return CaseView(
        c.id,
        c.tracking_number,
        c.status,
        rules.STATUS_LABELS.get(c.status, c.status),
        desks.get(c.desk, c.desk),
        c.kind,
        c.emergency,
        c.sensitive,
        c.due_on,
        rules.HEALTH_LABELS[rules.health(c.status, c.due_on, today, holidays(session))],
        c.decision,
        c.person_id,
        person.name if person else "-",
        mask_nik(person.nik) if person and person.nik else "-",
        sectors.get(complaint.sector, complaint.sector) if complaint else "",
        categories.get(complaint.category or "", complaint.category or "") if complaint else "",
        complaint.programme_code or "" if complaint else "",
        complaint.description if complaint else "",
        c.upstream_state,
        told is not None,
        timeline,
        referrals,
        prods,
        _steps(session, "penyelesaian", c.id),
        docs,
    )


def normalise_tracking(text: str) -> str:
    """What an officer typed or a scanner read (the receipt's QR holds the tracking number),
    as letters and digits only: dashes, dots, spaces and case do not matter."""
    # A URL or "LACAK:…" from another kiosk version: the number is the last part.
    last = re.split(r"[/=:?#]", text.strip().upper().rstrip("/"))[-1]
    return re.sub(r"[^0-9A-Z]", "", last)


SHORT_FORM = re.compile(r"^\s*(\d{4})\s*[-. ]?\s*(\d{1,5})\s*$")


def short_tracking(number: str) -> str:
    """``2611-00012``: the month and serial, what a citizen reads out; the office is implied."""
    return "-".join(number.rsplit("-", 2)[-2:])


def _lookup(session: Session, text: str) -> Case | None:
    compact = normalise_tracking(text)
    if len(compact) > 9:  # the full number, however it was written
        full = f"{compact[:-9]}-{compact[-9:-5]}-{compact[-5:]}"
        found = session.scalars(select(Case).where(Case.tracking_number == full)).first()
        if found is not None:
            return found
    short = SHORT_FORM.match(text) or SHORT_FORM.match(compact if len(compact) == 9 else "")
    if short is None:
        return None
    tail = f"-{short.group(1)}-{int(short.group(2)):05d}"
    matches = session.scalars(
        select(Case).where(Case.tracking_number.endswith(tail)).limit(2)
    ).all()
    return matches[0] if len(matches) == 1 else None


@action(Perm.VIEW_CASE, label="Mencari kasus dengan nomor lacak")
def find_case(
    session: Session, actor: Actor, tracking: str, clock: Clock | None = None
) -> CaseView:
    """ "How is my complaint?": the case by its tracking number, for any counter officer."""
    if not normalise_tracking(tracking):
        raise ValidationError("Ketik atau pindai nomor lacak pada tanda terima.", field="tracking")
    found = _lookup(session, tracking)
    if found is None:
        raise NotFound(
            f"Nomor lacak {tracking.strip()} tidak ditemukan di Puskesos ini. Periksa lagi "
            "nomor pada tanda terima (nomor lengkap, atau nomor singkat seperti 2611-00012).",
            code="lacak_tidak_ditemukan",
        )
    return _detail(session, found, clock)
