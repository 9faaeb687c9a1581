"""Queue tickets: numbered per service prefix per local day, never duplicated."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.models import QueueEvent, QueueTicket
from kiosk.roles import Perm
from kiosk.services.access import PRIORITY, access_needs, checked_needs, needs_of
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.numbers import next_value
from kiosk.services.reference import Choice, choices
from kiosk.services.registry import action


class TicketStatus(StrEnum):
    """A queue ticket's place in the day; the value is what the database stores."""

    WAITING = "menunggu"
    CALLED = "dipanggil"
    SERVING = "dilayani"
    DONE = "selesai"
    NO_SHOW = "tidak_hadir"


@dataclass(frozen=True)
class TicketView:
    id: uuid.UUID
    label: str
    service_code: str
    service_label: str
    priority: str | None
    priority_label: str | None
    service_day: date
    issued_at: datetime
    waiting_ahead: int
    estimated_wait_minutes: int = 0  # people ahead x the recent mean service time
    access_needs: tuple[str, ...] = ()  # the needs' words, for the slip and the caller
    access_codes: tuple[str, ...] = ()  # the same as codes, for the capture to start from
    public_priority: str | None = None  # what the slip and the door screen say: never the kind


def public_priority(priority: str | None) -> str | None:
    """What a public surface (door screen, slip, board, voice) says of a ticket's priority:
    only that it has one. The kind (a victim of violence, a disability, a pregnancy) is why
    someone came, and that is for the officers' screens alone."""
    return _("Prioritas") if priority else None


def door_priorities(kinds: list[Choice]) -> list[Choice]:
    """The priority kinds a screen in the waiting room may offer. A kind marked ``rahasia``
    in the list (a victim of violence) is never a button others can watch being pressed: the
    visitor takes "Prioritas lain" and tells the officer in private."""
    return [k for k in kinds if not k.extra.get("rahasia")]


@action(Perm.ISSUE_TICKET, label="Mengambil nomor antrian")
def issue_ticket(
    session: Session,
    actor: Actor,
    service_code: str,
    priority: str | None = None,
    clock: Clock | None = None,
    access: Sequence[str] = (),
) -> TicketView:
    """A numbered ticket; the prefix comes from the ``layanan_antrian`` reference list. An
    access need gives the ticket priority (as a disabled visitor) if it has none."""
    clock = clock or Clock()
    needs = checked_needs(session, access)
    priority = priority or (PRIORITY if needs else None)
    services = {c.code: c for c in choices(session, "layanan_antrian")}
    if service_code not in services:
        raise ValidationError(_("Pilih jenis layanan antrian."), field="service")
    priorities = {c.code: c.label for c in choices(session, "prioritas")}
    if priority and priority not in priorities:
        raise ValidationError(_("Jenis prioritas tidak dikenal."), field="priority")
    service = services[service_code]
    prefix = str(service.extra.get("prefix", service_code[:1].upper()))
    today = clock.today()
    number = next_value(session, f"antrian:{prefix}:{today.isoformat()}")
    now = clock.now()
    ticket = QueueTicket(
        id=uuid.uuid4(),
        service_code=service_code,
        prefix=prefix,
        number=number,
        label=f"{prefix}{number:03d}",
        service_day=today,
        priority=priority or None,
        access_needs=needs,
        status=TicketStatus.WAITING,
        issued_at=now,
        queued_at=now,
        issued_by=actor.id,
    )
    session.add(ticket)
    session.flush()
    waiting = _ahead_of(session, ticket)
    session.add(QueueEvent(ticket_id=ticket.id, kind="issued", at=now, officer_id=actor.id))
    audit(
        session,
        actor.id,
        "tiket_diterbitkan",
        "queue_ticket",
        ticket.id,
        {"service": service_code, "priority": bool(priority)},
    )
    return TicketView(
        ticket.id,
        ticket.label,
        service_code,
        service.label,
        ticket.priority,
        priorities.get(priority or ""),
        today,
        now,
        int(waiting),
        round(int(waiting) * _mean_service_minutes(session, today)),
        tuple(n.label for n in needs_of(needs, access_needs(session))),
        tuple(c for c in needs.split(",") if c),
        public_priority(ticket.priority),
    )


def line_order() -> tuple[Any, ...]:
    """The order counters call in: priority first, then whoever has waited longest (a skipped
    ticket waits again). The estimate on a new ticket counts by the same rule."""
    return (
        case((QueueTicket.priority.is_(None), 1), else_=0),
        func.coalesce(QueueTicket.queued_at, QueueTicket.issued_at),
        QueueTicket.number,
        QueueTicket.label,  # A001 and B001 taken in the same instant: still one order
    )


def _ahead_of(session: Session, ticket: QueueTicket) -> int:
    """How many of today's waiting tickets will be called before ``ticket``: a priority
    visitor waits only for the priority tickets already in line, not for everyone."""
    line = session.scalars(
        select(QueueTicket.id)
        .where(
            QueueTicket.service_day == ticket.service_day,
            QueueTicket.status == TicketStatus.WAITING,
        )
        .order_by(*line_order())
    ).all()
    return line.index(ticket.id)


DEFAULT_SERVICE_MINUTES = 7.0  # until the counter has served anyone: a typical SLRT visit


def _mean_service_minutes(session: Session, today: date) -> float:
    """Mean minutes from 'serving' to 'ended' over the last two weeks' tickets."""
    since = today - timedelta(days=14)
    serving = aliased(QueueEvent)
    ended = aliased(QueueEvent)
    rows = session.execute(
        select(serving.at, ended.at)
        .join(QueueTicket, QueueTicket.id == serving.ticket_id)
        .join(ended, (ended.ticket_id == serving.ticket_id) & (ended.kind == "ended"))
        .where(serving.kind == "serving", QueueTicket.service_day >= since)
        .order_by(serving.at.desc())
        .limit(200)
    ).all()
    spans = [(end - start).total_seconds() / 60 for start, end in rows if end > start]
    return sum(spans) / len(spans) if spans else DEFAULT_SERVICE_MINUTES
