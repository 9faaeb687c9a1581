"""The supervisor's reviews asked of the kabupaten (issue #32, "supervision where the supervisor
is"): read from the offices' ``tinjauan_diminta`` operations, settled by the office's own
``tinjauan_selesai`` / ``kasus_ditinjau`` or by the supervisor's decision here.

Like :mod:`kabupaten.casework`, nothing keeps a second copy: a request is its operation (filed
under the office whose token sent it), the decision is a ``review_decision`` change in the
office's feed, written once per request (its id comes from the request: the ``changes`` table's
unique key refuses a second one, see :mod:`kabupaten.decisions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from kabupaten import casework as cw
from kabupaten.decisions import AlreadyDone, once_id
from kabupaten.store import Store
from kiosk.workdays import add_working_days

ASKED, SETTLED, REVIEWED = "tinjauan_diminta", "tinjauan_selesai", "kasus_ditinjau"
APPROVE, RETURN = "setuju", "kembalikan"
DAYS_TO_REVIEW = cw.DAYS_TO_DECIDE  # working days, as for the kabupaten's referral step


@dataclass
class ReviewRequest:
    request_id: str
    case_id: str
    kiosk_id: str
    received_at: str
    facts: dict[str, Any] = field(default_factory=dict)  # what the office sent, NIK masked
    settled_here: bool = False  # the office reviewed (or returned) it in its own window
    superseded: bool = False  # a later request for the same case came
    decision: dict[str, Any] | None = None  # the supervisor's, from the feed
    due: date | None = None
    overdue: bool = False

    @property
    def waiting(self) -> bool:
        return not (self.settled_here or self.superseded or self.decision)


def requests(store: Store, today: date, office: str = "") -> list[ReviewRequest]:
    """Every review asked (``office``: only that office's), with where each stands."""
    # keyed by office and request: an id one office chose never reaches another office's request
    found: dict[tuple[str, str], ReviewRequest] = {}
    latest: dict[str, tuple[str, str]] = {}  # case -> its newest request
    reviewed: set[str] = set()
    for kiosk_id, received, item in cw._ops(store, ASKED, SETTLED, REVIEWED, office=office):
        p = item["payload"]
        rid = str(p.get("request_id", ""))
        if item["op_type"] == ASKED:
            req = ReviewRequest(rid, item["entity_id"], kiosk_id, received, dict(p))
            found[(kiosk_id, rid)] = req
            prior = found.get(latest.get(req.case_id, ("", "")))
            if prior is not None:
                prior.superseded = True
            latest[req.case_id] = (kiosk_id, rid)
        elif item["op_type"] == SETTLED and (kiosk_id, rid) in found:
            found[(kiosk_id, rid)].settled_here = True
        elif item["op_type"] == REVIEWED:
            reviewed.add(item["entity_id"])
    for change in cw._changes(store, "review_decision", list(latest)):
        req = found.get((str(change.get("kiosk_id")), str(change.get("request_id"))))
        if req is not None:
            req.decision = change
    days_off = cw.holidays(store)
    for req in found.values():
        if req.case_id in reviewed and req.decision is None and not req.superseded:
            req.settled_here = True  # approved in the window: its messages came up
        start = datetime.fromisoformat(req.received_at).date()
        req.due = add_working_days(start, DAYS_TO_REVIEW, days_off)
        req.overdue = req.waiting and req.due < today
    return list(found.values())


def decide(store: Store, req: ReviewRequest, decision: str, note: str, who: str) -> dict[str, Any]:
    """The supervisor's review into the office's feed; a second one raises AlreadyDone."""
    change = {
        "change_id": once_id("tinjauan", f"{req.kiosk_id}/{req.request_id}"),
        "kind": "review_decision",
        "entity_id": req.case_id,
        "kiosk_id": req.kiosk_id,
        "office": req.kiosk_id,
        "request_id": req.request_id,
        "decision": decision,
        "note": note,
        "reviewer": who,
    }
    try:
        return store.add_change(change)
    except IntegrityError as exc:
        raise AlreadyDone from exc
