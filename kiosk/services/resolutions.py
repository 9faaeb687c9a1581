"""Resolving a case at the Puskesos: the decision written, then approved along the resolution
chain of the profile the case was started under (coordinator or supervisor, by regulation)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.profiles import case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.approvals import RESOLUTION, submit, submittable
from kiosk.services.cases import load_case
from kiosk.services.registry import action
from kiosk.services.review_request import after_change


@action(Perm.WORK_CASE, label="Mengusulkan penyelesaian kasus untuk disetujui")
def propose_resolution(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    decision: str,
    clock: Clock | None = None,
) -> int:
    """Ask for approval to resolve the case at the Puskesos with ``decision``."""
    decision = decision.strip()
    if not decision:
        raise ValidationError(
            _("Tuliskan penyelesaiannya: apa yang dilakukan Puskesos untuk warga."),
            field="decision",
        )
    case_ = load_case(session, case_id)
    submittable(case_)
    case_.decision = decision
    now = (clock or Clock()).now()
    steps = case_profile(session, case_).resolution_steps()
    round_no = submit(session, actor.id, case_, RESOLUTION, case_.id, steps, decision, now)
    after_change(session, case_, now)  # under Kendal the supervisor's step is the review
    return round_no
