"""Ordered approvals for resolutions, referrals and service products.

One engine for all three: a submission opens a *round* of steps, the chain of the regional
profile the case was started under (kiosk/profiles/: Empat Lawang's coordinator, Kendal's and
Balangan's supervisor, for outward referrals a last step upstream); each step records that
profile, so a later switch never changes a chain already begun. Only the first undecided
step of the latest round can be voted on, by an officer holding that step's role. A rejection
needs a reason, cancels the rest of the round and returns the case to the officer who sent it;
a resubmission opens the next round. Steps decided at the kabupaten arrive through sync
(:func:`apply_upstream_decision`); the office's own steps work offline.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.case_rules import ProductStatus, ReferralStatus
from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.messages import _
from kiosk.models import (
    ApprovalStep,
    ApprovalVote,
    Case,
    CaseEvent,
    Referral,
    ServiceProduct,
)
from kiosk.profiles import profile_by_key
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.cases import load_case, set_status
from kiosk.services.journal import record
from kiosk.services.reference import choices
from kiosk.services.registry import action
from kiosk.services.review_request import after_change
from kiosk.services.supervision import reviewed_by_step

RESOLUTION, REFERRAL, PRODUCT = "penyelesaian", "rujukan", "produk"
SUBJECT_LABELS = {RESOLUTION: "Penyelesaian", REFERRAL: "Rujukan", PRODUCT: "Produk layanan"}
# What else waits in the same inbox (kiosk/services/review_items.py): reviews before upstream
# and cases escalated past their due day.
REVIEW_CASE, REVIEW_PRELIST, REVIEW_UPDATE, ESCALATION = (
    "tinjauan_kasus",
    "tinjauan_prelist",
    "tinjauan_pemutakhiran",
    "eskalasi",
)
SUBJECT_LABELS |= {
    REVIEW_CASE: "Tinjauan hasil",
    REVIEW_PRELIST: "Tinjauan pre-list",
    REVIEW_UPDATE: "Tinjauan pemutakhiran",
    ESCALATION: "Eskalasi",
}
STEP_PERMS = {
    rules.COORDINATOR: Perm.APPROVE_COORDINATOR,
    rules.SUPERVISOR: Perm.APPROVE_SUPERVISOR,
}
# RETURN: the kabupaten sends a referral back for more information (only upstream decides it);
# the officer completes it and resubmits. The kabupaten's REJECT ends the referral.
APPROVE, REJECT, RETURN = "setuju", "tolak", "kembalikan"
PENDING, APPROVED, REJECTED, CANCELLED, RETURNED = (
    rules.StepStatus.PENDING,
    rules.StepStatus.APPROVED,
    rules.StepStatus.REJECTED,
    rules.StepStatus.CANCELLED,
    rules.StepStatus.RETURNED,
)
STEP_AFTER = {APPROVE: APPROVED, REJECT: REJECTED, RETURN: RETURNED}


def _open_round(
    session: Session,
    subject_type: str,
    subject_id: uuid.UUID,
    round_no: int,
    steps: list[tuple[str, bool]],
    profile: str,
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
                profile=profile,
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


def submit(
    session: Session,
    officer_id: uuid.UUID,
    case_: Case,
    subject_type: str,
    subject_id: uuid.UUID,
    steps: list[tuple[str, bool]],
    note: str,
    now: datetime,
    sent: dict[str, str] | None = None,
) -> int:
    """Open the next round of ``steps`` for a subject (engine step inside a declared action;
    the officer has been checked there). ``steps`` come from the case's own profile
    (:func:`kiosk.profiles.case_profile`), and each step records it. ``sent``: what the
    kabupaten should read with the round (a referral's completed reason and request)."""
    if current_step(session, subject_type, subject_id) is not None:
        raise Conflict(_("Pengajuan ini masih menunggu persetujuan."), code="sudah_diajukan")
    round_no = _round_of(session, subject_type, subject_id) + 1
    _open_round(session, subject_type, subject_id, round_no, steps, case_.profile)
    set_status(
        session,
        officer_id,
        case_,
        rules.AWAITING,
        "diajukan",
        f"{SUBJECT_LABELS[subject_type]}: {note}".strip(": "),
        now=now,
        by_engine=True,
    )
    case_.assigned_to = case_.assigned_to or officer_id
    record(
        session,
        officer_id,
        "persetujuan_diajukan",
        "approval",
        subject_id,
        payload={
            "subject_type": subject_type,
            "subject_id": subject_id,
            "case_id": case_.id,
            "round": round_no,
            "steps": [{"role": r, "at_kabupaten": k} for r, k in steps],
            "profile": case_.profile,
            "at": now,
            **(sent or {}),
        },
        detail={"subject_type": subject_type, "round": round_no},
    )
    return round_no


def submittable(case_: Case) -> None:
    if not rules.can_move(case_.status, rules.AWAITING, by_engine=True):
        raise Conflict(
            _(
                "Telaah atau proses kasus ini dulu sebelum mengajukan persetujuan "
                "(status sekarang: {0})."
            ).format(rules.STATUS_LABELS.get(case_.status, case_.status)),
            code="belum_bisa_diajukan",
        )


def load_product(session: Session, product_id: uuid.UUID) -> ServiceProduct:
    product = session.get(ServiceProduct, product_id)
    if product is None:
        raise NotFound(_("Produk layanan ini tidak ditemukan."))
    return product


# --- voting --------------------------------------------------------------------------------


def case_of(session: Session, subject_type: str, subject_id: uuid.UUID) -> Case:
    if subject_type == RESOLUTION:
        return load_case(session, subject_id)
    if subject_type == REFERRAL:
        referral = session.get(Referral, subject_id)
        if referral is None:
            raise NotFound(_("Rujukan ini tidak ditemukan."))
        return load_case(session, referral.case_id)
    return load_case(session, load_product(session, subject_id).case_id)


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
        raise NotFound(_("Langkah persetujuan ini tidak ditemukan. Muat ulang daftar."))
    if step.at_kabupaten:
        raise Conflict(
            _("Langkah ini diputuskan di kabupaten dan akan datang melalui sinkronisasi."),
            code="langkah_kabupaten",
        )
    perm = STEP_PERMS.get(step.role)
    if perm is None:
        raise Conflict(_("Langkah ini tidak dapat diputuskan di Puskesos."))
    authorize(session, actor, perm)
    if decision not in (APPROVE, REJECT):
        raise ValidationError(_("Pilih setuju atau tolak."), field="decision")
    if decision == REJECT and not reason.strip():
        raise ValidationError(
            _("Tuliskan alasan penolakan: petugas pengirim perlu tahu apa yang harus diperbaiki."),
            field="reason",
            code="perlu_alasan",
        )
    first = current_step(session, step.subject_type, step.subject_id)
    if first is None or first.id != step.id:
        raise Conflict(
            _(
                "Langkah ini belum atau tidak lagi dapat diputuskan: langkah sebelumnya "
                "dalam urutan persetujuan belum selesai. Muat ulang daftar."
            ),
            code="urutan_persetujuan",
        )
    four_eyes(session, actor, step)
    now = (clock or Clock()).now()
    result = _decide(session, actor.id, step, decision, reason.strip(), now)
    case_ = case_of(session, step.subject_type, step.subject_id)
    if decision == APPROVE:
        reviewed_by_step(session, actor.id, case_, step.role, now)
    after_change(session, case_, now)  # a review point may start or end here
    return result


def four_eyes(session: Session, actor: Actor, step: ApprovalStep) -> None:
    """Nobody approves what they submitted, nor decides two steps of the same round."""
    case_ = case_of(session, step.subject_type, step.subject_id)
    submitter = session.scalar(
        select(CaseEvent.officer_id)
        .where(CaseEvent.case_id == case_.id, CaseEvent.kind == "diajukan")
        .order_by(CaseEvent.at.desc(), CaseEvent.position.desc())
        .limit(1)
    )
    if submitter == actor.id:
        raise PermissionDenied(
            _("Pengajuan ini Anda ajukan sendiri; persetujuannya harus oleh petugas lain."),
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
            _("Anda sudah memutuskan langkah sebelumnya; langkah ini harus oleh petugas lain."),
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
    step.status = STEP_AFTER[decision]
    step.decided_at = now
    case_ = case_of(session, step.subject_type, step.subject_id)
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
    role = profile_by_key(session, step.profile).role_label(step.role)
    label = f"{SUBJECT_LABELS[step.subject_type]} - {role}"
    if decision != APPROVE:
        for later in session.scalars(
            select(ApprovalStep).where(
                ApprovalStep.subject_type == step.subject_type,
                ApprovalStep.subject_id == step.subject_id,
                ApprovalStep.round == step.round,
                ApprovalStep.status == PENDING,
            )
        ):
            later.status = CANCELLED
        kind = "ditolak_persetujuan"
        if decision == RETURN:
            kind = "dikembalikan_dilengkapi"
        elif source == "kabupaten":
            kind = "ditolak_kabupaten"  # final: the referral cannot be resubmitted
        return _returned(session, officer_id, step, case_, f"{label}: {reason}", now, source, kind)
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
    kind: str = "ditolak_persetujuan",
) -> str:
    """A rejection sends the case back to whoever submitted it, with the reason. A referral
    comes back to be corrected and resubmitted, unless the kabupaten refused it
    (``ditolak_kabupaten``): then the officer must find the citizen another way."""
    sender: uuid.UUID | None = None
    if step.subject_type == REFERRAL:
        referral = session.get(Referral, step.subject_id)
        if referral is not None:
            final = kind == "ditolak_kabupaten"
            status = ReferralStatus.REJECTED if final else ReferralStatus.RETURNED
            referral.status, sender = status, referral.created_by
    elif step.subject_type == PRODUCT:
        product = load_product(session, step.subject_id)
        product.status, sender = ProductStatus.RETURNED, product.drafted_by
    else:
        case_.decision = None
    if sender is not None:
        case_.assigned_to = sender
    set_status(
        session,
        officer_id,
        case_,
        rules.IN_PROGRESS,
        kind,
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
        referral.status = ReferralStatus.APPROVED
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
    product = load_product(session, step.subject_id)
    product.status = ProductStatus.APPROVED
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
    if step is None or step.role != role or not step.at_kabupaten or decision not in STEP_AFTER:
        return None
    return decide_from_kabupaten(session, step, decision, reason, at)


def decide_from_kabupaten(
    session: Session, step: ApprovalStep, decision: str, reason: str, at: datetime
) -> str:
    """Record ``decision`` on ``step`` as made upstream (a kabupaten referral decision, or a
    supervisor's review on the kabupaten's pages): no officer of this office, and nothing
    sent back up."""
    return _decide(session, None, step, decision, reason, at, source="kabupaten")
