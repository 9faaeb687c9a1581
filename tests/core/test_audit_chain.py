"""The audit trail shows an entry edited or deleted behind the kiosk's back, and refusals are
part of it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
from contextlib import closing

import pytest
from sqlalchemy import func, select, text

from kiosk.audit_chain import verify
from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.models import AuditEntry
from kiosk.roles import Role
from kiosk.services.audit_log import AuditFilter, audit_log, verify_audit
from kiosk.services.auth import login
from kiosk.services.people import PersonInput, register_person
from tests.conftest import PASSWORD


def _raw_sql(ctx, sql: str) -> None:
    """Change the database the way someone with the file would: the sqlite3 shell on SQLite
    (Python's sqlite3 module where the shell is not installed), plain SQL on PostgreSQL."""
    if ctx.engine.dialect.name != "sqlite":
        with ctx.engine.begin() as conn:
            conn.execute(text(sql))
        return
    path = ctx.engine.url.database
    shell = shutil.which("sqlite3")
    if shell:
        subprocess.run([shell, path, sql], check=True, capture_output=True, timeout=30)
    else:
        with closing(sqlite3.connect(path)) as con, con:
            con.execute(sql)


def _people(gateway, office, n: int) -> None:
    for i in range(n):
        gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name=f"Warga Uji {i}"))


def _check(ctx):
    with ctx.sessions() as s:
        return verify(s)


def test_a_clean_trail_verifies(ctx, gateway, office):
    _people(gateway, office, 5)
    result = gateway.call(verify_audit, office.admin)
    assert result.ok and result.checked >= 10


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        ("UPDATE audit_entry SET action = 'masuk' WHERE seq = {n}", "diubah"),
        ("UPDATE audit_entry SET officer_id = NULL WHERE seq = {n}", "diubah"),
        ("DELETE FROM audit_entry WHERE seq = {n}", "hilang"),
    ],
    ids=["edited", "officer-removed", "deleted"],
)
def test_an_edit_or_deletion_with_the_database_shell_is_found(ctx, gateway, office, tamper, words):
    _people(gateway, office, 6)
    with ctx.sessions() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    n = total // 2
    _raw_sql(ctx, tamper.format(n=n))
    result = _check(ctx)
    assert not result.ok and result.broken_at == n and words in result.reason
    # the window and the command line say the same through the service
    assert gateway.call(verify_audit, office.admin).broken_at == n


def test_deleting_the_newest_entries_is_found(ctx, gateway, office):
    _people(gateway, office, 3)
    with ctx.sessions() as s:
        last = s.scalar(select(func.max(AuditEntry.seq)))
    _raw_sql(ctx, f"DELETE FROM audit_entry WHERE seq >= {last - 1}")
    result = _check(ctx)
    assert not result.ok and result.broken_at == last - 1 and "terakhir" in result.reason


def test_deleting_every_entry_with_the_head_is_found(ctx, gateway, office):
    _people(gateway, office, 2)
    _raw_sql(ctx, "DELETE FROM audit_entry")
    _raw_sql(ctx, "DELETE FROM audit_head")
    result = _check(ctx)
    assert not result.ok and "audit_head" in result.reason and "hilang" in result.reason


def test_a_deleted_head_stops_no_counter_and_stays_visible(ctx, gateway, office, capsys):
    """Before: every later command died with a UNIQUE traceback. Now the work goes on, the
    chain carries a "head lost" entry, and ``audit verify`` reports it without a traceback."""
    from ui.cli import main

    _people(gateway, office, 2)
    _raw_sql(ctx, "DELETE FROM audit_head")
    assert "audit_head" in _check(ctx).reason
    _people(gateway, office, 1)  # the counter keeps registering
    code = main(
        [
            *["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir), "audit", "verify"],
            *["--as", "admin", "--as-password", PASSWORD],
        ]
    )
    out = capsys.readouterr()
    assert code == 3 and "Traceback" not in out.err
    assert "JEJAK AUDIT RUSAK" in out.out and "Kepala rantai audit pernah dihapus" in out.out
    with ctx.sessions() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions.count("kepala_rantai_hilang") == 1 and actions[-1] == "audit_diperiksa"


def test_writers_at_the_same_moment_keep_one_chain(ctx, gateway, office):
    errors = []

    def work(k: int) -> None:
        try:
            for i in range(5):
                gateway.call(
                    register_person,
                    office[Role.FRONT_OFFICE],
                    PersonInput(name=f"Warga {k} {i}"),
                )
        except Exception as exc:  # pragma: no cover - shown by the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    result = _check(ctx)
    with ctx.sessions() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    assert result.ok and result.checked == total >= 20


def test_refusals_are_audited(ctx, gateway, office):
    fo = office[Role.FRONT_OFFICE]
    with pytest.raises(PermissionDenied):
        gateway.call(audit_log, fo)
    with pytest.raises(AuthenticationError):
        gateway.call(login, "tidakada", "salah123")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            gateway.call(login, fo.username, "salah-sekali")
    with pytest.raises(AuthenticationError) as locked:
        gateway.call(login, fo.username, PASSWORD)
    assert locked.value.code == "akun_terkunci"
    rows = gateway.call(audit_log, office[Role.SUPERVISOR], AuditFilter(), 100)
    actions = [(r.action, r.officer, r.detail) for r in rows]
    assert ("ditolak", fo.username, {"kode": "tidak_berwenang:view_audit"}) in actions
    assert ("masuk_gagal", "-", {"sebab": "akun_tidak_dikenal"}) in actions
    assert actions.count(("masuk_gagal", fo.username, {"sebab": "sandi_salah"})) == 5
    assert ("akun_dikunci", fo.username, {}) in actions
    assert ("masuk_ditolak", fo.username, {"sebab": "terkunci"}) in actions
    assert _check(ctx).ok


def test_the_audit_list_filters_and_holds_no_nik(ctx, gateway, office):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(register_person, fo, PersonInput(name="Siti Aminah", nik="3324015708900003"))
    admin = office.admin
    mine = gateway.call(audit_log, admin, AuditFilter(officer=fo.username))
    assert mine and {r.officer for r in mine} == {fo.username}
    registered = gateway.call(audit_log, admin, AuditFilter(action="warga_didaftarkan"))
    assert len(registered) == 1
    by_record = gateway.call(audit_log, admin, AuditFilter(record=registered[0].entity_id))
    assert [r.seq for r in by_record] == [registered[0].seq]
    everything = repr(gateway.call(audit_log, admin))
    assert "3324015708900003" not in everything and "Siti" not in everything
