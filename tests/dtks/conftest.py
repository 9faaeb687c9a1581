"""Every DTKS test runs on both import roads: the Arrow one (plain UTF-8 CSV on SQLite) and
the row-by-row one, which must give the same register and the same report."""

import pytest

from kiosk.dtks import importer


@pytest.fixture(autouse=True, params=["columnar", "rows"])
def road(request, monkeypatch):
    monkeypatch.setattr(importer, "COLUMNAR", request.param == "columnar")
    return request.param
