"""Test print, a dead printer, the kept job shown on screen, and a reprint."""

from PySide6.QtCore import Qt

from kiosk.roles import Role
from tests.printing.fake_printer import FakePrinter
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
