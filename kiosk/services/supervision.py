"""The supervisor's review of the back office's result before it goes upstream (issue #32).

Kendal Perbup 36/2023 art. 20(4)-(5): the back office's record and analysis of a complaint are
checked by the Supervisor for approval, and only then sent to the SLRT in the kabupaten
(likewise Balangan 14(3), Empat Lawang 9(6)e, Barito Selatan 10(3)b angka 4: the profile's
``review_before_upstream`` for ``keluhan`` names the reviewing role). Under such a profile a
case is opened ``menunggu_tinjauan`` and its messages are held (kiosk/services/upstream_hold.py).
The review is either the reviewing role's own approval step (Kendal's resolution chain *is*
the supervisor: :func:`reviewed_by_step`) or, when the chain has no such step, an explicit
review of the result (:func:`review_case`). Approving releases the held messages in the same
transaction as the history entry; returning sends the case back to the back office with a note.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import Conflict, PermissionDenied, ValidationError
from kiosk.messages import _
from kiosk.models import Case, CaseEvent
from kiosk.profiles import Profile, case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.cases import load_case, set_status
from kiosk.services.journal import record
from kiosk.services.registry import action
from kiosk.services.review_request import after_change
from kiosk.services.upstream_hold import REVIEWED, WAITING, release

REVIEW_PERMS = {
    rules.COORDINATOR: Perm.APPROVE_COORDINATOR,
    rules.SUPERVISOR: Perm.APPROVE_SUPERVISOR,
}
COMPLAINT = "keluhan"  # the profile's record name for the back office's result on a case


def opening_state(profile: Profile) -> str | None:
    """A new case's review state: waiting when the profile has its result reviewed."""
    return WAITING if profile.review_role(COMPLAINT) else None


def require_reviewer(session: Session, actor: Actor, role: str) -> None:
    """The officer holds the permission of the role the profile names as reviewer."""
    perm = REVIEW_PERMS.get(role)
    if perm is None:
        raise Conflict(_("Tinjauan ini dilakukan di kabupaten, bukan di Puskesos."))
    authorize(session, actor, perm)


def _approved(
    session: Session, officer_id: uuid.UUID | None, case_: Case, now: datetime, by: str = ""
) -> int:
    """``by``: who reviewed when not an officer of this office (the kabupaten's supervisor)."""
    profile = case_profile(session, case_)
    role = profile.review_role(COMPLAINT) or rules.SUPERVISOR
    who = profile.role_label(role) + (f" ({by})" if by else "")
    note = _("Ditinjau {0}: disetujui, dikirim ke {1}").format(who, profile.unit_label("upstream"))
    session.add(
        CaseEvent(case_id=case_.id, kind="ditinjau", at=now, officer_id=officer_id, note=note)
    )
    released = release(session, case_)
    record(session, officer_id, "kasus_ditinjau", "case", case_.id, {"role": role, "at": now})
    return released


def reviewed_by_step(
    session: Session,
    officer_id: uuid.UUID | None,
    case_: Case,
    role: str,
    now: datetime,
    by: str = "",
) -> None:
    """The reviewing role approved an office step of a waiting case: that approval is the
    review (Kendal 20(4): "diperiksa oleh Supervisor guna mendapatkan persetujuan")."""
    if case_.review_state == WAITING and role == case_profile(session, case_).review_role(
        COMPLAINT
    ):
        _approved(session, officer_id, case_, now, by)


def waiting_cases(session: Session) -> list[Case]:
    """Cases whose result is ready and waits for review (not while a step is pending)."""
    return list(
        session.scalars(
            select(Case)
            .where(
                Case.review_state == WAITING,
                Case.decision.is_not(None),
                Case.status != rules.AWAITING,
            )
            .order_by(Case.emergency.desc(), Case.tracking_number)
        )
    )


def _proposer(session: Session, case_: Case) -> uuid.UUID | None:
    return session.scalar(
        select(CaseEvent.officer_id)
        .where(CaseEvent.case_id == case_.id, CaseEvent.kind == "diajukan")
        .order_by(CaseEvent.at.desc(), CaseEvent.position.desc())
        .limit(1)
    )


@action(
    Perm.APPROVE_COORDINATOR,
    Perm.APPROVE_SUPERVISOR,
    label="Meninjau hasil back office sebelum dikirim ke kabupaten",
)
def review_case(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    approve: bool,
    note: str = "",
    clock: Clock | None = None,
) -> str:
    """Approve the case's result (its held messages go upstream) or return it to the back
    office with a note; returns the case's review state."""
    now = (clock or Clock()).now()
    case_ = load_case(session, case_id)
    if case_.review_state != WAITING or case_.decision is None:
        raise Conflict(_("Kasus ini tidak sedang menunggu tinjauan."), code="bukan_tinjauan")
    require_reviewer(session, actor, case_profile(session, case_).review_role(COMPLAINT) or "")
    if _proposer(session, case_) == actor.id:
        raise PermissionDenied(
            _("Hasil ini Anda ajukan sendiri; tinjauannya harus oleh petugas lain."),
            code="tidak_berwenang:menyetujui_sendiri",
        )
    state = decide_review(session, actor.id, case_, approve, note, now)
    after_change(session, case_, now)  # the server's page shows it reviewed here
    return state


def decide_review(
    session: Session,
    officer_id: uuid.UUID | None,
    case_: Case,
    approve: bool,
    note: str,
    now: datetime,
    by: str = "",
) -> str:
    """The review itself, whoever made it: an officer in the window or (``by``) the
    kabupaten's supervisor through sync (kiosk/services/review_remote.py)."""
    if approve:
        _approved(session, officer_id, case_, now, by)
        return REVIEWED
    if not note.strip():
        raise ValidationError(_("Tulis catatan untuk back office: apa yang harus diperbaiki."))
    text = note.strip() + (f" ({by})" if by else "")
    case_.decision = None
    if rules.can_move(case_.status, rules.IN_PROGRESS, by_engine=True):
        set_status(
            session,
            officer_id,
            case_,
            rules.IN_PROGRESS,
            "tinjauan_dikembalikan",
            text,
            now=now,
            by_engine=True,
        )
    else:
        session.add(
            CaseEvent(
                case_id=case_.id,
                kind="tinjauan_dikembalikan",
                at=now,
                officer_id=officer_id,
                note=text,
            )
        )
    return WAITING
