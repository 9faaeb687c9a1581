"""Escalation of overdue cases: a case past its due day moves to the next person in its
profile's rule (issue #32).

The rule is the profile's ``escalation``: after how many working days past the due day (the
office's holiday list counts, as for the due day itself) and to which role. Empat Lawang
art. 14(5) sends what the Puskesos cannot settle "melalui supervisor", Kendal 20(4) and Balangan
14(3) to the Supervisor, Barito Selatan 10(3)b to the Pengawas, Depok art. 21 huruf h to the
Sekretariat Teknis SLRT Daerah Kota (a step upstream: only the message goes there); the number
of days is the office's choice in every regulation. Each rule fires once per case
(``Case.escalation_level``), so the daily run and the command may both run, twice or more.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import Conflict
from kiosk.messages import _
from kiosk.models import Case, CaseEvent
from kiosk.profiles import case_profile
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.cases import load_case
from kiosk.services.journal import record
from kiosk.services.reference import holidays
from kiosk.services.registry import action
from kiosk.services.supervision import require_reviewer
from kiosk.workdays import add_working_days


@dataclass(frozen=True)
class Escalated:
    case_id: uuid.UUID
    tracking_number: str
    role: str
    role_label: str


def _escalate(
    session: Session, officer_id: uuid.UUID | None, case_: Case, now: datetime, days: int, role: str
) -> Escalated:
    profile = case_profile(session, case_)
    label = profile.role_label(role)
    note = _("Lewat jatuh tempo {0} hari kerja; dinaikkan ke {1}.").format(days, label)
    case_.escalation_level += 1
    case_.escalated_to = role
    session.add(
        CaseEvent(case_id=case_.id, kind="eskalasi", at=now, officer_id=officer_id, note=note)
    )
    payload = {
        "tracking_number": case_.tracking_number,
        "role": role,
        "level": case_.escalation_level,
        "due_on": case_.due_on,
        "at": now,
    }
    record(session, officer_id, "kasus_eskalasi", "case", case_.id, payload, {"role": role})
    return Escalated(case_.id, case_.tracking_number, role, label)


def run_escalations(
    session: Session, today: date, now: datetime, officer_id: uuid.UUID | None = None
) -> list[Escalated]:
    """Escalate every open case whose next rule has come due on ``today``; a rule already
    fired is never fired again."""
    off = holidays(session)
    out = []
    # Several counters start commands at once on a PostgreSQL office: each case is escalated
    # by the one transaction that holds its row (the others pass it by, and any that reads
    # it after that one committed sees the level already raised). SQLite writes one at a time.
    overdue = (
        select(Case)
        .where(Case.status.in_(rules.OPEN), Case.due_on < today)
        .with_for_update(skip_locked=True, of=Case)
    )
    for case_ in session.scalars(overdue.order_by(Case.due_on, Case.tracking_number)):
        assert case_.due_on is not None
        steps = case_profile(session, case_).escalations()
        while case_.escalation_level < len(steps):
            days, role = steps[case_.escalation_level]
            if today < add_working_days(case_.due_on, days, off):
                break
            out.append(_escalate(session, officer_id, case_, now, days, role))
    return out


@action(
    Perm.APPROVE_COORDINATOR,
    Perm.APPROVE_SUPERVISOR,
    Perm.MANAGE_SITE,
    label="Menaikkan kasus yang lewat jatuh tempo (eskalasi)",
)
def escalate_overdue(
    session: Session, actor: Actor, today: date, clock: Clock | None = None
) -> list[Escalated]:
    """What the daily run does, asked for by hand (``puskesos eskalasi``)."""
    return run_escalations(session, today, (clock or Clock()).now(), actor.id)


def escalated_to(session: Session, roles: list[str]) -> list[Case]:
    """Open cases escalated to one of ``roles`` and not yet taken up."""
    return list(
        session.scalars(
            select(Case)
            .where(Case.escalated_to.in_(roles), Case.status.in_(rules.OPEN))
            .order_by(Case.emergency.desc(), Case.due_on)
        )
    )


@action(Perm.APPROVE_COORDINATOR, Perm.APPROVE_SUPERVISOR, label="Menerima eskalasi kasus")
def acknowledge_escalation(
    session: Session, actor: Actor, case_id: uuid.UUID, note: str = "", clock: Clock | None = None
) -> None:
    """The escalated person has taken the case up (with their direction in ``note``): it leaves
    their inbox; the rule that fired stays fired."""
    case_ = load_case(session, case_id)
    if case_.escalated_to is None:
        raise Conflict(_("Kasus ini tidak sedang dinaikkan kepada Anda."), code="bukan_eskalasi")
    require_reviewer(session, actor, case_.escalated_to)
    now = (clock or Clock()).now()
    words = note.strip() or _("Eskalasi diterima")
    session.add(
        CaseEvent(
            case_id=case_.id, kind="eskalasi_diterima", at=now, officer_id=actor.id, note=words
        )
    )
    record(
        session,
        actor.id,
        "kasus_eskalasi_diterima",
        "case",
        case_.id,
        {"role": case_.escalated_to, "note": words, "at": now},
        {"role": case_.escalated_to},
    )
    case_.escalated_to = None
