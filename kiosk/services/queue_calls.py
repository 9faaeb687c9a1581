"""Calling tickets at the counters: next, recall, no-show, skip, transfer, serve, finish.

Order is priority first (elderly, disabled, pregnant … — the coloured cards some offices hand
out), then the longest wait. A skipped ticket goes to the back of the line; a transferred one
keeps its place. Every move is a queue event, so wait and service times can be reported.

Two counters may press "next" at the same moment, possibly on two machines sharing one
PostgreSQL: the ticket is taken with a conditional UPDATE (``status = 'menunggu'``), so only one
counter gets it and the other simply takes the following ticket.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import QueueEvent, QueueTicket
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.reference import choices
from kiosk.services.registry import action
from kiosk.services.tickets import TicketStatus, line_order

WAITING, CALLED, SERVING, DONE, NO_SHOW = TicketStatus
STATUS_LABELS: dict[str, str] = {
    WAITING: "Menunggu",
    CALLED: "Dipanggil",
    SERVING: "Sedang dilayani",
    DONE: "Selesai",
    NO_SHOW: "Tidak hadir",
}
# Moves a ticket may make, by the status it is in.
_FROM = {
    "called": {WAITING},
    "recalled": {CALLED, NO_SHOW},
    "serving": {CALLED},
    "no_show": {CALLED},
    "skipped": {WAITING, CALLED},
    "transferred": {WAITING, CALLED, SERVING},
    "ended": {CALLED, SERVING},
}


@dataclass(frozen=True)
class CallView:
    """A ticket as the counter and the board show it: numbers, never names."""

    ticket_id: uuid.UUID
    label: str
    service_code: str
    counter: str | None
    status: str
    priority: str | None
    issued_at: datetime
    event: str = ""
    access_needs: str = ""  # codes: the caller goes to a wheelchair, shows a deaf visitor


@dataclass(frozen=True)
class QueueState:
    day: date
    waiting: list[CallView]
    no_shows: list[CallView]
    current: dict[str, CallView]  # counter code -> ticket called or being served there
    mean_wait_minutes: float | None
    mean_service_minutes: float | None


def _view(t: QueueTicket, event: str = "") -> CallView:
    return CallView(
        t.id,
        t.label,
        t.service_code,
        t.counter,
        t.status,
        t.priority,
        t.issued_at,
        event,
        t.access_needs,
    )


def _counters(session: Session) -> set[str]:
    return {c.code for c in choices(session, "loket")}


def _check_counter(session: Session, counter: str) -> None:
    if counter not in _counters(session):
        raise ValidationError(
            _(
                "Loket ini tidak dikenal. Pilih loket di halaman Tampilan atau minta administrator "
                "menambahkannya."
            ),
            field="counter",
        )


def _event(
    session: Session, ticket: QueueTicket, kind: str, actor: Actor, now: datetime, note: str = ""
) -> None:
    session.add(
        QueueEvent(
            ticket_id=ticket.id,
            kind=kind,
            at=now,
            officer_id=actor.id,
            counter=ticket.counter,
            note=note,
        )
    )
    audit(
        session, actor.id, f"antrian_{kind}", "queue_ticket", ticket.id, {"counter": ticket.counter}
    )


def _busy_ticket(session: Session, counter: str, today: date) -> QueueTicket | None:
    return session.scalars(
        select(QueueTicket).where(
            QueueTicket.service_day == today,
            QueueTicket.counter == counter,
            QueueTicket.status.in_((CALLED, SERVING)),
        )
    ).first()


@action(Perm.CALL_QUEUE, label="Memanggil antrian berikutnya")
def call_next(
    session: Session,
    actor: Actor,
    counter: str,
    services: list[str] | None = None,
    clock: Clock | None = None,
) -> CallView | None:
    """Call the next waiting ticket to ``counter``; ``None`` when nobody is waiting."""
    _check_counter(session, counter)
    clock = clock or Clock()
    today, now = clock.today(), clock.now()
    busy = _busy_ticket(session, counter, today)
    if busy is not None:
        raise Conflict(
            _(
                "Nomor {0} masih di loket ini. Tandai selesai, tidak hadir, atau alihkan "
                "dulu sebelum memanggil nomor berikutnya."
            ).format(busy.label),
            code="loket_sibuk",
        )
    query = select(QueueTicket.id).where(
        QueueTicket.service_day == today,
        QueueTicket.status == WAITING,
        (QueueTicket.counter.is_(None)) | (QueueTicket.counter == counter),
    )
    if services:
        query = query.where(QueueTicket.service_code.in_(services))
    for ticket_id in session.scalars(query.order_by(*line_order()).limit(20)).all():
        taken = session.execute(
            update(QueueTicket)
            .where(QueueTicket.id == ticket_id, QueueTicket.status == WAITING)
            .values(status=CALLED, counter=counter)
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], taken).rowcount == 1:  # an UPDATE's result
            ticket = session.get(QueueTicket, ticket_id)
            assert ticket is not None
            session.refresh(ticket)
            _event(session, ticket, "called", actor, now)
            return _view(ticket, "called")
    return None


def _ticket(session: Session, ticket_id: uuid.UUID) -> QueueTicket:
    ticket = session.get(QueueTicket, ticket_id)
    if ticket is None:
        raise NotFound(_("Nomor antrian ini tidak ditemukan."))
    return ticket


def _move(
    session: Session,
    actor: Actor,
    ticket_id: uuid.UUID,
    kind: str,
    to_status: str,
    clock: Clock | None,
    note: str = "",
) -> QueueTicket:
    clock = clock or Clock()
    ticket = _ticket(session, ticket_id)
    if ticket.status not in _FROM[kind]:
        raise Conflict(
            _(
                "Nomor {0} berstatus {1}; langkah ini tidak bisa dilakukan. Muat ulang "
                "daftar antrian."
            ).format(ticket.label, STATUS_LABELS.get(ticket.status, ticket.status)),
            code="status_antrian",
        )
    ticket.status = to_status
    _event(session, ticket, kind, actor, clock.now(), note)
    return ticket


@action(Perm.CALL_QUEUE, label="Memanggil ulang nomor antrian")
def recall(
    session: Session,
    actor: Actor,
    ticket_id: uuid.UUID,
    counter: str | None = None,
    clock: Clock | None = None,
) -> CallView:
    """Call again: the visitor did not come, or a no-show turned up later."""
    ticket = _ticket(session, ticket_id)
    if counter is not None and ticket.status == NO_SHOW:
        _check_counter(session, counter)
        busy = _busy_ticket(session, counter, ticket.service_day)
        if busy is not None and busy.id != ticket.id:
            raise Conflict(
                _("Nomor {0} masih di loket ini. Selesaikan dulu.").format(busy.label),
                code="loket_sibuk",
            )
        ticket.counter = counter
    return _view(_move(session, actor, ticket_id, "recalled", CALLED, clock), "recalled")


@action(Perm.CALL_QUEUE, label="Mulai melayani nomor antrian")
def start_serving(
    session: Session, actor: Actor, ticket_id: uuid.UUID, clock: Clock | None = None
) -> CallView:
    return _view(_move(session, actor, ticket_id, "serving", SERVING, clock), "serving")


@action(Perm.CALL_QUEUE, label="Menandai pengunjung tidak hadir")
def mark_no_show(
    session: Session, actor: Actor, ticket_id: uuid.UUID, clock: Clock | None = None
) -> CallView:
    """The visitor did not come; the ticket can be recalled later today."""
    return _view(_move(session, actor, ticket_id, "no_show", NO_SHOW, clock), "no_show")


@action(Perm.CALL_QUEUE, label="Melewati nomor antrian")
def skip(
    session: Session, actor: Actor, ticket_id: uuid.UUID, clock: Clock | None = None
) -> CallView:
    """Send the ticket to the back of the line (e.g. the visitor must fetch a document)."""
    clock = clock or Clock()
    ticket = _move(session, actor, ticket_id, "skipped", WAITING, clock)
    ticket.counter = None
    ticket.queued_at = clock.now()
    return _view(ticket, "skipped")


@action(Perm.CALL_QUEUE, label="Mengalihkan nomor ke layanan atau loket lain")
def transfer(
    session: Session,
    actor: Actor,
    ticket_id: uuid.UUID,
    service_code: str | None = None,
    counter: str | None = None,
    clock: Clock | None = None,
) -> CallView:
    """Hand the visitor to another service or counter, keeping their place in line."""
    services = {c.code for c in choices(session, "layanan_antrian")}
    if service_code is None and counter is None:
        raise ValidationError(_("Pilih layanan atau loket tujuan."), field="service")
    if service_code is not None and service_code not in services:
        raise ValidationError(_("Layanan tujuan tidak dikenal."), field="service")
    if counter is not None:
        _check_counter(session, counter)
    ticket = _move(
        session,
        actor,
        ticket_id,
        "transferred",
        WAITING,
        clock,
        note=f"{service_code or ''} {counter or ''}".strip(),
    )
    if service_code is not None:
        ticket.service_code = service_code
    ticket.counter = counter
    return _view(ticket, "transferred")


@action(Perm.CALL_QUEUE, label="Menyelesaikan layanan nomor antrian")
def finish(
    session: Session, actor: Actor, ticket_id: uuid.UUID, clock: Clock | None = None
) -> CallView:
    return _view(_move(session, actor, ticket_id, "ended", DONE, clock), "ended")


def _mean_minutes(pairs: list[tuple[datetime, datetime]]) -> float | None:
    spans = [(b - a).total_seconds() / 60 for a, b in pairs if a and b and b >= a]
    return round(sum(spans) / len(spans), 1) if spans else None


@action(Perm.CALL_QUEUE, label="Melihat keadaan antrian")
def queue_state(
    session: Session, actor: Actor, day: date | None = None, clock: Clock | None = None
) -> QueueState:
    """The counter's view of today's line, with mean wait and service times."""
    day = day or (clock or Clock()).today()
    tickets = session.scalars(
        select(QueueTicket).where(QueueTicket.service_day == day).order_by(*line_order())
    ).all()
    waiting = [_view(t) for t in tickets if t.status == WAITING]
    no_shows = [_view(t) for t in tickets if t.status == NO_SHOW]
    current = {t.counter: _view(t) for t in tickets if t.status in (CALLED, SERVING) and t.counter}
    ids = [t.id for t in tickets]
    first: dict[tuple[uuid.UUID, str], datetime] = {}
    if ids:
        rows = session.execute(
            select(QueueEvent.ticket_id, QueueEvent.kind, func.min(QueueEvent.at))
            .where(
                QueueEvent.ticket_id.in_(ids),
                QueueEvent.kind.in_(("called", "serving", "ended")),
            )
            .group_by(QueueEvent.ticket_id, QueueEvent.kind)
        )
        first = {(tid, kind): at for tid, kind, at in rows}
    by_id = {t.id: t for t in tickets}
    waits = [(by_id[tid].issued_at, at) for (tid, kind), at in first.items() if kind == "called"]
    services = [
        (at, first[(tid, "ended")])
        for (tid, kind), at in first.items()
        if kind == "serving" and (tid, "ended") in first
    ]
    return QueueState(
        day, waiting, no_shows, current, _mean_minutes(waits), _mean_minutes(services)
    )


@dataclass(frozen=True)
class BoardState:
    """What the public display shows: numbers per counter and the last calls, never names."""

    current: dict[str, str]  # counter label -> ticket label
    recent: list[tuple[str, str, datetime]]  # (ticket label, counter label, at), newest first


def board_state(session: Session, clock: Clock | None = None, last: int = 5) -> BoardState:
    """Public data only (ticket numbers), so the board needs no logged-in officer."""
    day = (clock or Clock()).today()
    labels = {c.code: c.label for c in choices(session, "loket")}
    current = {
        labels.get(str(counter), str(counter)): label
        for label, counter in session.execute(
            select(QueueTicket.label, QueueTicket.counter).where(
                QueueTicket.service_day == day,
                QueueTicket.status.in_((CALLED, SERVING)),
                QueueTicket.counter.is_not(None),
            )
        )
    }
    recent = [
        (label, labels.get(counter or "", counter or ""), at)
        for label, counter, at in session.execute(
            select(QueueTicket.label, QueueEvent.counter, QueueEvent.at)
            .join(QueueTicket, QueueTicket.id == QueueEvent.ticket_id)
            .where(QueueTicket.service_day == day, QueueEvent.kind.in_(("called", "recalled")))
            .order_by(QueueEvent.at.desc())
            .limit(last)
        )
    ]
    return BoardState(dict(sorted(current.items())), recent)
