"""Ordered approvals for resolutions, referrals and service products.

One engine for all three: a submission opens a *round* of steps (coordinator, then supervisor,
then — for outward referrals — the SLRT manager at the kabupaten). Only the first undecided
step of the latest round can be voted on, by an officer holding that step's role. A rejection
needs a reason, cancels the rest of the round and returns the case to the officer who sent it;
a resubmission opens the next round. Steps decided at the kabupaten arrive through sync
(:func:`apply_upstream_decision`); the office's own steps work offline.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock, tanggal
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.models import (
    ApprovalStep,
    ApprovalVote,
    Case,
    CaseEvent,
    Officer,
    Person,
    Referral,
    ServiceProduct,
)
from kiosk.roles import Perm, permissions_of
from kiosk.services.actor import Actor, authorize
from kiosk.services.cases import load_case, set_status
from kiosk.services.journal import record
from kiosk.services.person_rights import consent_standing
from kiosk.services.reference import choices
from kiosk.services.registry import action

RESOLUTION, REFERRAL, PRODUCT = "penyelesaian", "rujukan", "produk"
SUBJECT_LABELS = {RESOLUTION: "Penyelesaian", REFERRAL: "Rujukan", PRODUCT: "Produk layanan"}
STEP_PERMS = {
    rules.COORDINATOR: Perm.APPROVE_COORDINATOR,
    rules.SUPERVISOR: Perm.APPROVE_SUPERVISOR,
}
APPROVE, REJECT = "setuju", "tolak"
PENDING, APPROVED, REJECTED, CANCELLED = "menunggu", "disetujui", "ditolak", "batal"


def _open_round(
    session: Session,
    subject_type: str,
    subject_id: uuid.UUID,
    round_no: int,
    steps: list[tuple[str, bool]],
) -> None:
    for position, (role, at_kabupaten) in enumerate(steps, 1):
        session.add(
            ApprovalStep(
                subject_type=subject_type,
                subject_id=subject_id,
                round=round_no,
                position=position,
                role=role,
                status=PENDING,
                at_kabupaten=at_kabupaten,
            )
        )


def _round_of(session: Session, subject_type: str, subject_id: uuid.UUID) -> int:
    return int(
        session.scalar(
            select(func.max(ApprovalStep.round)).where(
                ApprovalStep.subject_type == subject_type, ApprovalStep.subject_id == subject_id
            )
        )
        or 0
    )


def current_step(session: Session, subject_type: str, subject_id: uuid.UUID) -> ApprovalStep | None:
    """The first undecided step of the latest round, or ``None``."""
    latest = _round_of(session, subject_type, subject_id)
    return session.scalars(
        select(ApprovalStep)
        .where(
            ApprovalStep.subject_type == subject_type,
            ApprovalStep.subject_id == subject_id,
            ApprovalStep.round == latest,
            ApprovalStep.status == PENDING,
        )
        .order_by(ApprovalStep.position)
    ).first()


def _submit(
    session: Session,
    actor: Actor,
    case_: Case,
    subject_type: str,
    subject_id: uuid.UUID,
    steps: list[tuple[str, bool]],
    note: str,
    now: datetime,
) -> int:
    if current_step(session, subject_type, subject_id) is not None:
        raise Conflict("Pengajuan ini masih menunggu persetujuan.", code="sudah_diajukan")
    round_no = _round_of(session, subject_type, subject_id) + 1
    _open_round(session, subject_type, subject_id, round_no, steps)
    set_status(
        session,
        actor.id,
        case_,
        rules.AWAITING,
        "diajukan",
        f"{SUBJECT_LABELS[subject_type]}: {note}".strip(": "),
        now=now,
        by_engine=True,
    )
    case_.assigned_to = case_.assigned_to or actor.id
    record(
        session,
        actor.id,
        "persetujuan_diajukan",
        "approval",
        subject_id,
        payload={
            "subject_type": subject_type,
            "subject_id": subject_id,
            "case_id": case_.id,
            "round": round_no,
            "steps": [{"role": r, "at_kabupaten": k} for r, k in steps],
            "at": now,
        },
        detail={"subject_type": subject_type, "round": round_no},
    )
    return round_no


def _submittable(case_: Case) -> None:
    if not rules.can_move(case_.status, rules.AWAITING, by_engine=True):
        raise Conflict(
            "Telaah atau proses kasus ini dulu sebelum mengajukan persetujuan "
            f"(status sekarang: {rules.STATUS_LABELS.get(case_.status, case_.status)}).",
            code="belum_bisa_diajukan",
        )


@action(Perm.WORK_CASE, label="Mengusulkan penyelesaian kasus untuk disetujui")
def propose_resolution(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    decision: str,
    clock: Clock | None = None,
) -> int:
    """Ask the coordinator to approve resolving the case at the Puskesos with ``decision``."""
    decision = decision.strip()
    if not decision:
        raise ValidationError(
            "Tuliskan penyelesaiannya: apa yang dilakukan Puskesos untuk warga.", field="decision"
        )
    case_ = load_case(session, case_id)
    _submittable(case_)
    case_.decision = decision
    return _submit(
        session,
        actor,
        case_,
        RESOLUTION,
        case_.id,
        rules.RESOLUTION_STEPS,
        decision,
        (clock or Clock()).now(),
    )


# --- referrals ------------------------------------------------------------------------------


@action(Perm.DRAFT_REFERRAL, label="Menyusun rujukan kasus")
def refer_case(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    destination_code: str,
    reason: str,
    request: str = "",
    consent_given: bool = False,
    consent_method: str = "lisan",
    clock: Clock | None = None,
) -> uuid.UUID:
    """Draft and submit a referral: needs the citizen's consent and a reason."""
    destinations = {c.code: c for c in choices(session, "tujuan_rujukan")}
    if destination_code not in destinations:
        raise ValidationError("Pilih tujuan rujukan.", field="destination")
    if not reason.strip():
        raise ValidationError("Tuliskan alasan rujukan.", field="reason")
    if not consent_given:
        raise ValidationError(
            "Rujukan memerlukan persetujuan warga. Tanyakan dan centang persetujuannya; "
            "tanpa persetujuan, data warga tidak boleh dikirim ke lembaga lain.",
            field="consent",
            code="perlu_persetujuan_warga",
        )
    case_ = load_case(session, case_id)
    _submittable(case_)
    withdrawn = consent_standing(session, case_.person_id) if case_.person_id else None
    if withdrawn is not None:
        raise ValidationError(
            f"Warga telah mencabut persetujuannya pada {tanggal(withdrawn.date())}: datanya tidak "
            "boleh dikirim ke lembaga lain. Bila warga setuju lagi, catat persetujuan baru dulu.",
            field="consent",
            code="persetujuan_dicabut",
        )
    clock = clock or Clock()
    now = clock.now()
    kind = str(destinations[destination_code].extra.get("kind", "opd"))
    referral = Referral(
        id=uuid.uuid4(),
        case_id=case_.id,
        destination_code=destination_code,
        destination_kind=kind,
        reason=reason.strip(),
        request=request.strip(),
        consent_given=True,
        consent_at=now,
        consent_method=consent_method,
        status="diajukan",
        round=1,
        created_by=actor.id,
    )
    session.add(referral)
    session.flush()
    record(
        session,
        actor.id,
        "rujukan_dibuat",
        "referral",
        referral.id,
        payload={
            "case_id": case_.id,
            "tracking_number": case_.tracking_number,
            "destination": destination_code,
            "destination_kind": kind,
            "reason": referral.reason,
            "request": referral.request,
            "consent_at": now,
            "consent_method": consent_method,
        },
        detail={"destination": destination_code},
    )
    _submit(
        session,
        actor,
        case_,
        REFERRAL,
        referral.id,
        rules.referral_steps(kind, destinations[destination_code].extra.get("langkah")),
        destinations[destination_code].label,
        now,
    )
    return referral.id


@action(Perm.DRAFT_REFERRAL, label="Mengajukan ulang rujukan yang dikembalikan")
def resubmit_referral(
    session: Session,
    actor: Actor,
    referral_id: uuid.UUID,
    reason: str | None = None,
    request: str | None = None,
    clock: Clock | None = None,
) -> int:
    """After a rejection: correct the referral and send it round again (a new round)."""
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound("Rujukan ini tidak ditemukan.")
    if referral.status != "dikembalikan":
        raise Conflict("Hanya rujukan yang dikembalikan yang dapat diajukan ulang.")
    if reason is not None and reason.strip():
        referral.reason = reason.strip()
    if request is not None:
        referral.request = request.strip()
    case_ = load_case(session, referral.case_id)
    _submittable(case_)
    now = (clock or Clock()).now()
    referral.status = "diajukan"
    named = {c.code: c.extra.get("langkah") for c in choices(session, "tujuan_rujukan")}
    round_no = _submit(
        session,
        actor,
        case_,
        REFERRAL,
        referral.id,
        rules.referral_steps(referral.destination_kind, named.get(referral.destination_code)),
        "diajukan ulang",
        now,
    )
    referral.round = round_no
    return round_no


# --- service products (Empat Lawang art. 13) ---------------------------------------------------


@action(Perm.WORK_CASE, label="Menyusun produk layanan (surat keterangan)")
def draft_product(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    product_code: str,
    statement: str,
    purpose: str,
    clock: Clock | None = None,
) -> uuid.UUID:
    """Draft a letter (SKTM, DTKS statement …) and submit it for the coordinator's approval."""
    products = {c.code: c.label for c in choices(session, "produk_layanan")}
    if product_code not in products:
        raise ValidationError("Pilih jenis produk layanan.", field="product")
    if not statement.strip():
        raise ValidationError("Tuliskan isi keterangan.", field="statement")
    if not purpose.strip():
        raise ValidationError("Tuliskan keperluan surat ini.", field="purpose")
    case_ = load_case(session, case_id)
    _submittable(case_)
    now = (clock or Clock()).now()
    product = ServiceProduct(
        id=uuid.uuid4(),
        case_id=case_.id,
        product_code=product_code,
        statement=statement.strip(),
        purpose=purpose.strip(),
        status="diajukan",
        drafted_by=actor.id,
    )
    session.add(product)
    session.flush()
    record(
        session,
        actor.id,
        "produk_layanan_draf",
        "service_product",
        product.id,
        payload={
            "case_id": case_.id,
            "product": product_code,
            "statement": product.statement,
            "purpose": product.purpose,
        },
        detail={"product": product_code},
    )
    _submit(
        session, actor, case_, PRODUCT, product.id, rules.PRODUCT_STEPS, products[product_code], now
    )
    return product.id


def _product(session: Session, product_id: uuid.UUID) -> ServiceProduct:
    product = session.get(ServiceProduct, product_id)
    if product is None:
        raise NotFound("Produk layanan ini tidak ditemukan.")
    return product


@action(Perm.WORK_CASE, label="Mencatat tanda tangan produk layanan")
def sign_product(
    session: Session,
    actor: Actor,
    product_id: uuid.UUID,
    signer_name: str,
    clock: Clock | None = None,
) -> None:
    """Record who signed the approved letter (the village head or another official)."""
    product = _product(session, product_id)
    if product.status != "disetujui":
        raise Conflict("Produk layanan harus disetujui koordinator sebelum ditandatangani.")
    if not signer_name.strip():
        raise ValidationError("Tuliskan nama pejabat yang menandatangani.", field="signer")
    now = (clock or Clock()).now()
    product.status, product.signed_by_name, product.signed_at = (
        "ditandatangani",
        signer_name.strip(),
        now,
    )
    _product_event(session, actor, product, "ditandatangani", f"oleh {product.signed_by_name}", now)


@action(Perm.WORK_CASE, label="Mencatat penyerahan produk layanan")
def hand_over_product(
    session: Session, actor: Actor, product_id: uuid.UUID, clock: Clock | None = None
) -> None:
    """The applicant received the signed letter."""
    product = _product(session, product_id)
    if product.status != "ditandatangani":
        raise Conflict("Produk layanan harus ditandatangani sebelum diserahkan.")
    now = (clock or Clock()).now()
    product.status, product.handed_over_at = "diserahkan", now
    _product_event(session, actor, product, "diserahkan", "kepada pemohon", now)


def _product_event(
    session: Session, actor: Actor, product: ServiceProduct, status: str, note: str, now: datetime
) -> None:
    session.add(
        CaseEvent(
            case_id=product.case_id,
            kind="produk",
            at=now,
            officer_id=actor.id,
            note=f"{product.product_code}: {status} {note}".strip(),
        )
    )
    record(
        session,
        actor.id,
        "produk_layanan_status",
        "service_product",
        product.id,
        payload={"status": status, "signed_by": product.signed_by_name, "at": now},
        detail={"status": status},
    )


# --- voting --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingApproval:
    """A step waiting for the acting officer (or, when ``at_kabupaten``, for the kabupaten)."""

    step_id: uuid.UUID
    subject_type: str
    subject_label: str
    subject_id: uuid.UUID
    case_id: uuid.UUID
    tracking_number: str
    person_name: str
    summary: str
    role: str
    role_label: str
    round: int
    emergency: bool
    at_kabupaten: bool


def _case_of(session: Session, subject_type: str, subject_id: uuid.UUID) -> Case:
    if subject_type == RESOLUTION:
        return load_case(session, subject_id)
    if subject_type == REFERRAL:
        referral = session.get(Referral, subject_id)
        if referral is None:
            raise NotFound("Rujukan ini tidak ditemukan.")
        return load_case(session, referral.case_id)
    return load_case(session, _product(session, subject_id).case_id)


def _summary(session: Session, step: ApprovalStep, case_: Case) -> str:
    if step.subject_type == REFERRAL:
        r = session.get(Referral, step.subject_id)
        labels = {c.code: c.label for c in choices(session, "tujuan_rujukan")}
        return f"Ke {labels.get(r.destination_code, r.destination_code)}: {r.reason}" if r else ""
    if step.subject_type == PRODUCT:
        p = session.get(ServiceProduct, step.subject_id)
        labels = {c.code: c.label for c in choices(session, "produk_layanan")}
        return f"{labels.get(p.product_code, p.product_code)}: {p.purpose}" if p else ""
    return case_.decision or ""


@action(
    Perm.APPROVE_COORDINATOR, Perm.APPROVE_SUPERVISOR, label="Melihat persetujuan yang menunggu"
)
def pending_approvals(session: Session, actor: Actor) -> list[PendingApproval]:
    """Steps the acting officer can decide now, emergencies first."""
    officer = session.get(Officer, actor.id)
    roles = {r.role for r in officer.roles} if officer else set()
    perms = permissions_of(roles)
    if not perms & set(STEP_PERMS.values()):
        raise PermissionDenied(
            "Akun Anda tidak berwenang menyetujui. Minta koordinator atau supervisor.",
            code="tidak_berwenang:persetujuan",
        )
    mine = [role for role, perm in STEP_PERMS.items() if perm in perms]
    steps = session.scalars(
        select(ApprovalStep).where(ApprovalStep.status == PENDING, ApprovalStep.role.in_(mine))
    ).all()
    out = []
    for step in steps:
        first = current_step(session, step.subject_type, step.subject_id)
        if first is None or first.id != step.id:
            continue  # an earlier step must decide first
        try:
            _four_eyes(session, actor, step)
        except PermissionDenied:
            continue  # for another officer to decide
        case_ = _case_of(session, step.subject_type, step.subject_id)
        person = session.get(Person, case_.person_id) if case_.person_id else None
        out.append(
            PendingApproval(
                step.id,
                step.subject_type,
                SUBJECT_LABELS[step.subject_type],
                step.subject_id,
                case_.id,
                case_.tracking_number,
                person.name if person else "-",
                _summary(session, step, case_),
                step.role,
                rules.STEP_LABELS.get(step.role, step.role),
                step.round,
                case_.emergency,
                step.at_kabupaten,
            )
        )
    out.sort(key=lambda p: (not p.emergency, p.tracking_number))
    return out


@action(
    Perm.APPROVE_COORDINATOR,
    Perm.APPROVE_SUPERVISOR,
    label="Menyetujui atau menolak satu langkah persetujuan",
)
def vote(
    session: Session,
    actor: Actor,
    step_id: uuid.UUID,
    decision: str,
    reason: str = "",
    clock: Clock | None = None,
) -> str:
    """Approve or reject a step; returns the subject's new state."""
    step = session.get(ApprovalStep, step_id)
    if step is None:
        raise NotFound("Langkah persetujuan ini tidak ditemukan. Muat ulang daftar.")
    if step.at_kabupaten:
        raise Conflict(
            "Langkah ini diputuskan di kabupaten dan akan datang melalui sinkronisasi.",
            code="langkah_kabupaten",
        )
    perm = STEP_PERMS.get(step.role)
    if perm is None:
        raise Conflict("Langkah ini tidak dapat diputuskan di Puskesos.")
    authorize(session, actor, perm)
    if decision not in (APPROVE, REJECT):
        raise ValidationError("Pilih setuju atau tolak.", field="decision")
    if decision == REJECT and not reason.strip():
        raise ValidationError(
            "Tuliskan alasan penolakan: petugas pengirim perlu tahu apa yang harus diperbaiki.",
            field="reason",
            code="perlu_alasan",
        )
    first = current_step(session, step.subject_type, step.subject_id)
    if first is None or first.id != step.id:
        raise Conflict(
            "Langkah ini belum atau tidak lagi dapat diputuskan (urutan persetujuan: "
            "koordinator, lalu supervisor). Muat ulang daftar.",
            code="urutan_persetujuan",
        )
    _four_eyes(session, actor, step)
    return _decide(session, actor.id, step, decision, reason.strip(), (clock or Clock()).now())


def _four_eyes(session: Session, actor: Actor, step: ApprovalStep) -> None:
    """Nobody approves what they submitted, nor decides two steps of the same round."""
    case_ = _case_of(session, step.subject_type, step.subject_id)
    submitter = session.scalar(
        select(CaseEvent.officer_id)
        .where(CaseEvent.case_id == case_.id, CaseEvent.kind == "diajukan")
        .order_by(CaseEvent.at.desc(), CaseEvent.position.desc())
        .limit(1)
    )
    if submitter == actor.id:
        raise PermissionDenied(
            "Pengajuan ini Anda ajukan sendiri; persetujuannya harus oleh petugas lain.",
            code="tidak_berwenang:menyetujui_sendiri",
        )
    earlier = session.scalar(
        select(ApprovalVote.id)
        .join(ApprovalStep, ApprovalStep.id == ApprovalVote.step_id)
        .where(
            ApprovalStep.subject_type == step.subject_type,
            ApprovalStep.subject_id == step.subject_id,
            ApprovalStep.round == step.round,
            ApprovalVote.officer_id == actor.id,
        )
        .limit(1)
    )
    if earlier is not None:
        raise PermissionDenied(
            "Anda sudah memutuskan langkah sebelumnya; langkah ini harus oleh petugas lain.",
            code="tidak_berwenang:dua_langkah",
        )


def _decide(
    session: Session,
    officer_id: uuid.UUID | None,
    step: ApprovalStep,
    decision: str,
    reason: str,
    now: datetime,
    source: str = "lokal",
) -> str:
    session.add(
        ApprovalVote(
            step_id=step.id, officer_id=officer_id, decision=decision, reason=reason, at=now
        )
    )
    step.status = APPROVED if decision == APPROVE else REJECTED
    step.decided_at = now
    case_ = _case_of(session, step.subject_type, step.subject_id)
    if source == "lokal":
        record(
            session,
            officer_id,
            "persetujuan_diputuskan",
            "approval",
            step.subject_id,
            payload={
                "subject_type": step.subject_type,
                "subject_id": step.subject_id,
                "case_id": case_.id,
                "round": step.round,
                "position": step.position,
                "role": step.role,
                "decision": decision,
                "reason": reason,
                "at": now,
            },
            detail={"decision": decision, "role": step.role},
        )
    label = f"{SUBJECT_LABELS[step.subject_type]} - {rules.STEP_LABELS.get(step.role, step.role)}"
    if decision == REJECT:
        for later in session.scalars(
            select(ApprovalStep).where(
                ApprovalStep.subject_type == step.subject_type,
                ApprovalStep.subject_id == step.subject_id,
                ApprovalStep.round == step.round,
                ApprovalStep.status == PENDING,
            )
        ):
            later.status = CANCELLED
        return _returned(session, officer_id, step, case_, f"{label}: {reason}", now, source)
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="disetujui",
            at=now,
            officer_id=officer_id,
            note=label,
            source=source,
        )
    )
    session.flush()
    if current_step(session, step.subject_type, step.subject_id) is not None:
        if step.subject_type == REFERRAL:
            nxt = current_step(session, step.subject_type, step.subject_id)
            referral = session.get(Referral, step.subject_id)
            if referral is not None and nxt is not None and nxt.at_kabupaten:
                referral.status = "menunggu_kabupaten"
        return "menunggu"
    return _completed(session, officer_id, step, case_, now, source)


def _returned(
    session: Session,
    officer_id: uuid.UUID | None,
    step: ApprovalStep,
    case_: Case,
    note: str,
    now: datetime,
    source: str,
) -> str:
    """A rejection sends the case back to whoever submitted it, with the reason."""
    sender: uuid.UUID | None = None
    if step.subject_type == REFERRAL:
        referral = session.get(Referral, step.subject_id)
        if referral is not None:
            referral.status, sender = "dikembalikan", referral.created_by
    elif step.subject_type == PRODUCT:
        product = _product(session, step.subject_id)
        product.status, sender = "dikembalikan", product.drafted_by
    else:
        case_.decision = None
    if sender is not None:
        case_.assigned_to = sender
    set_status(
        session,
        officer_id,
        case_,
        rules.IN_PROGRESS,
        "ditolak_persetujuan",
        note,
        now=now,
        by_engine=True,
        source=source,
    )
    return "dikembalikan"


def _completed(
    session: Session,
    officer_id: uuid.UUID | None,
    step: ApprovalStep,
    case_: Case,
    now: datetime,
    source: str,
) -> str:
    if step.subject_type == RESOLUTION:
        set_status(
            session,
            officer_id,
            case_,
            rules.RESOLVED,
            "disetujui",
            case_.decision or "",
            now=now,
            by_engine=True,
            source=source,
        )
        return rules.RESOLVED
    if step.subject_type == REFERRAL:
        referral = session.get(Referral, step.subject_id)
        assert referral is not None
        referral.status = "disetujui"
        labels = {c.code: c.label for c in choices(session, "tujuan_rujukan")}
        destination = labels.get(referral.destination_code, referral.destination_code)
        case_.decision = f"Dirujuk ke {destination}: {referral.reason}"
        set_status(
            session,
            officer_id,
            case_,
            rules.REFERRED,
            "dirujuk",
            destination,
            now=now,
            by_engine=True,
            source=source,
        )
        return rules.REFERRED
    product = _product(session, step.subject_id)
    product.status = "disetujui"
    # The product approved, the case itself is resolved by it: back to work to sign and hand over.
    set_status(
        session,
        officer_id,
        case_,
        rules.IN_PROGRESS,
        "disetujui",
        "Produk layanan disetujui",
        now=now,
        by_engine=True,
        source=source,
    )
    return "disetujui"


def apply_upstream_decision(
    session: Session,
    subject_type: str,
    subject_id: uuid.UUID,
    role: str,
    decision: str,
    reason: str,
    at: datetime,
) -> str | None:
    """A step decided at the kabupaten (arrives through sync). Idempotent: a step already
    decided is left alone and ``None`` returned."""
    step = current_step(session, subject_type, subject_id)
    if step is None or step.role != role or not step.at_kabupaten:
        return None
    return _decide(session, None, step, decision, reason, at, source="kabupaten")
