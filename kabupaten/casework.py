"""What the kabupaten's people look at, read from what the kiosks sent: referrals whose next
step the kabupaten owns, the case behind each, and the decisions and answers written back.

Nothing here keeps a second copy of a case: a referral is its ``rujukan_dibuat`` operation, its
local steps are the ``persetujuan_diputuskan`` operations, and the kabupaten's decision is a
change in the feed (the one place the kiosk reads). Only the agency's acceptance, which the
kiosk never owns, has its own row (:data:`kabupaten.people.agency_answers`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from kabupaten.store import Store, changes, operations
from kiosk import case_rules as rules
from kiosk.workdays import add_working_days

DAYS_TO_DECIDE = 5  # working days the kabupaten gives itself for its step
APPROVE, REJECT, RETURN = "setuju", "tolak", "kembalikan"  # RETURN: for more information


@dataclass
class Referral:
    referral_id: str
    case_id: str
    kiosk_id: str
    tracking_number: str
    destination: str
    destination_kind: str
    reason: str
    request: str
    round: int = 1
    waiting_since: str = ""  # when the office's last step approved it
    decision: dict[str, Any] | None = None  # the kabupaten's, for the latest round
    earlier: list[dict[str, Any]] = field(default_factory=list)  # its decisions on past rounds
    due: date | None = None
    overdue: bool = False

    @property
    def waiting(self) -> bool:
        return bool(self.waiting_since) and self.decision is None

    @property
    def approved(self) -> bool:
        return self.decision is not None and self.decision.get("decision") == APPROVE

    @property
    def returned(self) -> bool:
        """Sent back for more information: waiting for the office to complete and resubmit."""
        return self.decision is not None and self.decision.get("decision") == RETURN


@dataclass
class CaseFacts:
    case: dict[str, Any] = field(default_factory=dict)
    person: dict[str, Any] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)


def _ops(
    store: Store, *op_types: str, among: list[str] | None = None, office: str = ""
) -> list[tuple[str, str, dict[str, Any]]]:
    """``(kiosk_id, received_at, item)`` for accepted operations of these types, in order;
    ``among``: only those records' (read by index), ``office``: only that office's."""
    query = (
        select(operations.c.kiosk_id, operations.c.received_at, operations.c.body)
        .where(operations.c.op_type.in_(op_types), operations.c.outcome == "accepted")
        .order_by(operations.c.receipt)
    )
    if among is not None:
        query = query.where(operations.c.entity_id.in_(among))
    if office:
        query = query.where(operations.c.kiosk_id == office)
    with store.engine.connect() as c:
        rows = c.execute(query).all()
    return [(r.kiosk_id, r.received_at, json.loads(r.body)) for r in rows]


def _changes(store: Store, kind: str, among: list[str] | None = None) -> list[dict[str, Any]]:
    query = select(changes.c.body).order_by(changes.c.seq)
    if among is not None:
        query = query.where(changes.c.entity_id.in_(among))
    with store.engine.connect() as c:
        rows = c.execute(query).all()
    return [b for b in (json.loads(r.body) for r in rows) if b.get("kind") == kind]


def holidays(store: Store) -> set[date]:
    found = store.get_reference("holidays") or {"items": []}
    days = set()
    for item in found["items"]:
        text = item.get("date") if isinstance(item, dict) else item
        try:
            days.add(date.fromisoformat(str(text)))
        except ValueError:
            continue
    return days


def referrals(store: Store, today: date, among: list[str] | None = None) -> list[Referral]:
    """Every referral the kiosks sent (``among``: only these), with where its approval stands."""
    found: dict[str, Referral] = {}
    for kiosk_id, _at, item in _ops(store, "rujukan_dibuat", among=among):
        p = item["payload"]
        found[item["entity_id"]] = Referral(
            item["entity_id"],
            str(p.get("case_id", "")),
            kiosk_id,
            str(p.get("tracking_number", "")),
            str(p.get("destination", "")),
            str(p.get("destination_kind", "")),
            str(p.get("reason", "")),
            str(p.get("request", "")),
        )
    steps = ("persetujuan_diajukan", "persetujuan_diputuskan")
    for sender, received, item in _ops(store, *steps, among=among):
        p = item["payload"]
        ref = found.get(str(p.get("subject_id")))
        # only the office that sent the referral moves its steps: another office naming its id
        # would rewrite what the letter prints and undo the kabupaten's approval
        if ref is None or ref.kiosk_id != sender or p.get("subject_type") != "rujukan":
            continue
        ref.round = max(ref.round, int(p.get("round") or 1))
        if item["op_type"] == "persetujuan_diajukan":  # a resubmission brings what was asked
            ref.reason = str(p.get("reason") or ref.reason)
            ref.request = str(p.get("request") or ref.request)
            ref.waiting_since = ""  # the office's own steps come first again
            continue
        _local_step(ref, p, received)
    for change in _changes(store, "approval_decision", among):
        ref = found.get(str(change.get("entity_id")))
        if ref is not None and int(change.get("round") or 1) == ref.round:
            ref.decision = change
        elif ref is not None:
            ref.earlier.append(change)
    days_off = holidays(store)
    for ref in found.values():
        if ref.waiting_since:
            start = datetime.fromisoformat(ref.waiting_since).date()
            ref.due = add_working_days(start, DAYS_TO_DECIDE, days_off)
            ref.overdue = ref.waiting and ref.due < today
    return list(found.values())


def _local_step(ref: Referral, p: dict[str, Any], received: str) -> None:
    """The office's own step: its last approval sends the referral up to the kabupaten."""
    steps = rules.referral_steps(ref.destination_kind)
    last_local = [role for role, upstream in steps if not upstream][-1:]
    needs_kabupaten = any(upstream for _r, upstream in steps)
    if p.get("role") in last_local and p.get("decision") == APPROVE and needs_kabupaten:
        ref.waiting_since = received
    elif p.get("decision") == REJECT:
        ref.waiting_since = ""


def case_facts(store: Store, case_id: str) -> CaseFacts:
    """The complaint, DTKS status, documents and the village's notes for one case."""
    facts = CaseFacts()
    for _k, _at, item in _ops(store, "kasus_dicatat", "kasus_catatan", "kasus_status"):
        if item["entity_id"] != case_id:
            continue
        p = item["payload"]
        if item["op_type"] == "kasus_dicatat":
            facts.case = p
        elif item["op_type"] == "kasus_catatan":
            facts.notes.append(p)
        else:
            facts.statuses.append(p)
    person_id = str(facts.case.get("person_id", ""))
    for _k, _at, item in _ops(store, "warga_didaftarkan", "identitas_diubah"):
        if item["entity_id"] == person_id:
            facts.person.update(item["payload"])
    return facts


def mask_nik(nik: str | None) -> str:
    """The first six digits (the district of birth registration) and the last two."""
    if not nik:
        return "-"
    return nik[:6] + "•" * max(len(nik) - 8, 0) + nik[-2:]
