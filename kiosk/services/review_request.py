"""Asking the kabupaten's supervisor for the review (issue #32, "supervision where the
supervisor is").

A supervisor covering several villages reviews on the kabupaten server. While a case waits for
the review every message about it is held (kiosk/services/upstream_hold.py), so the server
knows nothing of it; this module writes the one message that does go: ``tinjauan_diminta``,
with only what the supervisor needs to decide (tracking number, the result, category, urgency,
the village, the NIK masked; never the complaint's words, names or the notes). Its
``request_id`` names the *review point* (the review role's pending approval step, or the ready
result and how often it came back), so a resubmission is a new request and a decision on an
old one is recognised as stale. When the office settles a point itself (in the window), a
``tinjauan_selesai`` tells the server, whose page then shows it as reviewed.

Free of the approval engine, so the engine and the supervision service can call it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.identity import mask_nik, mask_niks_in_text
from kiosk.models import ApprovalStep, Case, CaseEvent, OutboxOperation, Person, Site
from kiosk.profiles import case_profile
from kiosk.services.journal import enqueue
from kiosk.services.upstream_hold import WAITING

REQUESTED, SETTLED = "tinjauan_diminta", "tinjauan_selesai"
COMPLAINT = "keluhan"  # the profile's record name for the back office's result (supervision.py)
_NAMESPACE = uuid.UUID("0c6f5f3e-7d4b-4b8e-9a55-3a2d3e1f9b21")


def review_point(session: Session, case_: Case) -> tuple[str, ApprovalStep | None] | None:
    """What the review decides now, or ``None`` when nothing waits for it: the review role's
    pending resolution step (Kendal 20(4): that approval *is* the review) or, once the chain
    is done, the ready result (``hasil:<times returned>``)."""
    if case_.review_state != WAITING or not case_.decision:
        return None
    role = case_profile(session, case_).review_role(COMPLAINT)
    if not role:
        return None
    step = session.scalars(
        select(ApprovalStep)
        .where(
            ApprovalStep.subject_type == "penyelesaian",
            ApprovalStep.subject_id == case_.id,
            ApprovalStep.status == rules.StepStatus.PENDING,
        )
        .order_by(ApprovalStep.round.desc(), ApprovalStep.position)
    ).first()
    if step is not None:
        return (f"langkah:{step.id}", step) if step.role == role else None
    if case_.status == rules.AWAITING:
        return None  # another subject's step (a referral, a product) comes first
    returned = session.scalar(
        select(func.count(CaseEvent.id)).where(
            CaseEvent.case_id == case_.id, CaseEvent.kind == "tinjauan_dikembalikan"
        )
    )
    return f"hasil:{returned}", None


def request_id(case_: Case, point: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{case_.id}/{point}"))


def current_request(session: Session, case_: Case) -> str | None:
    point = review_point(session, case_)
    return request_id(case_, point[0]) if point else None


def _sent(session: Session, case_: Case) -> list[OutboxOperation]:
    return list(
        session.scalars(
            select(OutboxOperation)
            .where(
                OutboxOperation.entity_id == case_.id,
                OutboxOperation.op_type.in_((REQUESTED, SETTLED)),
            )
            .order_by(OutboxOperation.seq)
        )
    )


def _sendable(session: Session, case_: Case, op_type: str, payload: dict[str, Any]) -> None:
    """Written ``pending`` though the case's other messages are held: this one is the ask."""
    enqueue(session, "case", case_.id, op_type, payload).state = "pending"


def after_change(session: Session, case_: Case, now: datetime) -> None:
    """Called by every path that can start or end a review point: tells the server that an
    earlier request was settled here, and asks for the review of the point now waiting."""
    session.flush()
    ops = _sent(session, case_)
    asked = [o.payload["request_id"] for o in ops if o.op_type == REQUESTED]
    settled = {o.payload["request_id"] for o in ops if o.op_type == SETTLED}
    now_id = current_request(session, case_)
    returned = case_.review_state == WAITING  # an approval is told by ``kasus_ditinjau``
    if returned and asked and asked[-1] != now_id and asked[-1] not in settled:
        _sendable(session, case_, SETTLED, {"request_id": asked[-1], "at": now})
    if now_id is not None and now_id not in asked:
        _sendable(session, case_, REQUESTED, _summary(session, case_, now_id, now))


def _summary(session: Session, case_: Case, rid: str, now: datetime) -> dict[str, Any]:
    person = session.get(Person, case_.person_id) if case_.person_id else None
    site = session.scalars(select(Site)).first()
    profile = case_profile(session, case_)
    role = profile.review_role(COMPLAINT) or rules.SUPERVISOR
    return {
        "request_id": rid,
        "case_id": case_.id,
        "person_id": case_.person_id,  # an id only: an erasure upstream blanks this ask too
        "tracking_number": case_.tracking_number,
        "decision": mask_niks_in_text(case_.decision or ""),
        "kind": case_.kind,
        "desk": case_.desk,
        "emergency": case_.emergency,
        "due_on": case_.due_on,
        "village_code": site.village_code if site else "",
        "village_name": site.village_name if site else "",
        "nik_masked": mask_nik(person.nik) if person else "-",
        "review_role": profile.role_label(role),
        "at": now,
    }
