"""The kabupaten's programme catalogue and holidays, pulled after a pass from the real server:
applied whole (a new regional programme with its criteria, a changed name), the office's own
criteria kept, a set that is not what the contract says refused whole with a note, and looked
at no more than once an hour."""

from __future__ import annotations

from datetime import date, timedelta

import requests
from sqlalchemy import select

from kiosk.clock import Clock, utcnow
from kiosk.models import Holiday, Programme
from kiosk.roles import Role
from kiosk.services.eligibility import set_programme_rules

REGIONAL = {
    "code": "BANSOS-KAB",
    "name": "Bantuan sosial kabupaten untuk lansia tunggal",
    "level": "kabupaten",
    "managing_body": "Dinas Sosial Kabupaten",
    "rules": {"all": [{"decile_max": 3}, {"member_age": [60, 200]}]},
}


def publish(upstream, dataset, version, items):
    requests.post(
        f"{upstream.url}/_admin/reference/{dataset}",
        json={"version": version, "items": items},
        timeout=5,
    ).raise_for_status()


def catalogue(session) -> dict[str, Programme]:
    session.expire_all()
    return {p.code: p for p in session.scalars(select(Programme))}


def test_the_catalogue_and_holidays_arrive_and_the_office_keeps_its_rules(
    gateway, office, kiosk, upstream, session
):
    own = {"all": [{"decile_max": 2}]}
    gateway.call(set_programme_rules, office[Role.ADMIN], "BLT-DD", own)
    publish(
        upstream,
        "programmes",
        "2027.1",
        [
            REGIONAL,
            {"code": "PKH", "name": "Program Keluarga Harapan (2027)", "level": "pusat"},
            {"code": "BLT-DD", "name": "BLT Dana Desa", "level": "desa", "rules": {}},
        ],
    )
    publish(upstream, "holidays", "2027", [{"date": "2027-01-01", "name": "Tahun Baru 2027"}])
    report = kiosk.run_once()
    assert report.ok
    assert any("Katalog program diperbarui" in n and "2027.1" in n for n in report.notes)
    progs = catalogue(session)
    assert progs["BANSOS-KAB"].rules == REGIONAL["rules"]
    assert progs["BANSOS-KAB"].source_version == "kabupaten 2027.1"
    assert progs["PKH"].name == "Program Keluarga Harapan (2027)"
    assert progs["BLT-DD"].rules == own  # the administrator's criteria stay
    assert session.get(Holiday, date(2027, 1, 1)).name == "Tahun Baru 2027"


def test_a_catalogue_that_is_not_one_is_refused_whole(gateway, office, kiosk, upstream, session):
    before = {code: p.name for code, p in catalogue(session).items()}
    publish(
        upstream,
        "programmes",
        "2027.2",
        [
            {"code": "PKH", "name": "Nama diubah", "level": "pusat"},
            {**REGIONAL, "rules": {"all": [{"kambing": 3}]}},  # a test nobody knows
        ],
    )
    report = kiosk.run_once()
    assert report.ok  # the pass's own work is done; the catalogue is a note
    assert any("ditolak" in n and "yang lama tetap dipakai" in n for n in report.notes)
    after = {code: p.name for code, p in catalogue(session).items()}
    assert after == before  # nothing half-applied: PKH keeps its name


def test_looked_at_once_an_hour(gateway, office, kiosk, upstream, session):
    kiosk.run_once()  # nothing published: nothing changes, the look is stamped
    publish(upstream, "programmes", "2027.3", [REGIONAL])
    kiosk.run_once()
    assert "BANSOS-KAB" not in catalogue(session)
    kiosk.clock = Clock(frozen=utcnow() + timedelta(hours=2))
    kiosk.run_once()
    assert "BANSOS-KAB" in catalogue(session)
