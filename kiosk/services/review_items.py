"""The rest of the approval inbox (issue #32): results, pre-list and data-update proposals
waiting for review before they go upstream, and cases escalated past their due day, shown to
the officer whose role the profile names, beside the approval steps."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.identity import mask_nik
from kiosk.models import Case, DataUpdateProposal, Person, PrelistProposal
from kiosk.profiles import active_profile, case_profile
from kiosk.services.actor import Actor
from kiosk.services.approvals import (
    ESCALATION,
    REVIEW_CASE,
    REVIEW_PRELIST,
    REVIEW_UPDATE,
    SUBJECT_LABELS,
)
from kiosk.services.escalation import escalated_to
from kiosk.services.pending import PendingApproval
from kiosk.services.prelist_review import RECORD
from kiosk.services.prelist_review import WAITING as PRELIST_WAITING
from kiosk.services.supervision import COMPLAINT, waiting_cases
from kiosk.services.update_repeats import PROPOSED


def _case_item(
    session: Session, kind: str, case_: Case, role: str, summary: str
) -> PendingApproval:
    person = session.get(Person, case_.person_id) if case_.person_id else None
    return PendingApproval(
        case_.id,
        kind,
        SUBJECT_LABELS[kind],
        case_.id,
        case_.id,
        case_.tracking_number,
        person.name if person else (case_.community or "-"),
        summary,
        role,
        case_profile(session, case_).role_label(role),
        1,
        case_.emergency,
        False,
    )


def review_items(session: Session, actor: Actor, mine: list[str]) -> list[PendingApproval]:
    """What ``mine`` (the step roles the officer holds) must review or take up now."""
    out = []
    for case_ in waiting_cases(session):
        role = case_profile(session, case_).review_role(COMPLAINT) or ""
        if role in mine:
            out.append(_case_item(session, REVIEW_CASE, case_, role, case_.decision or ""))
    for case_ in escalated_to(session, mine):
        status = rules.STATUS_LABELS.get(case_.status, case_.status)
        due = f"jatuh tempo {case_.due_on:%d-%m-%Y}, " if case_.due_on else ""
        note = f"Lewat {due}status {status}"
        out.append(_case_item(session, ESCALATION, case_, case_.escalated_to or "", note))
    profile = active_profile(session)
    role = profile.review_role(RECORD) or ""
    if role in mine:
        out += _prelists(session, actor, role, profile.role_label(role))
    if "supervisor" in mine:  # reviewed by the supervisor under every profile (data_updates.py)
        out += _updates(session, actor, profile.role_label("supervisor"))
    return out


def _prelists(session: Session, actor: Actor, role: str, label: str) -> list[PendingApproval]:
    rows = session.execute(
        select(PrelistProposal, Person, Case)
        .join(Person, Person.id == PrelistProposal.person_id)
        .outerjoin(Case, Case.id == PrelistProposal.case_id)
        .where(PrelistProposal.status == PRELIST_WAITING, PrelistProposal.proposed_by != actor.id)
    ).all()
    return [
        PendingApproval(
            p.id,
            REVIEW_PRELIST,
            SUBJECT_LABELS[REVIEW_PRELIST],
            p.id,
            case_.id if case_ else p.id,
            case_.tracking_number if case_ else "-",
            person.name,
            p.reason,
            role,
            label,
            1,
            bool(case_ and case_.emergency),
            False,
        )
        for p, person, case_ in rows
    ]


def _updates(session: Session, actor: Actor, label: str) -> list[PendingApproval]:
    rows = session.scalars(
        select(DataUpdateProposal).where(
            DataUpdateProposal.status == PROPOSED, DataUpdateProposal.proposed_by != actor.id
        )
    )
    return [
        PendingApproval(
            u.id,
            REVIEW_UPDATE,
            SUBJECT_LABELS[REVIEW_UPDATE],
            u.id,
            u.id,
            mask_nik(u.nik),
            u.name,
            f"{u.kind}: {u.reason}",
            "supervisor",
            label,
            1,
            False,
            False,
        )
        for u in rows
    ]
