"""Recording a community as PPKS on the page; an unknown NIK says what to do."""

from __future__ import annotations

from tests.ui.test_back_office import login


def test_a_community_is_recorded_and_listed(qtbot, make_window, office):
    page = login(qtbot, make_window, "frontoffice", "ppks")
    page.subject.setCurrentIndex(page.subject.findData("komunitas"))
    page.who.setText("Dusun Krajan RT 3 (banjir)")
    page.kind.setCurrentIndex(page.kind.findData("korban_bencana_alam"))
    page.members.setValue(40)
    page.save.click()
    assert "Dicatat: Dusun Krajan RT 3 (banjir) (40 orang)" in page.info.text()
    assert page.model.rowCount() == 1
    page.subject.setCurrentIndex(page.subject.findData("orang"))
    page.who.setText("3324019999990001")
    page.save.click()
    assert "daftarkan dulu" in page.error.text()
