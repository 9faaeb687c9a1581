"""Test print, a dead printer, the kept job shown on screen, and a reprint."""

from PySide6.QtCore import Qt

from kiosk.roles import Role
from tests.printing.fake_printer import FakePrinter
from tests.ui.test_back_office import CTRL, login
from ui.pages.printer import PrinterPage


def make_page(qtbot, make_window, actor):
    window = make_window()
    page = PrinterPage(window.env, actor)
    qtbot.addWidget(page)
    page.show()
    return page


def test_test_print_reaches_a_network_printer(qtbot, make_window, office):
    printer = FakePrinter("ok")
    try:
        page = make_page(qtbot, make_window, office[Role.FRONT_OFFICE])
        page.uri.clear()
        qtbot.keyClicks(page.uri, printer.uri)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        assert page.status.text() == "Terkirim ke printer."
        assert b"A001" in printer.wait_for(200)
        assert page.model.rowCount() == 1 and page.model.row(0).status == "terkirim"
        assert page.env.settings.get("printer_uri") == printer.uri
    finally:
        printer.close()


def test_dead_printer_keeps_the_job_shows_it_and_reprints(qtbot, make_window, office):
    page = make_page(qtbot, make_window, office[Role.FRONT_OFFICE])
    page.uri.setText("net:127.0.0.1:9")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "Nyalakan printer" in page.error.text()
    assert "dapat dicetak ulang" in page.status.text()
    assert page.model.row(0).status == "gagal"
    page.table.selectRow(0)
    assert "A001" in page.preview.toPlainText()  # the number is readable on screen

    printer = FakePrinter("ok")
    try:
        page.uri.setText(printer.uri)
        qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
        assert page.status.text() == "Terkirim ke printer."
        assert b"A001" in printer.wait_for(200)
        assert page.model.rowCount() == 1 and page.model.row(0).status == "terkirim"
        assert page.model.row(0).attempts == 2
    finally:
        printer.close()


def test_empty_printer_address_is_explained(qtbot, make_window, office):
    page = make_page(qtbot, make_window, office[Role.BACK_OFFICE])
    page.uri.clear()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "Isi alamat printer" in page.error.text()


def test_print_job_model_passes_the_model_tester(qtbot, qtmodeltester, make_window, office):
    page = make_page(qtbot, make_window, office[Role.FRONT_OFFICE])
    page.uri.setText("net:127.0.0.1:9")
    page.on_test_print()
    qtmodeltester.check(page.model)


def test_a_ticket_from_the_counter_is_found_by_its_number_and_reprinted(
    qtbot, make_window, office, settings
):
    """The page was opened before the ticket: opening it again lists the ticket, with its
    number in a column of its own, and reprints it."""
    settings.set("printer_uri", "net:127.0.0.1:9")  # nothing listens: the slip fails
    front = login(qtbot, make_window, "frontoffice", "front")
    shell = front.window().shell
    page = shell.show_key("printer")
    assert page.model.rowCount() == 0
    shell.show_key("front")
    qtbot.keyClick(front.find_step.query, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: front.find_step.error.isVisible(), timeout=5000)
    assert shell.show_key("printer") is page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    number = headers.index("Nomor")
    assert page.model.data(page.model.index(0, number)) == "A001"
    assert page.model.row(0).status == "gagal"
    printer = FakePrinter("ok")
    try:
        page.uri.setText(printer.uri)
        page.table.selectRow(0)
        qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.row(0).status == "terkirim", timeout=5000)
        assert b"A001" in printer.wait_for(200)
    finally:
        printer.close()
