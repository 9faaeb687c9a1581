"""Cases made the way the front office makes them, for the back-office tests."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.clock import Clock
from kiosk.roles import Role
from kiosk.services.people import PersonInput, register_person
from kiosk.services.walk_in import CaptureInput, WalkInResult, record_walk_in

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = Clock(frozen=datetime(2026, 8, 10, 9, 0, tzinfo=WIB))  # a week before 17 Aug
_serial = itertools.count(1)
NAMES = ["Siti", "Ahmad", "Wati", "Budi", "Sri", "Joko", "Yuni", "Agus", "Rina", "Dedi", "Lina"]


def open_case(
    gateway, office, urgency: str = "biasa", sector: str = "sosial", clock: Clock = MONDAY
) -> WalkInResult:
    n = next(_serial)
    person = gateway.call(
        register_person,
        office[Role.FRONT_OFFICE],
        PersonInput(
            name=f"{NAMES[n % len(NAMES)]} {NAMES[(n // len(NAMES)) % len(NAMES)]}",
            nik=f"33240157089{n:04d}3"[:16].ljust(16, "1"),
            birth_date=date(1990, 8, 17),
            sex="P",
        ),
    )
    return gateway.call(
        record_walk_in,
        office[Role.FRONT_OFFICE],
        CaptureInput(
            person_id=person.id,
            sector=sector,
            category="bantuan_tidak_diterima",
            programme_code="PKH",
            description="PKH tahap 3 belum cair",
            urgency=urgency,
        ),
        clock,
    )
