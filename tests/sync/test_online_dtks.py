"""The counter's DTKS check asks the kabupaten when connected: with the reference server up
(its newer register wins, with its date), down (the snapshot answers at once) and slow (the
counter never waits more than two seconds, even for a link that trickles a byte at a time)."""

from __future__ import annotations

import time
from datetime import date, datetime

import requests
from sqlalchemy import select

from kiosk.models import DtksRecord, DtksSnapshot, Visit
from kiosk.roles import Role
from kiosk.services.dtks_check import OnlineAnswer
from kiosk.services.dtks_online import check_with_kabupaten
from kiosk.services.outbox import configure_upstream
from kiosk.services.people import PersonInput, register_person
from kiosk.services.walk_in import CaptureInput, record_walk_in
from sync import online_dtks
from sync.online_dtks import KabupatenRegister

NEW_NIK = "3324015708900003"  # added to DTKS at the kabupaten after this office's import
OLD_NIK = "3324011508900013"  # in this office's snapshot, since removed at the kabupaten
UTC_NOON = datetime(2026, 9, 2, 5, 0).astimezone()


def _local_snapshot(gateway):
    def add(s):
        snap = DtksSnapshot(
            source="uji", snapshot_date=date(2026, 9, 1), imported_at=UTC_NOON, status="active"
        )
        s.add(snap)
        s.flush()
        s.add(DtksRecord(snapshot_id=snap.id, nik=OLD_NIK, no_kk="3324010101010001", name="x"))

    gateway.call(add)


def _kabupaten_register(upstream, when="2026-11-20"):
    requests.post(
        f"{upstream.url}/_admin/dtks",
        json={
            "snapshot_date": when,
            "rows": [{"nik": NEW_NIK, "decile": 2, "programmes": ["PKH", "BPNT"]}],
        },
        timeout=5,
    ).raise_for_status()


def _check(ctx, gateway, office, nik, online):
    started = time.monotonic()
    result = check_with_kabupaten(ctx, office[Role.FRONT_OFFICE], nik, None, online)
    return result, time.monotonic() - started


class _Timed:
    """The online register, timing each lookup: the counter's wait for the kabupaten alone,
    without the local check (which a loaded test machine may slow)."""

    def __init__(self, inner):
        self.inner, self.waits = inner, []

    def lookup(self, nik, deadline_s):
        started = time.monotonic()
        try:
            return self.inner.lookup(nik, deadline_s)
        finally:
            self.waits.append(time.monotonic() - started)


def test_up_the_newer_register_is_the_answer(ctx, gateway, office, kiosk, upstream):
    _local_snapshot(gateway)
    _kabupaten_register(upstream)
    online = _Timed(KabupatenRegister(gateway))
    added, _ = _check(ctx, gateway, office, NEW_NIK, online)
    assert not added.found and added.online is not None  # not in the office's snapshot ...
    assert added.online_is_newer and added.registered  # ... but in the kabupaten's, newer
    assert added.online.snapshot_date == date(2026, 11, 20) and added.current_decile == 2
    assert added.online.programmes == ("PKH", "BPNT")
    removed, _ = _check(ctx, gateway, office, OLD_NIK, online)
    assert removed.found and not removed.registered  # removed since: the newer answer counts
    assert online.waits[0] < 2.0


def test_an_older_kabupaten_register_does_not_override(ctx, gateway, office, kiosk, upstream):
    _local_snapshot(gateway)
    _kabupaten_register(upstream, when="2026-08-01")
    result, _ = _check(ctx, gateway, office, OLD_NIK, KabupatenRegister(gateway))
    assert result.online is not None and not result.online_is_newer and result.registered


def test_down_the_snapshot_answers_and_the_next_visitor_waits_for_nothing(
    ctx, gateway, office, kiosk, upstream
):
    _local_snapshot(gateway)
    upstream.thread.stop()
    online = _Timed(KabupatenRegister(gateway))
    first, _ = _check(ctx, gateway, office, OLD_NIK, online)
    assert first.found and first.online is None
    assert first.online_note == online_dtks.OFFLINE and online.waits[0] < 2.0
    second, _ = _check(ctx, gateway, office, OLD_NIK, online)
    assert second.online_note == online_dtks.RESTING and online.waits[1] < 0.2  # not asked


def test_slow_never_more_than_two_seconds(ctx, gateway, office, kiosk, upstream, proxy):
    _local_snapshot(gateway)
    _kabupaten_register(upstream)
    gateway.call(configure_upstream, office[Role.ADMIN], proxy.url, "3324012001")
    proxy.plan.slow, proxy.plan.bytes_per_second = True, 40  # the request alone takes seconds
    online = _Timed(KabupatenRegister(gateway))
    result, _ = _check(ctx, gateway, office, NEW_NIK, online)
    assert result.online is None and "2 detik" in result.online_note, online.waits
    # the deadline and a thread's start, far less than the trickle would have held it
    assert online.waits[0] < 3.0, online.waits
    assert not result.registered  # the snapshot's answer stands


def test_not_enrolled_is_silent_and_quick(ctx, gateway, office):
    _local_snapshot(gateway)
    online = _Timed(KabupatenRegister(gateway))
    result, _ = _check(ctx, gateway, office, OLD_NIK, online)
    assert result.found and result.online is None and result.online_note == ""
    assert online.waits[0] < 1.0  # not the two seconds' deadline


def test_the_visit_records_the_newer_answer_the_counter_showed(gateway, office, session):
    _local_snapshot(gateway)
    fo = office[Role.FRONT_OFFICE]
    person = gateway.call(register_person, fo, PersonInput(name="Warga Baru", nik=NEW_NIK))
    kabupaten = OnlineAnswer(True, date(2026, 11, 20), 2, ("PKH",))
    result = gateway.call(
        record_walk_in,
        fo,
        CaptureInput(person_id=person.id, description="Tanya PKH", online=kabupaten),
    )
    visit = session.scalars(select(Visit).where(Visit.person_id == person.id)).one()
    assert result.dtks_status == "terdaftar" and visit.dtks_decile == 2
