"""One row of the approval inbox, whatever put it there: a step of an approval chain
(kiosk/services/approval_inbox.py) or a review before upstream or an escalation
(kiosk/services/review_items.py). Its own module so the two build on it without importing each
other."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class PendingApproval:
    """A step waiting for the acting officer (or, when ``at_kabupaten``, for the kabupaten)."""

    step_id: uuid.UUID
    subject_type: str
    subject_label: str
    subject_id: uuid.UUID
    case_id: uuid.UUID
    tracking_number: str
    person_name: str
    summary: str
    role: str
    role_label: str
    round: int
    emergency: bool
    at_kabupaten: bool
