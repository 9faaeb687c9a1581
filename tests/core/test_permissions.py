"""Permission is enforced in the services: each role is refused what it may not do,
and a refusal writes nothing but its own audit entry."""

import pytest
from sqlalchemy import func, select

from kiosk.errors import NotFound, PermissionDenied
from kiosk.models import AuditEntry, OutboxOperation, Person
from kiosk.roles import GRANTS, Perm, Role
from kiosk.services.cases import case_inbox, find_case
from kiosk.services.officers import add_officer, list_officers
from kiosk.services.people import PersonInput, find_people, register_person
from kiosk.services.queue_calls import queue_state
from kiosk.services.reference import add_choice
from kiosk.services.setup import update_site

ACTIONS = {
    Perm.MANAGE_OFFICERS: lambda g, a: g.call(
        add_officer, a, "baru", "Baru", "sementara1", [Role.FRONT_OFFICE]
    ),
    Perm.REGISTER_PERSON: lambda g, a: g.call(register_person, a, PersonInput(name="Warga Uji")),
    Perm.MANAGE_REFERENCE: lambda g, a: g.call(add_choice, a, "tujuan_rujukan", "lsm_x", "LSM X"),
    Perm.MANAGE_SITE: lambda g, a: g.call(update_site, a, head_name="Kades Baru"),
    Perm.CHECK_DTKS: lambda g, a: g.call(find_people, a, "Warga"),
    Perm.CALL_QUEUE: lambda g, a: g.call(queue_state, a),
    Perm.WORK_CASE: lambda g, a: g.call(case_inbox, a),
    Perm.VIEW_CASE: lambda g, a: _absent_case(g, a),
}


def _absent_case(g, a):
    """Allowed officers get 'not found' for a number that does not exist; others a refusal."""
    try:
        g.call(find_case, a, "3324012001-2608-99999")
    except NotFound:
        return None


def _counts(session):
    session.expire_all()
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (AuditEntry, OutboxOperation, Person)
    )


CASES = [(role, perm) for role in Role for perm in ACTIONS if perm not in GRANTS[role]]


@pytest.mark.parametrize(("role", "perm"), CASES, ids=[f"{r.value}-{p.value}" for r, p in CASES])
def test_forbidden_action_is_refused_and_writes_nothing(gateway, office, session, role, perm):
    before = _counts(session)
    with pytest.raises(PermissionDenied) as refused:
        ACTIONS[perm](gateway, office[role])
    assert "tidak berwenang" in refused.value.message
    audits, ops, people = _counts(session)
    assert (audits, ops, people) == (before[0] + 1, before[1], before[2])
    refusal = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert refusal.action == "ditolak" and refusal.officer_id == office[role].id
    assert refusal.detail == {"kode": f"tidak_berwenang:{perm.value}"}


def test_every_role_is_refused_something():
    assert {r for r, _ in CASES} == set(Role)


ALLOWED = [(role, perm) for role in Role for perm in ACTIONS if perm in GRANTS[role]]


@pytest.mark.parametrize(
    ("role", "perm"), ALLOWED, ids=[f"{r.value}-{p.value}" for r, p in ALLOWED]
)
def test_allowed_action_succeeds(gateway, office, role, perm):
    ACTIONS[perm](gateway, office[role])


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
    from kiosk.services.auth import login

    return gateway.call(login, "admin2", "sementara1")
