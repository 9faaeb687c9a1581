"""What the server refused for good can be seen, sent again once fixed, or dropped with a
reason: from the service, the command line and the sync page."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.errors import PermissionDenied, ValidationError
from kiosk.models import AuditEntry
from kiosk.roles import Role
from kiosk.services import cases as case_service
from kiosk.services import quarantine
from tests.sync.conftest import local_ops
from ui.cli import main


@pytest.fixture
def refused(kiosk, session):
    """One case's first operation refused by the server (a schema version it does not take)."""
    bad = next(o for o in local_ops(session) if o.op_type == "kasus_dicatat")
    bad.schema_version = 99
    session.commit()
    assert kiosk.run_once().quarantined == 1
    return bad


def test_listed_with_the_servers_reason_and_the_record(gateway, office, refused):
    (held,) = gateway.call(quarantine.quarantined, office[Role.ADMIN])
    assert held.seq == refused.seq and held.op_type == "kasus dicatat"
    assert held.record.startswith("kasus ") and "schema_version 99" in held.reason


def test_sent_again_once_fixed(gateway, office, kiosk, upstream, session, refused):
    admin = office[Role.ADMIN]
    assert gateway.call(quarantine.retry, admin, [refused.seq]) == 1
    assert kiosk.run_once().quarantined == 1  # not fixed yet: refused again, listed again
    fixed = session.get(type(refused), refused.seq)
    fixed.schema_version = 1
    session.commit()
    assert gateway.call(quarantine.retry, admin) == 1  # all of them
    report = kiosk.run_once()
    assert report.ok and report.quarantined == 0
    assert str(refused.op_id) in {o["op_id"] for o in upstream.store.operations()}
    assert gateway.call(quarantine.quarantined, admin) == []


def test_dropped_with_a_reason_lets_the_records_later_changes_flow(
    gateway, office, kiosk, session, refused
):
    admin, bo = office[Role.ADMIN], office[Role.BACK_OFFICE]
    gateway.call(case_service.move_case, bo, refused.entity_id, rules.REVIEW)
    assert kiosk.run_once().sent == 0  # held back behind the refused operation
    with pytest.raises(ValidationError, match="alasan"):
        gateway.call(quarantine.drop, admin, [refused.seq], "ganda")
    reason = "kasus ganda, sudah dicatat ulang sebagai kasus lain"
    assert gateway.call(quarantine.drop, admin, [refused.seq], reason) == 1
    assert kiosk.run_once().sent == 1  # the later change went
    states = {o.seq: o.state for o in local_ops(session)}
    assert states[refused.seq] == "dropped"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "sinkron_dibuang")).one()
    assert entry.detail["alasan"] == reason and entry.detail["seq"] == [refused.seq]


def test_only_the_administrator_sends_again_or_drops(gateway, office, refused):
    for role in (Role.FRONT_OFFICE, Role.BACK_OFFICE):
        with pytest.raises(PermissionDenied):
            gateway.call(quarantine.retry, office[role])
        with pytest.raises(PermissionDenied):
            gateway.call(quarantine.drop, office[role], [refused.seq], "alasan yang cukup panjang")


def test_from_the_command_line(ctx, capsys, refused):
    login = ("--as", "admin", "--as-password", "rahasia123")
    assert main(["--db", ctx.url, "sync", "--quarantined", "--json", *login]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["no"] == refused.seq and "schema_version 99" in row["reason"]
    assert main(["--db", ctx.url, "sync", "--retry-quarantined", *login]) == 0
    assert "1 data karantina diantrekan lagi" in capsys.readouterr().out
    code = main(["--db", ctx.url, "sync", "--drop-quarantined", str(refused.seq), *login])
    assert code != 0 or "0 data" in capsys.readouterr().out  # nothing quarantined now
