"""Program bantuan: every officer, the front office first, reads the programme catalogue to
tell a citizen about it (name, level, managing body, who it is for, the criteria in words),
searches it by the words heard at the counter, and cannot change it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.roles import Role
from kiosk.services.catalogue import programme_info
from tests.ui.test_back_office import login


@pytest.mark.parametrize(
    "username", ["frontoffice", "backoffice", "coordinator", "supervisor", "facilitator", "admin"]
)
def test_every_role_has_the_read_only_catalogue(qtbot, make_window, office, username):
    page = login(qtbot, make_window, username, "programme_info")
    assert page.model.rowCount() >= 10
    assert not page.findChildren(QPushButton)  # nothing to change here


def test_search_and_read_a_programme_in_words(qtbot, make_window, office):
    page = login(qtbot, make_window, "frontoffice", "programme_info")
    qtbot.keyClicks(page.query, "sembako")
    names = [page.model.row(r).name for r in range(page.model.rowCount())]
    assert names == ["Bantuan Pangan Non Tunai / Program Sembako"]
    assert "1 dari" in page.count.text()
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    text = " ".join(page.details.toPlainText().split())
    assert "Kementerian Sosial" in text and "Keluarga" in text and "desil 1-4" in text
    page.query.clear()
    qtbot.keyClicks(page.query, "musyawarah DESA")  # words in any case, any order
    assert [page.model.row(r).code for r in range(page.model.rowCount())] == ["BLT-DD"]
    assert "Pemerintah Desa (musyawarah desa)" in page.details.toPlainText()
    page.query.clear()
    qtbot.keyClicks(page.query, "tidak ada program begini")
    assert page.model.rowCount() == 0 and not page.details.toPlainText()


def test_the_service_serves_every_officer_and_puts_the_village_first(gateway, office):
    rows = gateway.call(programme_info, office[Role.FRONT_OFFICE])
    assert rows[0].level == "desa" and {r.code for r in rows} >= {"PKH", "BLT-DD"}
    assert [r.code for r in gateway.call(programme_info, office[Role.SUPERVISOR], "pip")] == ["PIP"]
