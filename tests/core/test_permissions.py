"""Permission is enforced in the services: each role is refused what it may not do, a refusal
writes nothing but its own audit entry, and every permission is checked by some service.

The table below is written out by hand on purpose: a change to ``kiosk/roles.py`` that grants
or removes a permission must be made here too, by someone who meant it.
"""

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk import case_rules as rules
from kiosk.dtks.importer import import_snapshot
from kiosk.errors import Conflict, KioskError, NotFound, PermissionDenied
from kiosk.models import ApprovalStep, AuditEntry, OutboxOperation, Person, QueueTicket
from kiosk.roles import GRANTS, Perm, Role
from kiosk.services import approvals as ap
from kiosk.services import person_rights as rights
from kiosk.services import referrals
from kiosk.services.audit_log import audit_log
from kiosk.services.backups import list_backups
from kiosk.services.case_views import find_case
from kiosk.services.cases import case_inbox, move_case
from kiosk.services.dossier import person_dossier
from kiosk.services.officers import add_officer, list_officers
from kiosk.services.outbox import sync_overview
from kiosk.services.people import PersonInput, find_people, register_person
from kiosk.services.print_jobs import queue_print_job, recent_print_jobs
from kiosk.services.queue_calls import queue_state
from kiosk.services.reference import add_choice
from kiosk.services.setup import update_site
from kiosk.services.summary import office_summary
from kiosk.services.tickets import issue_ticket
from kiosk.services.walk_in import CaptureInput, record_walk_in
from tests.backoffice.helpers import open_case

F, B, C, S, A, FA, Q = (
    Role.FRONT_OFFICE,
    Role.BACK_OFFICE,
    Role.COORDINATOR,
    Role.SUPERVISOR,
    Role.ADMIN,
    Role.FACILITATOR,
    Role.QUEUE_KIOSK,
)
TABLE: dict[Perm, set[Role]] = {
    Perm.MANAGE_OFFICERS: {A},
    Perm.MANAGE_SITE: {A},
    Perm.MANAGE_REFERENCE: {A},
    Perm.MANAGE_BACKUP: {A},
    Perm.EXPORT_PERSON: {A},
    Perm.ERASE_PERSON: {A},
    Perm.VIEW_AUDIT: {S, A},
    Perm.VIEW_REPORTS: {C, S, A},
    Perm.IMPORT_DTKS: {C, A},
    Perm.ISSUE_TICKET: {F, Q},
    Perm.CALL_QUEUE: {F, B},
    Perm.REGISTER_PERSON: {F, FA, B},
    Perm.CAPTURE_COMPLAINT: {F, FA},
    Perm.PROPOSE_PRELIST: {F, FA},
    Perm.CHECK_DTKS: {F, FA, B, C, S},
    Perm.VIEW_CASE: {F, FA, B, C, S},
    Perm.WORK_CASE: {B, C},
    Perm.DRAFT_REFERRAL: {B},
    Perm.APPROVE_COORDINATOR: {C},
    Perm.APPROVE_SUPERVISOR: {S},
    Perm.PRINT: {F, FA, B, C, A},
    Perm.PRINT_OWN_TICKET: {Q},
    Perm.RUN_SYNC: {F, FA, B, C, A},
}


def test_the_grants_are_the_table():
    assert set(TABLE) == set(Perm), "a permission without a row here"
    for role in Role:
        assert GRANTS[role] == {p for p, roles in TABLE.items() if role in roles}, role


def _step(gateway, office, role: str) -> uuid.UUID:
    case = open_case(gateway, office, sector="kesehatan")
    bo = office[B]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    with gateway.ctx.sessions() as s:
        return s.scalar(
            select(ApprovalStep.id).where(ApprovalStep.subject_id == ref, ApprovalStep.role == role)
        )


def _prelist(gateway, actor) -> None:
    person = gateway.call(register_person, actor, PersonInput(name="Warga Usulan"))
    gateway.call(
        record_walk_in,
        actor,
        CaptureInput(
            person_id=person.id, sector="sosial", description="Belum terdata", propose_prelist=True
        ),
    )


def _door_ticket(gateway, office):
    """A ticket the door screen issued (issued once, before the counts are taken)."""
    door = office[Q]

    def find(s):
        return s.scalars(select(QueueTicket.id).where(QueueTicket.issued_by == door.id)).first()

    return gateway.call(find) or gateway.call(issue_ticket, door, "layanan").id


# Each action's first check is its permission; an allowed officer may still meet NotFound or
# Conflict (no such record, wrong order), which is not a refusal.
ACTIONS = {
    Perm.MANAGE_OFFICERS: lambda g, a, o: g.call(
        add_officer, a, "baru", "Baru", "sementara1", [Role.FRONT_OFFICE]
    ),
    Perm.MANAGE_SITE: lambda g, a, o: g.call(update_site, a, head_name="Kades Baru"),
    Perm.MANAGE_REFERENCE: lambda g, a, o: g.call(add_choice, a, "tujuan_rujukan", "lsm_x", "X"),
    Perm.MANAGE_BACKUP: lambda g, a, o: list_backups(g.ctx, a),
    Perm.EXPORT_PERSON: lambda g, a, o: g.call(person_dossier, a, "3324015708900003"),
    Perm.ERASE_PERSON: lambda g, a, o: g.call(
        rights.request_erasure, a, "3324015708900003", "permintaan"
    ),
    Perm.VIEW_AUDIT: lambda g, a, o: g.call(audit_log, a),
    Perm.VIEW_REPORTS: lambda g, a, o: g.call(office_summary, a),
    Perm.IMPORT_DTKS: lambda g, a, o: import_snapshot(g.ctx, a, Path("/tidak/ada.csv")),
    Perm.ISSUE_TICKET: lambda g, a, o: g.call(issue_ticket, a, "pengaduan"),
    Perm.CALL_QUEUE: lambda g, a, o: g.call(queue_state, a),
    Perm.REGISTER_PERSON: lambda g, a, o: g.call(register_person, a, PersonInput(name="Uji")),
    Perm.CAPTURE_COMPLAINT: lambda g, a, o: g.call(
        record_walk_in, a, CaptureInput(person_id=uuid.uuid4(), sector="sosial")
    ),
    Perm.PROPOSE_PRELIST: lambda g, a, o: _prelist(g, a),
    Perm.CHECK_DTKS: lambda g, a, o: g.call(find_people, a, "Warga"),
    Perm.VIEW_CASE: lambda g, a, o: g.call(find_case, a, "3324012001-2608-99999"),
    Perm.WORK_CASE: lambda g, a, o: g.call(case_inbox, a),
    Perm.DRAFT_REFERRAL: lambda g, a, o: g.call(
        referrals.refer_case, a, uuid.uuid4(), "dinkes", "alasan", "", True
    ),
    Perm.APPROVE_COORDINATOR: lambda g, a, o: g.call(
        ap.vote, a, _step(g, o, rules.COORDINATOR), ap.APPROVE
    ),
    Perm.APPROVE_SUPERVISOR: lambda g, a, o: g.call(
        ap.vote, a, _step(g, o, rules.SUPERVISOR), ap.APPROVE
    ),
    Perm.PRINT: lambda g, a, o: g.call(recent_print_jobs, a),
    Perm.PRINT_OWN_TICKET: lambda g, a, o: g.call(
        queue_print_job, a, "tiket", b"A001", "file:/dev/null", ticket_id=_door_ticket(g, o)
    ),
    Perm.RUN_SYNC: lambda g, a, o: g.call(sync_overview, a),
}


def test_every_permission_has_an_action_that_checks_it():
    assert set(ACTIONS) == set(Perm)


def _counts(session):
    session.expire_all()
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (AuditEntry, OutboxOperation, Person)
    )


def _attempt(gateway, office, role, perm):
    try:
        ACTIONS[perm](gateway, office[role], office)
    except (NotFound, Conflict):
        pass
    except PermissionDenied:
        raise
    except KioskError as exc:  # allowed, refused for another reason (no such file, bad input)
        assert "tidak_berwenang" not in exc.code


APPROVALS = {Perm.APPROVE_COORDINATOR, Perm.APPROVE_SUPERVISOR}
CASES = [(role, perm) for perm, roles in TABLE.items() for role in Role if role not in roles]
# PROPOSE_PRELIST: every role without it also lacks CAPTURE_COMPLAINT, checked first.
# PRINT_OWN_TICKET: an officer who may print anything (PRINT) may print a ticket too.
REFUSED_CASES = [
    (r, p)
    for r, p in CASES
    if p is not Perm.PROPOSE_PRELIST
    and not (p is Perm.PRINT_OWN_TICKET and Perm.PRINT in GRANTS[r])
]


@pytest.mark.parametrize(
    ("role", "perm"), REFUSED_CASES, ids=[f"{r.value}-{p.value}" for r, p in REFUSED_CASES]
)
def test_forbidden_action_is_refused_and_writes_nothing_but_its_audit(
    gateway, office, session, role, perm
):
    if perm in (Perm.APPROVE_COORDINATOR, Perm.APPROVE_SUPERVISOR):
        step = _step(
            gateway,
            office,
            rules.COORDINATOR if perm is Perm.APPROVE_COORDINATOR else rules.SUPERVISOR,
        )
        before = _counts(session)
        with pytest.raises(PermissionDenied) as refused:
            gateway.call(ap.vote, office[role], step, ap.APPROVE)
    else:
        if perm is Perm.MANAGE_BACKUP and gateway.ctx.engine.dialect.name != "sqlite":
            pytest.skip("on PostgreSQL backups are pg_dump's, refused before the permission")
        if perm is Perm.PRINT_OWN_TICKET:
            _door_ticket(gateway, office)
        before = _counts(session)
        with pytest.raises(PermissionDenied) as refused:
            ACTIONS[perm](gateway, office[role], office)
    assert "tidak berwenang" in refused.value.message
    expected = {perm}
    if perm in APPROVALS and not GRANTS[role] & APPROVALS:
        # vote is declared for either approval; an officer holding neither is refused at the
        # door by the first, one holding the other by the step's own rule
        expected = APPROVALS
    if perm is Perm.PRINT_OWN_TICKET:  # declared for either print permission; PRINT named
        expected = {Perm.PRINT, Perm.PRINT_OWN_TICKET}
    assert refused.value.code in {f"tidak_berwenang:{p.value}" for p in expected}
    code = refused.value.code
    audits, ops, people = _counts(session)
    assert (audits, ops, people) == (before[0] + 1, before[1], before[2])
    refusal = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert refusal.action == "ditolak" and refusal.officer_id == office[role].id
    assert refusal.detail == {"kode": code}


def test_the_prelist_proposal_checks_its_own_permission(gateway, office, monkeypatch):
    monkeypatch.setitem(GRANTS, F, GRANTS[F] - {Perm.PROPOSE_PRELIST})
    with pytest.raises(PermissionDenied) as refused:
        _prelist(gateway, office[F])
    assert refused.value.code == "tidak_berwenang:propose_prelist"


def test_every_role_is_refused_something():
    assert {r for r, _ in CASES} == set(Role)


ALLOWED = [(role, perm) for perm, roles in TABLE.items() for role in roles]


@pytest.mark.parametrize(
    ("role", "perm"), ALLOWED, ids=[f"{r.value}-{p.value}" for r, p in ALLOWED]
)
def test_allowed_action_succeeds(gateway, office, role, perm):
    if perm is Perm.MANAGE_BACKUP and gateway.ctx.engine.dialect.name != "sqlite":
        pytest.skip("on PostgreSQL backups are pg_dump's")
    _attempt(gateway, office, role, perm)


def test_a_role_removed_now_counts_now(gateway, office, session):
    """The service reads the stored roles, not the ones the window remembers."""
    from kiosk.services.officers import set_roles

    admin2 = gateway.call(
        add_officer, office.admin, "admin2", "Admin Dua", "sementara1", [Role.ADMIN]
    )
    stale = office.admin
    gateway.call(set_roles, stale, admin2.id, [Role.ADMIN])
    gateway.call(set_roles, admin2_actor(gateway), stale.id, [Role.FRONT_OFFICE])
    with pytest.raises(PermissionDenied):
        gateway.call(list_officers, stale)


def admin2_actor(gateway):
    from kiosk.services.auth import change_password, login

    actor = gateway.call(login, "admin2", "sementara1")
    gateway.call(change_password, actor, "sementara1", "sandibaru99")
    return gateway.call(login, "admin2", "sandibaru99")
