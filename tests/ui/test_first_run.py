"""First run: the officer sets up the Puskesos from the keyboard and lands in the shell."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.models import Officer, Site


def fill(qtbot, page, values: dict[str, str]) -> None:
    for name, text in values.items():
        edit = getattr(page, name)
        edit.clear()
        qtbot.keyClicks(edit, text)


GOOD = {
    "village_code": "33.24.01.2001",
    "village_name": "Sukamaju",
    "address": "Jl. Raya 1",
    "head": "Slamet Riyadi",
    "username": "kades",
    "full_name": "Pak Kades",
    "password": "rahasia123",
    "repeat": "rahasia123",
}


def test_first_run_setup_by_keyboard(qtbot, make_window, session):
    window = make_window()
    page = window.setup_page
    assert window.stack.currentWidget() is page
    fill(qtbot, page, GOOD)
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert window.shell is not None and window.stack.currentWidget() is window.shell
    assert "officers" in window.shell.page_keys()
    site = session.scalars(select(Site)).one()
    assert (site.village_code, site.name) == ("3324012001", "Puskesos Desa Sukamaju")
    assert site.district_name == "Plantungan" and site.regency_name == "Kab. Kendal"
    assert session.scalars(select(Officer.username)).all() == ["kades"]


def test_setup_error_is_shown_in_indonesian_and_input_is_kept(qtbot, make_window, session):
    window = make_window()
    page = window.setup_page
    fill(qtbot, page, {**GOOD, "village_code": "33.24.01"})
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert page.error.isVisible() and "10 digit" in page.error.text()
    assert page.village_name.text() == "Sukamaju" and page.password.text() == "rahasia123"
    assert page.village_code.hasFocus()
    assert session.scalars(select(Site)).all() == []
    page.village_code.clear()
    qtbot.keyClicks(page.village_code, "3324012001")
    qtbot.keyClick(page.village_code, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.shell


def test_mismatched_passwords_are_caught_before_saving(qtbot, make_window, session):
    window = make_window()
    fill(qtbot, window.setup_page, {**GOOD, "repeat": "rahasia124"})
    qtbot.keyClick(window.setup_page.repeat, Qt.Key.Key_Return)
    assert "tidak sama" in window.setup_page.error.text()
    assert session.scalars(select(Site)).all() == []
