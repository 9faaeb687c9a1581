"""The door's ticket screen: a big button per service and one for priority, touch or keys,
the slip printed, no personal data, and only a queue-kiosk account behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.errors import PermissionDenied
from kiosk.models import PrintJob, QueueTicket
from kiosk.roles import Role
from kiosk.services.tickets import issue_ticket
from tests.printing.fake_printer import FakePrinter
from ui.app import build_env
from ui.ops import SyncExecutor
from ui.self_service import SelfServiceWindow


@pytest.fixture
def screen(qtbot, ctx, office, settings):
    def make(printer_uri: str = "") -> SelfServiceWindow:
        settings.set("printer_uri", printer_uri)
        env = build_env(ctx, settings=settings, executor=SyncExecutor())
        window = SelfServiceWindow(env, office[Role.QUEUE_KIOSK])
        qtbot.addWidget(window)
        window.resize(1024, 600)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):  # its key shortcuts act in the active window
            window.activateWindow()
        return window

    return make


def test_a_touch_takes_a_ticket_and_prints_it(qtbot, screen, session):
    printer = FakePrinter("ok")
    try:
        window = screen(printer.uri)
        qtbot.mouseClick(window.service_buttons[0], Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.done_page
        assert window.number.text() == "A001" and "ambil tiket" in window.after.text()
        qtbot.waitUntil(lambda: b"A001" in bytes(printer.received), timeout=3000)
    finally:
        printer.close()
    assert session.scalars(select(PrintJob.kind)).one() == "tiket"
    window.timer.timeout.emit()  # the screen returns to the services for the next person
    assert window.stack.currentWidget() is window.services_page


def test_priority_by_keyboard_alone(qtbot, screen, session):
    window = screen()

    def key(k: Qt.Key) -> None:
        qtbot.keyClick(QApplication.focusWidget(), k)

    key(Qt.Key.Key_P)
    assert window.stack.currentWidget() is window.kinds_page
    key(Qt.Key.Key_1)  # the first kind: elderly
    assert "prioritas dipilih" in window.hint.text()  # the kind is not shown to the room
    key(Qt.Key.Key_2)  # the second service
    ticket = session.scalars(select(QueueTicket)).one()
    assert ticket.priority == "lansia" and ticket.prefix == "B"
    assert window.number.text() == "B001" and "Catat nomor ini" in window.after.text()


def test_the_screen_shows_no_personal_data_and_needs_no_officer(qtbot, screen, office, gateway):
    window = screen()
    texts = " ".join(b.text() for b in window.service_buttons + window.priority_buttons)
    assert "NIK" not in texts and "Nama" not in texts
    # the account behind it can take tickets and print, nothing else
    with pytest.raises(PermissionDenied):
        from kiosk.services.people import find_people

        gateway.call(find_people, office[Role.QUEUE_KIOSK], "Siti")
    gateway.call(issue_ticket, office[Role.QUEUE_KIOSK], "pengaduan")


def test_a_printer_that_never_answers_leaves_the_number_up_to_note(qtbot, screen, session):
    printer = FakePrinter("silent")  # takes the slip, never answers: it may print nothing
    try:
        window = screen(printer.uri)
        qtbot.mouseClick(window.service_buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "catat nomor ini" in window.after.text(), timeout=5000)
        assert window.timer.remainingTime() > 8000  # twice as long, as without a printer
    finally:
        if window.env.devices is not None:
            window.env.devices.wait(5000)
        printer.close()
    session.expire_all()
    assert session.scalars(select(PrintJob.status)).one() == "belum_pasti"
