"""The administrator's programme catalogue: criteria read and changed (a wrong one refused with
what to do), back to the shipped ones, a village programme added."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.models import Programme
from tests.ui.test_back_office import answer, login


def test_change_reset_and_add(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "admin", "programmes")
    codes = [page.model.row(r).code for r in range(page.model.rowCount())]
    assert {"PKH", "BLT-DD"} <= set(codes)
    page.table.selectRow(codes.index("BLT-DD"))
    assert "decile_max" in page.rules.toPlainText()
    page.rules.setPlainText('{"all": [{"decile_max": 2}, {"kambing": 1}]}')
    page.save.click()
    assert "tidak dikenal" in page.error.text()
    page.rules.setPlainText('{"all": [{"decile_max": 2}')
    page.save.click()
    assert "JSON" in page.error.text()
    page.rules.setPlainText('{"all": [{"decile_max": 2}, {"resident": true}]}')
    page.save.click()
    blt = session.scalars(select(Programme).where(Programme.code == "BLT-DD")).one()
    assert blt.rules_by_office and blt.rules["all"][0] == {"decile_max": 2}
    assert page.chosen().code == "BLT-DD" and page.chosen().by_office
    page.reset.click()
    session.expire_all()
    assert not session.get(Programme, blt.id).rules_by_office

    answer(qtbot, {"code": "bansos-lansia", "name": "Bantuan lansia desa", "level": "desa"})
    page.add.click()
    assert page.chosen().code == "BANSOS-LANSIA" and "ditambahkan" in page.info.text()
