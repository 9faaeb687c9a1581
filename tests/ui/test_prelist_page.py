"""The Usulan DTKS page: masked NIKs on screen, both files saved where the officer chooses."""

from __future__ import annotations

import pytest

from tests.core.test_prelist_export import proposals  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login

pytestmark = pytest.mark.usefixtures("proposals")


def test_the_page_shows_masked_niks_and_saves_both_files(qtbot, make_window, tmp_path):
    page = login(qtbot, make_window, "coordinator", "prelist")
    page.period.setEditText("2026")
    page.show_period()
    shown = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert shown and all("*" in nik for nik in shown)  # masked on screen
    assert "2 orang" in page.info.text()
    page.choose_folder = lambda: str(tmp_path / "usb")
    page.save.click()
    assert (tmp_path / "usb" / "usulan-2026.xlsx").exists()
    assert (tmp_path / "usb" / "usulan-2026.pdf").exists()
    page.period.setEditText("bulan depan")
    page.show_period()
    assert "Periode" in page.error.text()
