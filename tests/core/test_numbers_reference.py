"""Locally allocated numbers and reference data."""

import threading
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.errors import PermissionDenied
from kiosk.models import Programme, ReferenceItem, ReferenceVersion
from kiosk.roles import Role
from kiosk.services.numbers import current_site, next_value, tracking_number
from kiosk.services.reference import add_choice, add_programme, choices, holidays, reload_reference


def test_tracking_numbers_carry_the_office_and_count_up(gateway, office):
    def two(s):
        site = current_site(s)
        return [tracking_number(s, site, date(2026, 11, 23)) for _ in range(2)]

    assert gateway.call(two) == ["3324012001-2611-00001", "3324012001-2611-00002"]


def test_two_counters_never_get_the_same_number(gateway, office):
    results: list[int] = []
    errors: list[Exception] = []

    def counter():
        try:
            for _ in range(15):
                results.append(gateway.call(next_value, "antrian:A:2026-11-23"))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=counter) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == list(range(1, 46))


def test_reference_data_is_loaded_with_versions(gateway, office, session):
    codes = {p.code for p in session.scalars(select(Programme))}
    assert {"PKH", "BPNT", "PBI-JK", "PIP", "ATENSI", "YAPI", "RS-RTLH", "BLT-DD", "SKTM"} <= codes
    versions = {v.dataset: v.version for v in session.scalars(select(ReferenceVersion))}
    assert versions["programmes"] == "2026.11-2" and "lists" in versions
    sectors = [c.code for c in gateway.call(choices, "sektor")]
    assert sectors[:3] == ["pendidikan", "kesehatan", "adminduk"]
    assert date(2026, 8, 17) in gateway.call(holidays)


def test_administrator_additions_survive_a_reload(gateway, office, session):
    admin = office.admin
    gateway.call(
        add_choice,
        admin,
        "tujuan_rujukan",
        "LKS_Harapan",
        "LKS Harapan Bunda",
        {"kind": "non_pemerintah"},
    )
    gateway.call(add_programme, admin, "kartu-sehat-kendal", "Kartu Sehat Kendal", "kabupaten")
    counts = gateway.call(reload_reference, admin)
    assert counts["programmes"] >= 16
    labels = {c.code: c.label for c in gateway.call(choices, "tujuan_rujukan")}
    assert labels["lks_harapan"] == "LKS Harapan Bunda" and "baznas" in labels
    assert session.scalars(select(Programme).where(Programme.code == "KARTU-SEHAT-KENDAL")).one()
    assert session.scalars(select(ReferenceItem).where(ReferenceItem.code == "lks_harapan")).one()


def test_only_an_administrator_reloads_reference_data(gateway, office):
    with pytest.raises(PermissionDenied):
        gateway.call(reload_reference, office[Role.COORDINATOR])
