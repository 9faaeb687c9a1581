"""The citizen brings the tracking number in any form: with or without dashes or spaces, lower
case, the short form on the slip, or the QR's URL; the status page's Ctrl+number puts the
cursor in its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.errors import NotFound
from kiosk.roles import Role
from kiosk.services.case_views import find_case
from kiosk.tracking import short_tracking
from tests.backoffice.helpers import open_case
from tests.ui.test_back_office import login


@pytest.fixture
def number(gateway, office) -> str:
    open_case(gateway, office)
    return open_case(gateway, office).tracking_number  # the second: serial 2


def forms(number: str) -> list[str]:
    office, month, serial = number.rsplit("-", 2)
    return [
        number,
        number.lower(),
        number.replace("-", ""),
        number.replace("-", " "),
        f" {office} - {month} - {serial} ",
        short_tracking(number),
        f"{month} {int(serial)}",
        f"https://slrt.kendalkab.go.id/lacak/{number}",
        f"https://slrt.kendalkab.go.id/lacak?nomor={number}",
    ]


def test_every_form_finds_the_same_case(gateway, office, number):
    fo = office[Role.FRONT_OFFICE]
    for text in forms(number):
        assert gateway.call(find_case, fo, text).tracking_number == number, text


def test_a_short_form_that_is_not_there_is_not_found(gateway, office, number):
    with pytest.raises(NotFound):
        gateway.call(find_case, office[Role.FRONT_OFFICE], "9912-00001")


def test_the_status_page_takes_the_cursor_and_any_form(qtbot, make_window, office, number):
    page = login(qtbot, make_window, "frontoffice", "home")
    window = page.keep_window_alive
    keys = window.shell.page_keys()
    status_index = keys.index("status") + 1
    qtbot.keyClick(
        window.shell.nav, Qt.Key(Qt.Key.Key_0 + status_index), Qt.KeyboardModifier.ControlModifier
    )
    status = window.shell.stack.currentWidget().widget()  # the page the shortcut opened
    assert status.objectName() == "status_page"
    assert QApplication.focusWidget() is status.number
    qtbot.keyClicks(status.number, short_tracking(number).lower())
    qtbot.keyClick(status.number, Qt.Key.Key_Return)
    assert number in status.result.toPlainText()
