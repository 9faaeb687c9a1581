"""The office's day at a glance, for the coordinator, supervisor and administrator.

A small report on purpose: tickets, visits and new cases of one local day, open and overdue
cases, pre-list proposals and what still waits to go upstream. Counts only, no names, so it
may be shown on the home page and printed by the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.models import Case, OutboxOperation, PrelistProposal, QueueTicket, Visit
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.registry import action


@dataclass(frozen=True)
class DaySummary:
    """Counts for one local day plus the standing backlog."""

    day: date
    tickets: int
    visits: int
    cases_opened: int
    open_cases: int
    overdue_cases: int
    prelist_proposals: int
    waiting_upstream: int


def _count(session: Session, stmt: Select[int]) -> int:
    return int(session.scalar(stmt) or 0)


@action(Perm.VIEW_REPORTS, label="Melihat ringkasan kantor")
def office_summary(
    session: Session, actor: Actor, day: date | None = None, clock: Clock | None = None
) -> DaySummary:
    """The summary of ``day`` (default: today in the office's zone)."""
    clock = clock or Clock()
    day = day or clock.today()
    start = datetime.combine(day, time(), clock.local().tzinfo)
    end = start + timedelta(days=1)
    count = select(func.count())
    return DaySummary(
        day,
        _count(session, count.select_from(QueueTicket).where(QueueTicket.service_day == day)),
        _count(
            session,
            count.select_from(Visit).where(Visit.started_at >= start, Visit.started_at < end),
        ),
        _count(
            session, count.select_from(Case).where(Case.created_at >= start, Case.created_at < end)
        ),
        _count(session, count.select_from(Case).where(Case.status.in_(rules.OPEN))),
        _count(
            session,
            count.select_from(Case).where(Case.status.in_(rules.OPEN), Case.due_on < day),
        ),
        _count(
            session,
            count.select_from(PrelistProposal)
            .join(Visit, Visit.id == PrelistProposal.visit_id)
            .where(Visit.started_at >= start, Visit.started_at < end),
        ),
        _count(
            session,
            count.select_from(OutboxOperation).where(
                OutboxOperation.state.in_(("pending", "sending"))
            ),
        ),
    )
