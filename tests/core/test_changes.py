"""What a committed transaction changed, derived from the tables it wrote (kiosk/changes.py):
every table is named once, a kept write is reported, a rolled-back one is not."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.changes import TABLE_KINDS, Kind, collecting
from kiosk.errors import KioskError
from kiosk.models import Base
from kiosk.roles import Role
from kiosk.services.people import PersonInput, register_person
from kiosk.services.tickets import issue_ticket

SITI = PersonInput(
    name="Siti Fatimah",
    nik="3324015708900003",
    no_kk="3324011203150007",
    birth_date=date(1990, 8, 17),
    sex="P",
    relationship="kepala_keluarga",
)


def test_every_table_says_what_kind_of_record_it_holds() -> None:
    assert set(Base.metadata.tables) == set(TABLE_KINDS)


def test_a_registration_reports_people_and_a_ticket_reports_tickets(gateway, office) -> None:
    front = office[Role.FRONT_OFFICE]
    with collecting() as seen:
        gateway.call(register_person, front, SITI)
    assert Kind.PEOPLE in seen and Kind.CASES not in seen and Kind.TICKETS not in seen
    with collecting() as seen:
        gateway.call(issue_ticket, front, "pengaduan")
    assert Kind.TICKETS in seen and Kind.PEOPLE not in seen


def test_work_rolled_back_reports_nothing(gateway, office) -> None:
    front = office[Role.FRONT_OFFICE]
    gateway.call(register_person, front, SITI)
    with collecting() as seen, pytest.raises(KioskError):
        gateway.call(register_person, front, SITI)  # the NIK is registered: refused
    assert Kind.PEOPLE not in seen
