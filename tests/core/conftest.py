"""Fixtures shared by the core tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.models import DtksRecord, DtksSnapshot, Household, Person, ProgrammeNeed, Visit
from kiosk.roles import Role


@pytest.fixture
def village(gateway, office):
    """Three households on the snapshot (one elsewhere), one registered with a disabled member
    and a recorded need, one registered but not on the snapshot."""

    def build(s):
        snap = DtksSnapshot(
            source="uji", imported_at=datetime(2026, 10, 1).astimezone(), status="active"
        )
        s.add(snap)
        s.flush()

        def row(fam, kk, decile, born, progs="", village="3324012001"):
            s.add(
                DtksRecord(
                    snapshot_id=snap.id,
                    family_id=fam,
                    no_kk=kk,
                    name=f"Kepala {fam}",
                    nik=f"{kk[:12]}0001",
                    decile=decile,
                    birth_date=born,
                    programmes=progs,
                    village_code=village,
                )
            )

        row("F1", "3324010101000001", 1, date(1950, 1, 1))
        row("F2", "3324010101000002", 1, date(1990, 1, 1))
        row("F2", "3324010101000002", 1, date(2024, 1, 1))  # a toddler
        row("F3", "3324010101000003", 2, date(1980, 1, 1), progs="BLT-DD")
        row("F9", "3324010101000009", 1, date(1980, 1, 1), village="3324012002")
        hh = Household(no_kk="3324010101000001", village_code="3324012001")
        lone = Household(no_kk="3324010101000077", village_code="3324012001")
        s.add_all([hh, lone])
        s.flush()
        s.add(Person(name="Nenek", household_id=hh.id, disability="PDFSK"))
        s.add(Person(name="Warga Baru", household_id=lone.id))
        v = Visit(
            channel="datang",
            household_id=hh.id,
            started_at=datetime.now().astimezone(),
            officer_id=office[Role.FRONT_OFFICE].id,
        )
        s.add(v)
        s.flush()
        s.add(ProgrammeNeed(visit_id=v.id, household_id=hh.id, programme_code="BLT-DD"))

    gateway.call(build)
