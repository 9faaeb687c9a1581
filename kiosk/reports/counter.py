"""The counter's own figures: tickets per day and service, waiting and service times, no-shows
per counter; cases answered within their due day. Means and rates, so not rolled up by sex:
a ticket names no person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from statistics import fmean
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.models import Case, CaseEvent, QueueEvent, QueueTicket
from kiosk.periods import Period
from kiosk.reports.model import TOTAL, Row, Table
from kiosk.services.tickets import TicketStatus
from kiosk.workdays import is_working_day


@dataclass
class _Ticket:
    service: str
    counter: str
    day: date
    no_show: bool
    wait: float | None  # minutes from issue to first call
    serve: float | None  # minutes from start of service (or call) to end


def _minutes(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    a, b = (x if x.tzinfo else x.replace(tzinfo=UTC) for x in (a, b))
    return max((b - a).total_seconds() / 60, 0.0)


def _tickets(session: Session, period: Period) -> list[_Ticket]:
    first = {
        kind: func.min(QueueEvent.at).filter(QueueEvent.kind == kind)
        for kind in ("called", "serving", "ended")
    }
    stmt = (
        select(
            QueueTicket.service_code,
            QueueTicket.counter,
            QueueTicket.service_day,
            QueueTicket.status,
            QueueTicket.issued_at,
            first["called"],
            first["serving"],
            first["ended"],
        )
        .outerjoin(QueueEvent, QueueEvent.ticket_id == QueueTicket.id)
        .where(QueueTicket.service_day >= period.start, QueueTicket.service_day < period.end)
        .group_by(QueueTicket.id)
    )
    return [
        _Ticket(
            service,
            counter or "-",
            day,
            status == TicketStatus.NO_SHOW,
            _minutes(issued, called),
            _minutes(serving or called, ended) if ended else None,
        )
        for service, counter, day, status, issued, called, serving, ended in session.execute(stmt)
    ]


def _mean(values: list[float | None]) -> float:
    known = [v for v in values if v is not None]
    return round(fmean(known), 1) if known else 0.0


def _ticket_row(key: str, label: str, tickets: list[_Ticket]) -> Row:
    no_show = sum(t.no_show for t in tickets)
    rate = round(100 * no_show / len(tickets), 1) if tickets else 0.0
    return Row(
        key,
        label,
        (
            len(tickets),
            no_show,
            rate,
            _mean([t.wait for t in tickets]),
            _mean([t.serve for t in tickets]),
        ),
    )


TICKET_COLUMNS = (
    "Tiket",
    "Tidak hadir",
    "% tidak hadir",
    "Rata-rata tunggu (menit)",
    "Rata-rata layanan (menit)",
)


def working_days(period: Period, today: date, holidays: Set[date]) -> int:
    """Working days of the period up to today (the office's holiday list, no weekends)."""
    last = min(period.end, today + timedelta(days=1))
    days = (period.start + timedelta(days=i) for i in range((last - period.start).days))
    return sum(1 for d in days if is_working_day(d, holidays))


def ticket_tables(
    session: Session,
    period: Period,
    words: Mapping[str, str],
    holidays: Set[date] = frozenset(),
    today: date | None = None,
) -> list[Table]:
    """Tickets by service and by counter (with means), per working day, and per day (a line)."""
    tickets = _tickets(session, period)
    out: list[Table] = []
    for field, dimension, title in (
        ("service", "service", "Antrian menurut layanan"),
        ("counter", "counter", "Antrian menurut loket"),
    ):
        groups: dict[str, list[_Ticket]] = defaultdict(list)
        for t in tickets:
            groups[getattr(t, field)].append(t)
        rows = tuple(
            _ticket_row(k, words.get(k, k.replace("_", " ")), v)
            for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1]))
        )
        total = _ticket_row(TOTAL, TOTAL, tickets)
        out.append(Table("antrian", dimension, title, "tiket", TICKET_COLUMNS, rows, total))
    workdays = working_days(period, today or period.end, holidays)
    by_service: dict[str, int] = defaultdict(int)
    for t in tickets:
        by_service[t.service] += 1
    out.append(
        Table(
            "antrian",
            "workday",
            f"Rata-rata tiket per hari kerja ({workdays} hari kerja)",
            "tiket",
            (TOTAL,),
            tuple(
                Row(k, words.get(k, k), (round(n / workdays, 1) if workdays else 0.0,))
                for k, n in sorted(by_service.items(), key=lambda kv: -kv[1])
            ),
            Row(TOTAL, TOTAL, (round(len(tickets) / workdays, 1) if workdays else 0.0,)),
        )
    )
    per_day: dict[date, int] = defaultdict(int)
    for t in tickets:
        per_day[t.day] += 1
    days = tuple(Row(d.isoformat(), f"{d:%d/%m}", (n,)) for d, n in sorted(per_day.items()))
    out.append(
        Table(
            "antrian",
            "day",
            "Tiket per hari",
            "tiket",
            (TOTAL,),
            days,
            Row(TOTAL, TOTAL, (len(tickets),)),
            chart="line",
        )
    )
    return out


SLA_COLUMNS = ("Kasus diputus", "Tepat waktu", "% tepat waktu")


def sla_table(session: Session, period: Period, zone: str, words: Mapping[str, str]) -> Table:
    """Cases first given an outcome in the period, and how many on or before their due day."""
    start, end = period.bounds(zone)
    decided = func.min(CaseEvent.at)
    in_period = select(CaseEvent.case_id).where(
        CaseEvent.to_status.in_(rules.DECIDED), CaseEvent.at >= start, CaseEvent.at < end
    )
    stmt = (
        select(Case.desk, Case.due_on, decided)
        .join(CaseEvent, CaseEvent.case_id == Case.id)
        .where(CaseEvent.to_status.in_(rules.DECIDED), Case.id.in_(in_period))
        .group_by(Case.id, Case.desk, Case.due_on)
        .having(decided >= start)  # decided for the first time in the period
    )
    tz = ZoneInfo(zone)
    groups: dict[str, list[bool]] = defaultdict(list)
    for desk, due_on, at in session.execute(stmt):
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        groups[desk].append(due_on is None or at.astimezone(tz).date() <= due_on)

    def row(key: str, label: str, flags: list[bool]) -> Row:
        rate = round(100 * sum(flags) / len(flags), 1) if flags else 0.0
        return Row(key, label, (len(flags), sum(flags), rate))

    rows = tuple(row(k, words.get(k, k), v) for k, v in sorted(groups.items()))
    total = row(TOTAL, TOTAL, [f for v in groups.values() for f in v])
    return Table(
        "sla",
        "desk",
        "Kepatuhan tenggat kasus menurut meja layanan",
        "kasus",
        SLA_COLUMNS,
        rows,
        total,
    )
