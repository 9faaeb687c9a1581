"""Backups an office can trust: verified copies, rotation, a restore drill, a copy before a
migration, and a clear answer on PostgreSQL."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kiosk import backup
from kiosk.backup import BackupError, BackupInfo
from kiosk.context import KioskContext
from kiosk.db import make_engine, upgrade
from kiosk.models import Base
from kiosk.roles import Role
from kiosk.services.backups import (
    automatic_backup,
    create_backup,
    list_backups,
    restore_backup,
    set_backup_mirror,
)
from tests.backoffice.helpers import open_case

pytestmark = pytest.mark.usefixtures("office")


def _sqlite_only(ctx: KioskContext) -> None:
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("copies of the database file are SQLite's; PostgreSQL is checked below")


def _dump(ctx: KioskContext) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    out = {}
    with ctx.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(table.select()).all()
            out[table.name] = sorted(tuple(map(repr, r)) for r in rows)
    return out


def test_restore_drill_brings_every_row_back(ctx, gateway, office):
    _sqlite_only(ctx)
    for _ in range(3):
        open_case(gateway, office)
    before = _dump(ctx)
    made = create_backup(ctx, office.admin)
    assert made.info.reason == "manual" and made.info.path.stat().st_mode & 0o777 == 0o600
    # the day goes on: more cases, and a careless deletion
    for _ in range(2):
        open_case(gateway, office)
    with ctx.engine.begin() as conn:
        conn.execute(text("DELETE FROM complaint"))
    assert _dump(ctx) != before
    aside = restore_backup(ctx, office.admin, made.info.path)
    after = _dump(ctx)
    restored_audit = after.pop("audit_entry"), after.pop("audit_head")
    expected = dict(before)
    expected.pop("audit_entry"), expected.pop("audit_head")
    assert after == expected  # every row back, nothing of the later day
    # the copy holds its own making; the restore is the one entry after it; the chain holds
    assert len(restored_audit[0]) == len(before["audit_entry"]) + 2
    from kiosk.audit_chain import verify
    from kiosk.models import AuditEntry

    with ctx.sessions() as s:
        assert verify(s).ok
        last = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(2))
        assert list(last) == ["cadangan_dipulihkan", "cadangan_dibuat"]
    # and the replaced database was kept: it can be restored in turn
    assert aside.reason == "sebelum-pulih"
    backup.check_copy(aside.path, ctx.backup_keys)


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(ctx, office, tmp_path):
    _sqlite_only(ctx)
    good = create_backup(ctx, office.admin).info.path
    damaged = tmp_path / "rusak.sqlite3"
    data = bytearray(good.read_bytes())
    data[4096 * 2 : 4096 * 2 + 512] = b"\xff" * 512  # a torn page in the middle
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "lain.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    before = _dump(ctx)
    for bad, words in ((damaged, ""), (foreign, "bukan cadangan"), (tmp_path / "x", "tidak ada")):
        with pytest.raises(BackupError) as refused:
            restore_backup(ctx, office.admin, bad)
        assert words in refused.value.message
    assert _dump(ctx) == before
    assert [b.reason for b in list_backups(ctx, office.admin)] == ["manual"]


def test_only_the_administrator_backs_up_or_restores(ctx, office):
    _sqlite_only(ctx)
    from kiosk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        create_backup(ctx, office[Role.FRONT_OFFICE])
    with pytest.raises(PermissionDenied):
        list_backups(ctx, office[Role.COORDINATOR])


def test_the_first_start_of_a_day_makes_one_verified_copy_and_mirrors_it(
    ctx, gateway, office, tmp_path
):
    _sqlite_only(ctx)
    usb = tmp_path / "usb"
    gateway.call(set_backup_mirror, office.admin, str(usb))
    first = automatic_backup(ctx)
    assert first is not None and first.info.reason == "harian"
    assert first.mirrored_to == usb / first.info.path.name
    backup.check_copy(first.mirrored_to, ctx.backup_keys)
    assert automatic_backup(ctx) is None  # the second start of the day copies nothing
    ctx.clock.frozen = datetime.now(UTC) + timedelta(days=1)
    assert automatic_backup(ctx) is not None


def test_a_mirror_that_fails_does_not_fail_the_backup(ctx, gateway, office, tmp_path):
    _sqlite_only(ctx)
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    gateway.call(set_backup_mirror, office.admin, str(blocker / "usb"))
    result = automatic_backup(ctx)
    assert result is not None and result.mirrored_to is None
    assert "Salinan kedua" in result.warning and result.info.path.exists()


def _info(folder: Path, when: datetime, reason: str = "harian") -> BackupInfo:
    path = folder / f"puskesos-{when:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    path.write_bytes(b"")
    return BackupInfo(path, when, reason, 0)


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_recent_manual_copies(tmp_path):
    start = datetime(2025, 1, 1, 1, 0, tzinfo=UTC)
    made = [_info(tmp_path, start + timedelta(days=d)) for d in range(500)]
    manual = _info(tmp_path, start + timedelta(days=300, hours=5), "manual")
    # a copy made by hand, or before a restore, past the year's retention keeps what citizens
    # asked to erase: it goes too
    old_manual = _info(tmp_path, start + timedelta(days=3, hours=5), "manual")
    old_aside = _info(tmp_path, start + timedelta(days=4, hours=5), "sebelum-pulih")
    gone = backup.rotate(tmp_path, now=start + timedelta(days=500))
    kept = {b.made_at for b in backup.listing(tmp_path) if b.reason == "harian"}
    newest = [b.made_at for b in made][::-1]
    days = set(newest[:7])
    weeks: dict[tuple[int, int], datetime] = {}
    months: dict[tuple[int, int], datetime] = {}
    for when in newest:
        weeks.setdefault(when.isocalendar()[:2], when)
        months.setdefault((when.year, when.month), when)
    expected = days | set(list(weeks.values())[:4]) | set(list(months.values())[:12])
    assert kept == expected
    assert 12 <= len(kept) <= 7 + 4 + 12
    assert manual.path.exists() and len(gone) == 500 - len(kept) + 2
    assert not old_manual.path.exists() and not old_aside.path.exists()


def test_an_upgrade_copies_the_database_first(tmp_path):
    url = f"sqlite:///{tmp_path / 'lama.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, "0006")
    engine.dispose()
    ctx = KioskContext.open(url, str(tmp_path / "data"))
    try:
        copies = backup.listing(ctx.paths.backups)
        assert [b.reason for b in copies] == ["migrasi"] and copies[0].encrypted
        plain, _ = backup.open_copy(copies[0].path, ctx.backup_keys, None, tmp_path)
        with closing(sqlite3.connect(plain)) as con, con:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0006",)
    finally:
        ctx.close()


def test_postgresql_is_pointed_to_pg_dump(ctx, office):
    if ctx.engine.dialect.name == "sqlite":
        pytest.skip("on SQLite the kiosk copies the file itself")
    with pytest.raises(BackupError) as refused:
        create_backup(ctx, office.admin)
    assert "pg_dump" in refused.value.message


def test_a_copy_is_encrypted_and_opens_elsewhere_only_with_the_recovery_passphrase(
    ctx, gateway, office, session, tmp_path
):
    _sqlite_only(ctx)
    from kiosk.backup_keys import NeedsPassphrase, for_folder
    from kiosk.errors import ValidationError
    from kiosk.models import Case, Person
    from kiosk.services.backups import set_recovery_passphrase

    case = open_case(gateway, office)
    person = session.get(Person, session.get(Case, case.case_id).person_id)
    with pytest.raises(ValidationError):  # a passphrase worth writing down
        set_recovery_passphrase(ctx, office.admin, "pendek")
    set_recovery_passphrase(ctx, office.admin, "sapi makan rumput di sawah")
    made = create_backup(ctx, office.admin)
    assert made.passphrase_set and made.info.audit_head.split(":")[0].isdigit()
    raw = made.info.path.read_bytes()
    assert person.nik.encode() not in raw and person.name.encode() not in raw
    assert b"SQLite format 3" not in raw
    # another laptop's data folder holds other keys: the copy asks for the passphrase
    (tmp_path / "lain").mkdir()
    elsewhere = for_folder(tmp_path / "lain", tmp_path / "lain" / "kunci.key")
    with pytest.raises(NeedsPassphrase):
        backup.check_copy(made.info.path, elsewhere)
    with pytest.raises(NeedsPassphrase):
        backup.check_copy(made.info.path, elsewhere, "sapi makan rumput di kebun")
    header = backup.check_copy(made.info.path, elsewhere, "sapi makan rumput di sawah")
    assert header["reason"] == "manual" and "nik" not in repr(header)
    # and the key is adopted there: the next check needs no passphrase
    backup.check_copy(
        made.info.path, for_folder(tmp_path / "lain", tmp_path / "lain" / "kunci.key")
    )


def test_plain_copies_an_older_version_left_are_encrypted_at_the_next_backup(
    ctx, gateway, office, session, tmp_path
):
    _sqlite_only(ctx)
    from kiosk.models import Case, Person

    case = open_case(gateway, office)
    nik = session.get(Person, session.get(Case, case.case_id).person_id).nik
    old = ctx.paths.backups / "puskesos-20261101-010000-manual.sqlite3"
    ctx.paths.backups.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(ctx.engine.url.database)) as src,
        closing(sqlite3.connect(old)) as dst,
    ):
        src.backup(dst)
    assert nik.encode() in old.read_bytes()
    create_backup(ctx, office.admin)
    copies = backup.listing(ctx.paths.backups)
    assert all(b.encrypted for b in copies) and not old.exists()
    kept = next(b for b in copies if b.made_at.month == 11)
    assert kept.reason == "manual" and nik.encode() not in kept.path.read_bytes()
    assert backup.check_copy(kept.path, ctx.backup_keys)["reason"] == "manual"
