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
    return submit(
        session,
        actor.id,
        case_,
        RESOLUTION,
        case_.id,
        case_profile(session, case_).resolution_steps(),
        decision,
        (clock or Clock()).now(),
    )
