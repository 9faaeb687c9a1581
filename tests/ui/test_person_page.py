"""The person page: find a registered citizen by name, read the household and the programmes
the household may qualify for with the reasons; nothing found says what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.core.test_eligibility import family  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login


def test_find_and_read_the_profile(qtbot, make_window, family):  # noqa: F811
    page = login(qtbot, make_window, "frontoffice", "person")
    qtbot.keyClicks(page.query, "3324 0155 0885 0002")  # as read off the card
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and page.table.hasFocus()
    text = page.profile.toPlainText()
    assert "Ibu" in text and "Mungkin memenuhi syarat" in text and "PKH" in text
    assert "Anggota keluarga (3)" in text and "3324010101200003" in text
    assert "3324015508850002" not in text.replace(" ", "")  # the NIK masked
    page.query.clear()
    qtbot.keyClicks(page.query, "Tidak Ada Orangnya")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert "Tidak ada warga terdaftar" in page.error.text() and not page.profile.toPlainText()


def test_not_offered_to_the_administrator(qtbot, make_window, office):
    page = login(qtbot, make_window, "admin", "about")
    assert "person" not in page.keep_window_alive.shell.page_keys()
