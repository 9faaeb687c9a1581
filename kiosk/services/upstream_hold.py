"""Messages held back from the kabupaten until the supervisor has reviewed the case.

Kendal art. 20(4)-(5) (and Balangan 14(3), Empat Lawang 9(6), Barito Selatan 10(3)b, as each
profile's ``review_before_upstream`` says): the back office's record and analysis of a complaint
go to the SLRT in the kabupaten only once the supervisor has approved them. While a case waits
(``Case.review_state`` = ``menunggu_tinjauan``) every outbox message about it is written in the
state ``ditahan``, which the sync client never sends; the review releases them in their order.
Qt-free and free of the service layer, so :mod:`kiosk.services.journal` can ask it.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.models import Case, OutboxOperation

HELD = "ditahan"  # an outbox state: written, not sendable
WAITING, REVIEWED = "menunggu_tinjauan", "ditinjau"  # Case.review_state


def case_of_message(entity_type: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> Any:
    """The case a message is about (itself, or the ``case_id`` its payload names)."""
    return entity_id if entity_type == "case" else payload.get("case_id")


def held(session: Session, entity_type: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> bool:
    """Whether a message must wait for the supervisor's review of its case."""
    case_id = case_of_message(entity_type, entity_id, payload)
    if case_id is None:
        return False
    case_ = session.get(Case, uuid.UUID(str(case_id)))
    return case_ is not None and case_.review_state == WAITING


def release(session: Session, case_: Case) -> int:
    """Make the case's held messages sendable (same order: they keep their sequence) and mark
    the case reviewed; returns how many were released."""
    session.flush()
    ops = session.scalars(
        select(OutboxOperation).where(OutboxOperation.state == HELD).order_by(OutboxOperation.seq)
    ).all()
    mine = [
        o
        for o in ops
        if str(case_of_message(o.entity_type, o.entity_id, o.payload)) == str(case_.id)
    ]
    for op in mine:
        op.state = "pending"
    case_.review_state = REVIEWED
    return len(mine)
