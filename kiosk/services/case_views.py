"""What the back office and the counter see of one case: the views, and the case found by its
tracking number. Which actions the case offers comes from :mod:`kiosk.case_actions`, so the
window draws only what the services allow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.case_actions import CaseAction, Subject, available_actions
from kiosk.clock import Clock
from kiosk.errors import NotFound, ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
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
from kiosk.profiles import profile_by_key
from kiosk.roles import Perm, permissions_of
from kiosk.services.access import AccessNeed, access_needs, needs_of
from kiosk.services.actor import Actor
from kiosk.services.cases import event_words, load_case
from kiosk.services.community_cases import StageView, households_of, stage_view
from kiosk.services.reference import choices, holidays
from kiosk.services.registry import action
from kiosk.status_link import number_from_scan
from kiosk.tracking import SHORT_FORM, normalise_tracking


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    label: str
    note: str
    officer: str
    source: str
    to_status: str | None
    kind: str = ""  # the event's code: the window words it in the chosen language


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
    actions: tuple[CaseAction, ...] = ()  # what the acting officer may do now, in order
    access: tuple[AccessNeed, ...] = ()  # how to serve the citizen (wheelchair, sign language)
    subject: str = "orang"  # orang, keluarga, komunitas
    community: str = ""  # a community case's group and place
    households: tuple[tuple[str, str], ...] = ()  # a community case's (No. KK, head)
    stage: StageView | None = None  # Depok's procedure, once the case follows it
    health: str = ""  # the deadline's code (rules.ON_TRACK ...): the window words it


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
                profile_by_key(session, s.profile).role_label(s.role),
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
    return _detail(session, actor, load_case(session, case_id), clock)


def _labels(session: Session, name: str) -> dict[str, str]:
    return {x.code: x.label for x in choices(session, name)}


def _timeline(session: Session, c: Case) -> tuple[TimelineEntry, ...]:
    names = {i: n for i, n in session.execute(select(Officer.id, Officer.full_name))}
    events = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == c.id)
        .order_by(CaseEvent.at, CaseEvent.position)
    ).all()
    upstream = "Kabupaten"
    return tuple(
        TimelineEntry(
            e.at,
            event_words(e.kind, e.to_status),
            e.note,
            names.get(e.officer_id, upstream if e.source != "lokal" else "-")
            if e.officer_id
            else (upstream if e.source != "lokal" else "-"),
            e.source,
            e.to_status,
            e.kind,
        )
        for e in events
    )


def _referrals(session: Session, c: Case) -> tuple[ReferralView, ...]:
    destinations = _labels(session, "tujuan_rujukan")
    return tuple(
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


def _products(session: Session, c: Case) -> tuple[ProductView, ...]:
    products = _labels(session, "produk_layanan")
    return tuple(
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


def _documents(session: Session, subjects: list[uuid.UUID]) -> tuple[tuple[str, str], ...]:
    rows = session.execute(
        select(PrintedDocument.kind, PrintedDocument.number)
        .where(PrintedDocument.subject_id.in_(subjects))
        .order_by(PrintedDocument.created_at)
    ).all()
    return tuple((kind, number) for kind, number in rows)


def _complaint_words(session: Session, complaint: Complaint | None) -> tuple[str, str, str, str]:
    """Sector, category, programme and description, in words."""
    if complaint is None:
        return "", "", "", ""
    sector = _labels(session, "sektor").get(complaint.sector, complaint.sector)
    category = complaint.category or ""
    category = _labels(session, "kategori_keluhan").get(category, category)
    return sector, category, complaint.programme_code or "", complaint.description


def _detail(session: Session, actor: Actor, c: Case, clock: Clock | None) -> CaseView:
    today = (clock or Clock()).today()
    health = rules.health(c.status, c.due_on, today, holidays(session))
    person = session.get(Person, c.person_id) if c.person_id else None
    complaint = session.scalars(select(Complaint).where(Complaint.case_id == c.id)).first()
    referrals, prods = _referrals(session, c), _products(session, c)
    told = session.scalar(select(CitizenNotice.id).where(CitizenNotice.case_id == c.id).limit(1))
    held = permissions_of(actor.roles)
    offered = available_actions(
        c.status,
        (Subject(r.id, r.status) for r in referrals),
        (Subject(p.id, p.status) for p in prods),
        held,
        stage=c.stage,
        community=c.subject == "komunitas",
    )
    return CaseView(
        c.id,
        c.tracking_number,
        c.status,
        rules.STATUS_LABELS.get(c.status, c.status),
        _labels(session, "meja_layanan").get(c.desk, c.desk),
        c.kind,
        c.emergency,
        c.sensitive,
        c.due_on,
        rules.HEALTH_LABELS[health],
        c.decision,
        c.person_id,
        person.name if person else (c.community or "-"),
        mask_nik(person.nik) if person and person.nik else "-",
        *_complaint_words(session, complaint),
        c.upstream_state,
        told is not None,
        _timeline(session, c),
        referrals,
        prods,
        _steps(session, "penyelesaian", c.id),
        _documents(session, [c.id, *(r.id for r in referrals), *(p.id for p in prods)]),
        offered,
        needs_of(c.access_needs, access_needs(session)),
        c.subject,
        c.community,
        households_of(session, c.id) if c.subject == "komunitas" else (),
        stage_view(c.stage, c.stage_due_on) if c.stage else None,
        health,
    )


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
    """ "How is my complaint?": the case by its tracking number, for any counter officer
    (typed, or scanned from the receipt's QR, which may hold the status page's link)."""
    tracking = number_from_scan(tracking.strip())
    if not normalise_tracking(tracking):
        raise ValidationError(
            _("Ketik atau pindai nomor lacak pada tanda terima."), field="tracking"
        )
    found = _lookup(session, tracking)
    if found is None:
        raise NotFound(
            _(
                "Nomor lacak {0} tidak ditemukan di Puskesos ini. Periksa lagi nomor "
                "pada tanda terima (nomor lengkap, atau nomor singkat seperti "
                "2611-00012)."
            ).format(tracking.strip()),
            code="lacak_tidak_ditemukan",
        )
    return _detail(session, actor, found, clock)
