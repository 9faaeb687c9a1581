"""The walk-in box's NIK / No. KK search (the ``lookup`` service) answers from the register's
own indexed path, with no session, exactly as the session path does; refusals still go the
session's way (said and audited)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.models import AuditEntry, Officer
from kiosk.roles import Role
from kiosk.services.lookup import lookup
from kiosk.services.people import PersonInput, register_person
from tests.dtks.test_register import snapshot  # noqa: F401  # the fixture

NUMBERS = ["3324015708900003", "3324011203150007", "3324012002700004", "3324019999999991"]


@pytest.fixture
def registered(gateway, office, snapshot):  # noqa: F811
    fo = office[Role.FRONT_OFFICE]
    gateway.call(
        register_person,
        fo,
        PersonInput(
            name="Siti Aminah", nik="3324015708900003", no_kk="3324011203150007", address="Krajan"
        ),
    )


def _statements(ctx):
    seen: list[str] = []
    event.listen(ctx.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_is_answered_without_a_session_as_the_session_would(
    ctx, gateway, office, registered, number
):
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL takes the session path")
    fo = office[Role.FRONT_OFFICE]
    with ctx.sessions() as s, s.begin():
        by_session = lookup(s, fo, number, 30)
    seen = _statements(ctx)
    fast = gateway.call(lookup, fo, number, 30)
    assert fast == by_session
    assert seen == []  # no session, no SQLAlchemy statement: the register's indexed SELECTs


def test_the_registered_person_comes_first_and_once(ctx, gateway, office, registered):
    hits = gateway.call(lookup, office[Role.FRONT_OFFICE], "3324 0157 0890 0003", 30)
    assert [(h.source, h.name) for h in hits] == [("terdaftar", "Siti Aminah")]
    household = gateway.call(lookup, office[Role.FRONT_OFFICE], "3324011203150007", 30)
    assert [h.source for h in household] == ["terdaftar", "dtks", "dtks"]


def test_an_officer_refused_is_refused_and_audited_as_before(ctx, gateway, office, registered):
    with ctx.sessions() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(PermissionDenied):
        gateway.call(lookup, office[Role.QUEUE_KIOSK], "3324015708900003", 30)
    with ctx.sessions() as s, s.begin():
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before + 1
        s.get(Officer, office[Role.FRONT_OFFICE].id).must_change_password = True
    with pytest.raises(AuthenticationError):
        gateway.call(lookup, office[Role.FRONT_OFFICE], "3324015708900003", 30)
