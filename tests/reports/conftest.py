"""The hand-counted village (``village.py``) and its 2026Q4 report, read on 26 November."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.clock import Clock
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services.reports import office_report, public_report
from tests.reports.village import WIB, build

TODAY = Clock(frozen=datetime(2026, 11, 26, 9, 0, tzinfo=WIB))
Q4 = parse_period("2026Q4", date(2026, 11, 26))


@pytest.fixture
def village(gateway, office):
    officer = office[Role.FRONT_OFFICE].id
    return gateway.call(lambda s: build(s, officer) and None)


@pytest.fixture
def report(gateway, office, village):
    return gateway.call(office_report, office[Role.COORDINATOR], Q4, TODAY)


@pytest.fixture
def board(gateway, office, village):
    return gateway.call(public_report, office[Role.COORDINATOR], Q4, TODAY)
