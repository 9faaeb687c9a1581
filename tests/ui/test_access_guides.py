"""The administrator writes the office's guide for a need; the counter shows it."""

from __future__ import annotations

from kiosk.services.access import access_needs
from tests.ui.test_back_office import login


def test_the_office_guide_is_written_on_the_page(qtbot, make_window, office, gateway):
    page = login(qtbot, make_window, "admin", "akses")
    assert set(page.edits) == {"kursi_roda", "bahasa_isyarat", "bantuan_membaca", "pendamping"}
    page.edits["kursi_roda"].setPlainText("Pakai pintu samping yang landai; meja 1.")
    page.save.click()
    assert "Tersimpan" in page.info.text()
    guides = {n.code: n.guide for n in gateway.call(access_needs)}
    assert guides["kursi_roda"] == "Pakai pintu samping yang landai; meja 1."
    page.edits["pendamping"].setPlainText("x" * 700)
    page.save.click()
    assert "600" in page.error.text()
