"""The kabupaten supervisor's review, applied when it arrives through sync (change kind
``review_decision``, contract 1.4; issue #32).

It takes the same path as the window's review: under a profile whose resolution chain is the
reviewer (Kendal 20(4)) it decides that step
(:func:`kiosk.services.approvals.decide_from_kabupaten`, then
:func:`kiosk.services.supervision.reviewed_by_step`); otherwise it is the review of the result
(:func:`kiosk.services.supervision.decide_review`). Approving releases the held messages and
writes the history entry naming the kabupaten's supervisor; returning sends the case back to
the back office with the note. A decision on a request that is no longer the case's current
one (the office reviewed it in the window, or it was resubmitted since) is ignored.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.messages import _
from kiosk.models import Case
from kiosk.services import approvals as ap
from kiosk.services.review_request import request_id as request_of
from kiosk.services.review_request import review_point
from kiosk.services.supervision import decide_review, reviewed_by_step

APPROVE, RETURN = "setuju", "kembalikan"


def reviewer_words(change: dict[str, Any]) -> str:
    """Who decided, for the case's history: the kabupaten account, never a NIK or a name."""
    who = str(change.get("reviewer", ""))[:60] or "-"
    return _("supervisor kecamatan {0}, di server kabupaten").format(who)


def apply_review_decision(
    session: Session, case_id: uuid.UUID, change: dict[str, Any], at: datetime
) -> bool:
    """Apply one ``review_decision``; False (nothing written) when it is stale or unknown."""
    case_ = session.get(Case, case_id)
    decision = str(change.get("decision", ""))
    if case_ is None or decision not in (APPROVE, RETURN):
        return False
    point = review_point(session, case_)
    if point is None or request_of(case_, point[0]) != str(change.get("request_id", "")):
        return False
    note = str(change.get("note", "")).strip()[:2000]
    if decision == RETURN and not note:
        return False
    by = reviewer_words(change)
    _key, step = point
    if step is None:
        decide_review(session, None, case_, decision == APPROVE, note, at, by)
        return True
    if decision == APPROVE:
        ap.decide_from_kabupaten(session, step, ap.APPROVE, note, at)
        reviewed_by_step(session, None, case_, step.role, at, by)
    else:
        ap.decide_from_kabupaten(session, step, ap.RETURN, f"{note} ({by})", at)
    return True
