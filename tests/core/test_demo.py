"""The demo data a newcomer sees is realistic and obeys the same rules as real data."""

from sqlalchemy import func, select

from kiosk.demo import DEMO_PASSWORD, generate
from kiosk.identity import check_kk, check_nik
from kiosk.models import DtksRecord, DtksSnapshot, Officer, Person
from kiosk.services.auth import login


def test_demo_builds_a_working_counter(gateway, session):
    summary = gateway.call(generate, households=60, registered=5)
    assert summary.officers == 6 and summary.dtks_rows > 120
    for user in ("admin", "depan", "belakang", "koordinator", "supervisor", "fasilitator"):
        assert gateway.call(login, user, DEMO_PASSWORD).username == user
    snap = session.scalars(select(DtksSnapshot)).one()
    assert snap.status == "active" and snap.row_count == summary.dtks_rows
    records = session.scalars(select(DtksRecord)).all()
    assert all(check_nik(r.nik).ok for r in records)
    assert all(check_kk(r.no_kk).ok for r in records)
    assert any(r.decile and r.decile <= 4 and "PKH" in r.programmes for r in records)
    assert session.scalar(select(func.count()).select_from(Person)) == summary.people
    assert session.scalar(select(func.count()).select_from(Officer)) == 6
