"""What waits for the coordinator and the supervisor: the steps each may decide now."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.errors import PermissionDenied
from kiosk.models import ApprovalStep, Case, Person, Referral, ServiceProduct
from kiosk.profiles import profile_by_key
from kiosk.roles import Perm, permissions_of
from kiosk.services.actor import Actor
from kiosk.services.approvals import (
    PENDING,
    PRODUCT,
    REFERRAL,
    STEP_PERMS,
    SUBJECT_LABELS,
    case_of,
    current_step,
    four_eyes,
)
from kiosk.services.pending import PendingApproval
from kiosk.services.reference import choices
from kiosk.services.registry import acting_officer, action
from kiosk.services.review_items import review_items


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
    """Steps the acting officer can decide now, then what waits for their review before it
    goes upstream and the cases escalated to them (kiosk/services/review_items.py),
    emergencies first."""
    perms = permissions_of(r.role for r in acting_officer(session, actor).roles)
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
            four_eyes(session, actor, step)
        except PermissionDenied:
            continue  # for another officer to decide
        case_ = case_of(session, step.subject_type, step.subject_id)
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
                profile_by_key(session, step.profile).role_label(step.role),
                step.round,
                case_.emergency,
                step.at_kabupaten,
            )
        )
    out += review_items(session, actor, mine)
    out.sort(key=lambda p: (not p.emergency, p.tracking_number))
    return out
