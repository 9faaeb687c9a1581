"""``audit verify`` walks only what came after the last sound walk; ``--full`` walks it all."""

from __future__ import annotations

from sqlalchemy import func, select

from kiosk.models import AuditEntry
from kiosk.roles import Role
from kiosk.services.audit_log import verify_audit
from kiosk.services.people import PersonInput, register_person
from tests.core.test_audit_chain import _raw_sql


def _people(gateway, office, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name=f"Warga {i}"))


def _total(ctx) -> int:
    with ctx.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_second_verify_walks_only_the_new_entries(ctx, gateway, office):
    _people(gateway, office, 8)
    first = gateway.call(verify_audit, office.admin)
    assert first.ok and first.checked == _total(ctx) - 1  # every entry but the check's own
    _people(gateway, office, 2, start=8)
    second = gateway.call(verify_audit, office.admin)
    # the first check's own entry and the two registrations' entries, not the whole trail
    assert second.ok and 3 <= second.checked < first.checked


def test_a_new_entry_edited_after_the_last_walk_is_found_incrementally(ctx, gateway, office):
    _people(gateway, office, 5)
    assert gateway.call(verify_audit, office.admin).ok
    _people(gateway, office, 3, start=5)
    newest = _total(ctx)
    _raw_sql(ctx, f"UPDATE audit_entry SET action = 'masuk' WHERE seq = {newest - 1}")
    result = gateway.call(verify_audit, office.admin)
    assert not result.ok and result.broken_at == newest - 1 and "diubah" in result.reason


def test_an_old_entry_edited_is_caught_by_the_full_walk(ctx, gateway, office):
    _people(gateway, office, 6)
    assert gateway.call(verify_audit, office.admin).ok
    _raw_sql(ctx, "UPDATE audit_entry SET action = 'masuk' WHERE seq = 3")
    _people(gateway, office, 1, start=6)
    full = gateway.call(verify_audit, office.admin, full=True)
    assert not full.ok and full.broken_at == 3 and "diubah" in full.reason


def test_an_old_entry_deleted_shows_even_incrementally(ctx, gateway, office):
    _people(gateway, office, 6)
    assert gateway.call(verify_audit, office.admin).ok
    _raw_sql(ctx, "DELETE FROM audit_entry WHERE seq = 2")
    assert not gateway.call(verify_audit, office.admin).ok


def test_the_last_verified_entry_edited_shows_incrementally(ctx, gateway, office):
    _people(gateway, office, 4)
    assert gateway.call(verify_audit, office.admin).ok
    last = _total(ctx) - 1  # the entry before the check's own
    _raw_sql(ctx, f"UPDATE audit_entry SET entity_id = 'x' WHERE seq = {last}")
    result = gateway.call(verify_audit, office.admin)
    assert not result.ok and result.broken_at == last
