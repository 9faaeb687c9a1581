"""Each of the five regulations, one case walked through its due day, its escalation and its
approval chain (issue #32): the roles and their words are the regulation's, the letter is
signed by its signer, escalation fires once per rule and the papan counts it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.models import Case, CaseEvent, OutboxOperation
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.documents import issue_letter
from kiosk.services.escalation import acknowledge_escalation, escalate_overdue
from kiosk.services.profiles import use_profile
from kiosk.services.reference import holidays
from kiosk.services.reports import office_report
from kiosk.services.supervision import review_case
from kiosk.workdays import add_working_days
from printing.receipts import PdfDocuments
from tests.backoffice.helpers import MONDAY, WIB, open_case
from tests.backoffice.test_profiles import STEP_OFFICER, as_kelurahan, text

# (profile, resolution role, its words, escalated to, their words, signer, kelurahan?)
WALKS = [
    ("empat_lawang", "koordinator", "Koordinator Puskesos", "supervisor", "Supervisor",
     "Kepala Desa Sukamaju", False),
    ("balangan", "supervisor", "Supervisor", "supervisor", "Supervisor",
     "Kepala Desa Sukamaju", False),
    ("kendal", "supervisor", "Supervisor", "supervisor", "Supervisor",
     "Kepala Desa Sukamaju", False),
    ("barito_selatan", "koordinator", "Koordinator Tim Pelaksana Puskesos", "supervisor",
     "Pengawas", "Kepala Desa Sukamaju", False),
    ("depok", "koordinator", "Ketua Puskesos", "manajer", "Manajer Sekretariat Teknis SLRT",
     "Lurah Sukamaju", True),
]  # fmt: skip


def mine(gateway, actor, kind):
    return [p for p in gateway.call(inbox.pending_approvals, actor) if p.subject_type == kind]


def on(day: date) -> Clock:
    return Clock(frozen=datetime(day.year, day.month, day.day, 16, 0, tzinfo=WIB))


def escalate(gateway, office, day: date):
    return gateway.call(escalate_overdue, office[Role.ADMIN], day, on(day))


@pytest.mark.parametrize(
    ("name", "chain_role", "chain_words", "up_role", "up_words", "signer", "kelurahan"), WALKS
)
def test_one_case_through_due_day_escalation_and_chain(
    gateway, office, session, name, chain_role, chain_words, up_role, up_words, signer, kelurahan
):
    if kelurahan:
        as_kelurahan(gateway)
    gateway.call(use_profile, office[Role.ADMIN], name)
    bo = office[Role.BACK_OFFICE]
    case = open_case(gateway, office, urgency="segera")  # Monday 10 Aug 2026
    assert case.due_on == date(2026, 8, 13)  # 3 working days (office's choice, all five)
    assert escalate(gateway, office, date(2026, 8, 14)) == []  # 1 working day late: not yet
    day = add_working_days(date(2026, 8, 13), 2, gateway.call(holidays))  # the rule: 2 days
    [up] = escalate(gateway, office, day)
    assert (up.role, up.role_label) == (up_role, up_words)
    assert escalate(gateway, office, day) == []  # twice: escalated once
    assert escalate(gateway, office, date(2026, 9, 30)) == []  # the only rule has fired
    notes = session.scalars(
        select(CaseEvent.note).where(
            CaseEvent.case_id == case.case_id, CaseEvent.kind == "eskalasi"
        )
    ).all()
    assert notes == [f"Lewat jatuh tempo 2 hari kerja; dinaikkan ke {up_words}."]
    if up_role in STEP_OFFICER:  # an office role: on their inbox until taken up
        who = office[STEP_OFFICER[up_role]]
        [item] = mine(gateway, who, ap.ESCALATION)
        assert item.role_label == up_words and item.tracking_number == case.tracking_number
        gateway.call(acknowledge_escalation, who, case.case_id, "Segera diselesaikan")
        assert mine(gateway, who, ap.ESCALATION) == []
    else:  # Depok art. 21 huruf h: the Sekretariat Teknis, upstream; the message goes there
        sent = session.scalars(
            select(OutboxOperation.state).where(OutboxOperation.op_type == "kasus_eskalasi")
        ).all()
        assert sent == ["pending"]

    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Dibantu sembako desa")
    approver = office[STEP_OFFICER[chain_role]]
    [step] = mine(gateway, approver, ap.RESOLUTION)
    assert step.role_label == chain_words
    gateway.call(ap.vote, approver, step.step_id, ap.APPROVE)
    for review in mine(gateway, office[Role.SUPERVISOR], ap.REVIEW_CASE):  # 9(6)e, 10(3)b
        gateway.call(review_case, office[Role.SUPERVISOR], review.step_id, True)
    session.expire_all()
    stored = session.get(Case, case.case_id)
    assert stored.status == rules.RESOLVED and stored.review_state in (None, "ditinjau")
    pdf = gateway.call(
        issue_letter, bo, "surat_pemberitahuan", case.case_id, PdfDocuments(), MONDAY
    )
    words = text(pdf)
    assert signer in words
    assert ("Kepala Desa" not in words) if kelurahan else ("Lurah" not in words)

    report = gateway.call(
        office_report, office[Role.COORDINATOR], parse_period("2026-08", day), on(day)
    )
    assert report.table("kasus_eskalasi").total.values[-1] == 1


def test_switching_profile_keeps_reviews_and_escalations_already_under_way(
    gateway, office, session
):
    """A case keeps the review and the escalation rule of the profile it was opened under;
    what was decided before the switch stays decided."""
    admin, sup = office[Role.ADMIN], office[Role.SUPERVISOR]
    gateway.call(use_profile, admin, "depok")
    depok_case = open_case(gateway, office, urgency="segera")
    [first] = escalate(gateway, office, date(2026, 8, 18))
    assert first.role == "manajer"
    gateway.call(use_profile, admin, "kendal")
    kendal_case = open_case(gateway, office, urgency="segera")
    gateway.call(use_profile, admin, "depok")  # and back: Kendal's case still waits for review
    session.expire_all()
    assert session.get(Case, kendal_case.case_id).review_state == "menunggu_tinjauan"
    assert session.get(Case, depok_case.case_id).review_state is None
    # Depok's case is not escalated again; Kendal's goes to Kendal's supervisor, not upstream.
    [second] = escalate(gateway, office, date(2026, 8, 19))
    assert (second.tracking_number, second.role) == (kendal_case.tracking_number, "supervisor")
    gateway.call(acknowledge_escalation, sup, kendal_case.case_id, "")
    session.expire_all()
    held = session.scalars(
        select(OutboxOperation.op_type).where(
            OutboxOperation.entity_id == kendal_case.case_id, OutboxOperation.state == "ditahan"
        )
    ).all()
    assert held[:1] == ["kasus_dicatat"] and "kasus_eskalasi" in held  # still Kendal's 20(5)
    assert session.get(Case, depok_case.case_id).escalated_to == "manajer"


def test_the_daily_run_escalates_each_case_once(ctx, gateway, office, session):
    from kiosk import daily

    gateway.call(use_profile, office[Role.ADMIN], "balangan")
    open_case(gateway, office)  # due in August 2026; the daily run reads the real today
    assert daily.escalate(ctx) == 1
    assert daily.escalate(ctx) == 0  # a second command the same day (or the next) changes nothing
    assert session.scalars(select(CaseEvent.kind).where(CaseEvent.kind == "eskalasi")).all() == [
        "eskalasi"
    ]


def test_sync_escalates_on_a_postgresql_office(ctx, gateway, office, session):
    """No daily copy process runs for PostgreSQL (pg_dump makes its copies): ``puskesos sync``
    escalates the overdue cases at its start, once; a data command (``audit verify``) writes
    nothing before it has looked."""
    from ui.cli import _upkeep

    if ctx.engine.dialect.name != "postgresql":
        pytest.skip("on SQLite the daily copy's process escalates (test above)")
    gateway.call(use_profile, office[Role.ADMIN], "balangan")
    case = open_case(gateway, office)  # due in August 2026; the upkeep reads the real today
    _upkeep(ctx)  # a data command's start
    session.expire_all()
    assert session.scalars(select(CaseEvent.kind).where(CaseEvent.kind == "eskalasi")).all() == []
    _upkeep(ctx, escalation=True)  # sync's
    _upkeep(ctx, escalation=True)  # a second sync changes nothing
    session.expire_all()
    notes = session.scalars(
        select(CaseEvent.kind).where(
            CaseEvent.case_id == case.case_id, CaseEvent.kind == "eskalasi"
        )
    ).all()
    assert len(notes) == 1
