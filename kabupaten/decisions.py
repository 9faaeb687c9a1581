"""The kabupaten's decision on a referral step and the agency's acceptance and answer, each
written once however often it is submitted.

A double click or a second browser tab sends the same form twice, possibly at the same moment
on two worker threads. Reading "not decided yet" and then writing would let both pass, so the
write itself is the test: the decision's change in the feed has an id made from the referral and
its round (the ``changes`` table's unique ``change_id`` refuses a second one), the acceptance is
the ``agency_answers`` row keyed by the referral, and the answer is an UPDATE that only an
unanswered row matches. The loser learns it from the database and gets :class:`AlreadyDone`.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from kabupaten import casework as cw
from kabupaten.store import Store, now_iso
from kabupaten.tables import agency_answers

_NAMESPACE = uuid.UUID("5b0c2f62-8c47-4d0e-9a43-0f1d6f2a7c31")
APPROVE, REJECT, RETURN = cw.APPROVE, cw.REJECT, cw.RETURN


class AlreadyDone(Exception):
    """Someone (perhaps the same person in another tab) was first; nothing was written."""


def once_id(*parts: object) -> str:
    """The same id for the same decision: a second insert of it breaks the unique key."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)))


def decide(store: Store, ref: cw.Referral, decision: str, note: str) -> dict[str, Any]:
    """The kabupaten's step for this round, into the feed for the office that sent it."""
    change = {
        "change_id": once_id("keputusan", ref.referral_id, ref.round),
        "kind": "approval_decision",
        "entity_id": ref.referral_id,
        "kiosk_id": ref.kiosk_id,
        "subject_type": "rujukan",
        "role": cw.rules.MANAGER,
        "decision": decision,
        "note": note,
        "round": ref.round,
    }
    try:
        return store.add_change(change)
    except IntegrityError as exc:
        raise AlreadyDone from exc


def accept(store: Store, referral_id: str, username: str) -> None:
    """The agency takes the referral on; a second acceptance is refused."""
    try:
        with store.engine.begin() as c:
            c.execute(
                insert(agency_answers).values(
                    referral_id=referral_id, accepted_by=username, accepted_at=now_iso()
                )
            )
    except IntegrityError as exc:
        raise AlreadyDone from exc


def answer(store: Store, ref: cw.Referral, form: dict[str, str]) -> dict[str, Any]:
    """The agency's answer on an accepted, unanswered referral, and its change in the feed."""
    with store.engine.begin() as c:
        result = c.execute(
            update(agency_answers)
            .where(agency_answers.c.referral_id == ref.referral_id, agency_answers.c.outcome == "")
            .values(answered_at=now_iso(), **form)
        )
        if result.rowcount != 1:
            raise AlreadyDone
    change = {
        "change_id": once_id("jawaban", ref.referral_id),
        "kind": "referral_answer",
        "entity_id": ref.referral_id,
        "kiosk_id": ref.kiosk_id,
        "case_id": ref.case_id,
        "outcome": form["outcome"],
        "served_on": form.get("served_on", ""),
        "given": form.get("given", ""),
        "reason": form.get("reason", ""),
    }
    try:
        return store.add_change(change)
    except IntegrityError as exc:
        raise AlreadyDone from exc
