"""Resolving a case at the Puskesos: the decision written, then approved by the coordinator."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.messages import _
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
    """Ask the coordinator to approve resolving the case at the Puskesos with ``decision``."""
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
        rules.RESOLUTION_STEPS,
        decision,
        (clock or Clock()).now(),
    )
