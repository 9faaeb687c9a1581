"""The receiving agency's answer to a referral, as it arrives from the kabupaten's feed.

The agency (Dinas Kesehatan, BPJS …) answers on the kabupaten's web pages; the kiosk learns it
through the changes feed like any kabupaten decision. The answer goes on the case's timeline and
into the case's outcome text, which is what the citizen's status letter prints.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.models import Case, CaseEvent, Person, Referral

SERVED, REFUSED = "dilayani", "ditolak"


def answer_text(change: dict[str, Any]) -> str:
    """The answer in the letter's words; empty for an outcome the kiosk does not know."""
    outcome = str(change.get("outcome", ""))
    if outcome == SERVED:
        try:
            day = date.fromisoformat(str(change.get("served_on", ""))).strftime("%d-%m-%Y")
        except ValueError:
            day = "-"
        given = str(change.get("given", "")).strip()[:500]
        return f"Dilayani instansi tujuan pada {day}: {given}"
    if outcome == REFUSED:
        reason = str(change.get("reason", "")).strip()[:500]
        return f"Ditolak instansi tujuan: {reason}"
    return ""


def apply_referral_answer(
    session: Session, referral_id: uuid.UUID, change: dict[str, Any], change_id: str, at: datetime
) -> bool:
    """Record the answer once (the caller skips a change already applied); False when the
    referral is not this office's or the answer is not understood."""
    referral = session.get(Referral, referral_id)
    text = answer_text(change)
    if referral is None or not text:
        return False
    case_ = session.get(Case, referral.case_id)
    if case_ is None:
        return False
    person = session.get(Person, case_.person_id) if case_.person_id else None
    if person is not None and person.erased_at is not None:  # erased: the outcome, no words
        text = text.split(":")[0]
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="jawaban_rujukan",
            at=at,
            note=text,
            source="kabupaten",
            upstream_seq=change_id,
        )
    )
    base = (case_.decision or "").split("\nJawaban: ")[0]
    case_.decision = f"{base}\nJawaban: {text}" if base else text
    return True
