"""Erasure really erases (issue #29): after ``person erase`` no byte of the person's NIK,
No. KK or name is left in any file the kiosk keeps (database, its log, backups, print jobs),
nor on the kabupaten's server; restoring an older copy, here or on a new laptop with the
recovery passphrase, erases them again before anyone can log in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.backup_keys import NeedsPassphrase
from kiosk.clock import Clock
from kiosk.context import Gateway, KioskContext
from kiosk.models import OutboxOperation, Person, PrintJob, Site
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.backups import (
    create_backup,
    restore_backup,
    restore_on_new_laptop,
    set_recovery_passphrase,
)
from kiosk.services.documents import issue_receipt_pdf
from kiosk.services.officers import create_officer
from kiosk.services.outbox import configure_upstream
from kiosk.services.people import PersonInput, register_person
from kiosk.services.person_rights import request_erasure
from kiosk.services.setup import initialise
from kiosk.services.slips import print_receipt
from kiosk.services.walk_in import CaptureInput, record_walk_in
from printing.receipts import EscposThermal, PdfDocuments
from tests.conftest import PASSWORD, SITE
from tests.sync.conftest import drain, make_engine

NIK, KK, NAME = "3324015708900007", "3324010101009999", "Sumarni Wulandari"
PHRASE = "kopi tubruk di balai desa sukamaju"


@dataclass
class Kiosk:
    ctx: KioskContext
    gateway: Gateway
    admin: Actor
    front: Actor


def _open(data: Path) -> KioskContext:
    return KioskContext.open(f"sqlite:///{data / 'puskesos.sqlite3'}", str(data))


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Kiosk]:
    """A kiosk whose database lives in its data folder, as on the counter's laptop."""
    ctx = _open(tmp_path / "laptop")
    gateway = Gateway(ctx)

    def build(s):
        admin = initialise(s, SITE, "admin", "Admin Desa", PASSWORD)
        s.scalars(select(Site)).one().retention_years = 0  # erasure carried out at once
        fo = create_officer(
            s, "depan", "Petugas Depan", PASSWORD, [Role.FRONT_OFFICE], created_by=admin.id
        )
        return admin, Actor.of(fo)

    admin, front = gateway.call(build)
    yield Kiosk(ctx, gateway, admin, front)
    ctx.close()


def _person(name: str, nik: str, kk: str, **kw: object) -> PersonInput:
    return PersonInput(
        name=name,
        nik=nik,
        no_kk=kk,
        birth_place="Kendal",
        birth_date=date(1990, 8, 17),
        sex="P",
        phone="081234567890" if nik == NIK else "",
        mother_name="Painem",
        address="Dukuh Krajan RT 02",
        **kw,
    )


def _counter_day(k: Kiosk, upstream, tmp_path: Path):
    """Registered (sent upstream), then a walk-in naming them, with its receipt printed, still
    waiting in the outbox."""
    g = k.gateway
    g.call(configure_upstream, k.admin, upstream.url, "3324012001")
    sync = make_engine(g, upstream.url)
    sync.enrol("3324012001", "RAHASIA-UJI")
    person = g.call(register_person, k.front, _person(NAME, NIK, KK))
    g.call(
        register_person, k.front, _person("Tetangga Lain", "3324015708900015", "3324010101008888")
    )
    drain(sync)
    result = g.call(
        record_walk_in,
        k.front,
        CaptureInput(person_id=person.id, description=f"{NAME} belum menerima PKH"),
        Clock(),
    )
    printed = print_receipt(
        g, k.front, result, f"file:{tmp_path / 'printer.bin'}", 58, EscposThermal(), Clock()
    )
    assert printed.job.id is not None
    g.call(issue_receipt_pdf, k.front, result, PdfDocuments(), Clock())
    return person, sync


def _files_naming_the_person(folder: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits = [w for w in (NIK, KK, NAME) if w.encode() in data or w.upper().encode() in data]
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


def test_no_byte_of_an_erased_person_is_left_and_a_restore_erases_again(kiosk, upstream, tmp_path):
    k = kiosk
    person, sync = _counter_day(k, upstream, tmp_path)
    data = k.ctx.paths.data_dir
    with k.ctx.sessions() as s:  # the day as it was: the person is everywhere
        assert any(NIK in repr(o.payload) for o in s.scalars(select(OutboxOperation)))
        assert any(NAME.encode() in j.payload for j in s.scalars(select(PrintJob)))
    set_recovery_passphrase(k.ctx, k.admin, PHRASE)
    before = create_backup(k.ctx, k.admin).info  # last night's copy, holding the person
    assert before.encrypted and before.audit_head.split(":")[0].isdigit()
    assert _files_naming_the_person(data) != {}  # the live database names them

    view = k.gateway.call(request_erasure, k.admin, NIK, "permintaan tertulis")
    assert view.erased_now
    assert _files_naming_the_person(data) == {}  # database, -wal, -shm, backups, ledger
    with k.ctx.sessions() as s:
        waiting = [o for o in s.scalars(select(OutboxOperation)) if o.state == "pending"]
        assert {o.op_type for o in waiting} >= {"kasus_dicatat", "identitas_dihapus"}
        erasure = next(o for o in waiting if o.op_type == "identitas_dihapus")
        assert set(erasure.payload) == {"person_id", "erased_at", "household_id"}

    # the next sync sends nothing of the person, and the server scrubs what it had
    drain(sync)
    stored = repr(upstream.store.operations())
    assert NIK not in stored and KK not in stored and NAME not in stored
    assert "Tetangga Lain" in stored  # the neighbour's records are whole

    # last night's copy is restored: the person comes back only until the ledger is applied,
    # which happens before the restore returns (before anyone can log in)
    restore_backup(k.ctx, k.admin, before.path)
    with k.ctx.sessions() as s:
        back = s.get(Person, person.id)
        assert back is not None and back.erased_at is not None and back.nik is None
    assert _files_naming_the_person(data) == {}

    # the laptop dies; a new one restores last night's copy from the USB drive, where a newer
    # copy (made after the erasure) sits beside it
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(before.path, usb / before.path.name)
    after = create_backup(k.ctx, k.admin, to=usb)
    assert after.mirrored_to is not None and after.mirrored_to.parent == usb
    fresh = _open(tmp_path / "laptop-baru")
    try:
        with pytest.raises(NeedsPassphrase):
            restore_on_new_laptop(fresh, usb / before.path.name, None)
        with pytest.raises(NeedsPassphrase):
            restore_on_new_laptop(fresh, usb / before.path.name, "bukan frasanya sama sekali")
        restore_on_new_laptop(fresh, usb / before.path.name, PHRASE)
        with fresh.sessions() as s:
            again = s.get(Person, person.id)
            assert again is not None and again.erased_at is not None
            assert s.scalars(select(Person).where(Person.name == "Tetangga Lain")).one()
        assert _files_naming_the_person(fresh.paths.data_dir) == {}
        # the new laptop goes on with the same key: its copies open with the same passphrase
        assert fresh.backup_keys.recovery
    finally:
        fresh.close()
