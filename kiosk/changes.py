"""What kinds of record a piece of work changed, so each window page decides whether to reload.

Anki's operations return ``OpChanges`` and its screens redraw only what the change touches; the
same here, with the rule kept once: the kinds are derived from the tables a committed
transaction wrote (``TABLE_KINDS``), not declared by each action, so no action can forget to
say what it changed and work that is not one action (a print flow, an import) is covered too.

The window runs its work in :func:`collecting` on the worker thread; every transaction that
commits there (``kiosk.db`` listens to each session's flushes and commits) adds its kinds.
Qt-free and SQLAlchemy-free: the window imports it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum


class Kind(StrEnum):
    """A kind of record a page shows."""

    CASES = "cases"
    TICKETS = "tickets"
    PEOPLE = "people"
    PRINT_JOBS = "print_jobs"
    REFERRALS = "referrals"
    APPROVALS = "approvals"
    OFFICERS = "officers"
    DTKS = "dtks"
    RANKINGS = "rankings"
    REFERENCE = "reference"
    PROPOSALS = "proposals"
    PPKS = "ppks"
    AUDIT = "audit"
    SYNC = "sync"


# Every table, once: the kind of record a write to it changes (None: nothing a page shows).
# tests/core/test_changes.py fails when a table is missing here.
TABLE_KINDS: dict[str, Kind | None] = {
    "visit": Kind.CASES,
    "service_case": Kind.CASES,
    "case_household": Kind.CASES,
    "case_event": Kind.CASES,
    "citizen_notice": Kind.CASES,
    "complaint": Kind.CASES,
    "programme_need": Kind.CASES,
    "document_check": Kind.CASES,
    "queue_ticket": Kind.TICKETS,
    "queue_event": Kind.TICKETS,
    "household": Kind.PEOPLE,
    "person": Kind.PEOPLE,
    "household_membership": Kind.PEOPLE,
    "consent": Kind.PEOPLE,
    "programme_participation": Kind.PEOPLE,
    "print_job": Kind.PRINT_JOBS,
    "printed_document": Kind.PRINT_JOBS,
    "referral": Kind.REFERRALS,
    "service_product": Kind.REFERRALS,
    "approval_step": Kind.APPROVALS,
    "approval_vote": Kind.APPROVALS,
    "officer": Kind.OFFICERS,
    "officer_role": Kind.OFFICERS,
    "dtks_snapshot": Kind.DTKS,
    "dtks_record": Kind.DTKS,
    "ranking_list": Kind.RANKINGS,
    "ranking_entry": Kind.RANKINGS,
    "programme": Kind.REFERENCE,
    "reference_item": Kind.REFERENCE,
    "holiday": Kind.REFERENCE,
    "village": Kind.REFERENCE,
    "reference_version": Kind.REFERENCE,
    "regional_profile": Kind.REFERENCE,
    "site": Kind.REFERENCE,
    "prelist_proposal": Kind.PROPOSALS,
    "data_update_proposal": Kind.PROPOSALS,
    "ppks_record": Kind.PPKS,
    "audit_entry": Kind.AUDIT,
    "outbox_operation": Kind.SYNC,
    "upstream_change": Kind.SYNC,
    "sync_state": Kind.SYNC,
    "audit_head": None,
    "number_sequence": None,
}

Changes = frozenset[Kind]
NOTHING: Changes = frozenset()


def kinds_of(tables: Iterable[str]) -> Changes:
    """The kinds of record written to ``tables`` (tables of no page's concern left out)."""
    return frozenset(kind for t in tables if (kind := TABLE_KINDS.get(t)) is not None)


_local = threading.local()


@contextmanager
def collecting() -> Iterator[set[Kind]]:
    """Gather the kinds every transaction committed on this thread inside the block writes.

    Nested blocks each see their own commits, and the outer one sees the inner's too."""
    seen: set[Kind] = set()
    stack: list[set[Kind]] = getattr(_local, "stack", None) or []
    _local.stack = stack
    stack.append(seen)
    try:
        yield seen
    finally:
        stack.pop()


def committed(tables: Iterable[str]) -> None:
    """Called when a transaction commits: its kinds go to every block open on this thread."""
    stack: list[set[Kind]] | None = getattr(_local, "stack", None)
    if not stack:
        return
    kinds = kinds_of(tables)
    for seen in stack:
        seen |= kinds
