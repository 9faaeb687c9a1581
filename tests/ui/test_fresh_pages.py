"""A page shows what is true now (issue #33, STYLE.md 22): work done anywhere in the window
makes the pages showing that kind of record stale; one on screen reloads at once, a hidden one
when it is next shown, and not before (no reading nobody looks at)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.models import Case
from kiosk.roles import Role
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.officers import create_officer
from kiosk.services.people import PersonInput, register_person
from kiosk.services.profiles import use_profile
from kiosk.services.tickets import issue_ticket
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from tests.ui.test_back_office import login
from tests.ui.test_walk_in import type_into
from ui.pages.approvals import ApprovalsPage
from ui.pages.cases import CasesPage
from ui.pages.printer import PrinterPage
from ui.pages.queue_calls import QueueCallPage
from ui.walkin.page import WalkInPage


def counter_and_desk(qtbot, make_window, office, gateway):
    """A small office's officer at the counter who also works the cases, signed in."""
    gateway.call(
        lambda s: create_officer(
            s, "loket", "Petugas Loket", PASSWORD, [Role.FRONT_OFFICE, Role.BACK_OFFICE]
        )
    )
    window = make_window()
    qtbot.keyClicks(window.login_page.username, "loket")
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    assert window.shell is not None
    window.shell.keep_window_alive = window  # qtbot holds windows weakly
    return window.shell


def test_a_case_recorded_at_the_counter_is_on_kasus_without_f5(
    qtbot, make_window, office, gateway, session
):
    gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name="Warga Baru"))
    shell = counter_and_desk(qtbot, make_window, office, gateway)
    cases = shell.show_key("cases")
    assert isinstance(cases, CasesPage) and cases.model.rowCount() == 0
    reads = cases.load_count

    front = shell.show_key("front")
    assert isinstance(front, WalkInPage)
    type_into(qtbot, front.find_step.query, "Warga Baru")
    qtbot.keyClick(front.find_step.query, Qt.Key.Key_Return)
    qtbot.keyClick(front.find_step.table, Qt.Key.Key_Return)
    cap = front.capture
    type_into(qtbot, cap.combos["sector"], "Kesehatan")
    type_into(qtbot, cap.description, "Obat tidak ada di puskesmas")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert front.stack.currentWidget() is front.receipt
    number = session.scalars(select(Case.tracking_number)).one()
    # Hidden behind the counter's page: marked, not read.
    assert cases.stale and cases.load_count == reads

    assert shell.show_key("cases") is cases
    assert cases.model.rowCount() == 1 and cases.model.row(0).tracking_number == number
    assert cases.load_count == reads + 1 and not cases.stale
    shell.show_key("front")
    shell.show_key("cases")  # nothing changed meanwhile: no second reading
    assert cases.load_count == reads + 1


def test_a_ticket_changes_no_case_so_kasus_is_not_read_again(qtbot, make_window, office, gateway):
    shell = counter_and_desk(qtbot, make_window, office, gateway)
    cases = shell.show_key("cases")
    reads = cases.load_count
    front = shell.show_key("front")
    qtbot.keyClick(front.find_step.query, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "A001" in front.find_step.ticket_label.text()
    shell.show_key("cases")
    assert not cases.stale and cases.load_count == reads


def test_a_failed_slip_appears_on_the_printer_page_on_screen(
    qtbot, make_window, office, gateway, settings
):
    """The counter's slip fails while the officer already looks at the Printer page (a
    printer that takes its time to refuse): the failed job appears without F5."""
    settings.set("printer_uri", "net:127.0.0.1:9")  # nothing listens: the slip fails
    shell = counter_and_desk(qtbot, make_window, office, gateway)
    front = shell.show_key("front")
    printer = shell.show_key("printer")
    assert isinstance(printer, PrinterPage) and printer.model.rowCount() == 0
    assert printer.isVisible() and not front.isVisible()
    ticket = gateway.call(issue_ticket, office[Role.FRONT_OFFICE], "pengaduan")
    front.find_step.print_ticket(ticket)  # the counter's own path, finishing late
    qtbot.waitUntil(lambda: printer.model.rowCount() == 1, timeout=5000)
    job = printer.model.row(0)
    assert job.status == "gagal" and job.kind == "tiket"


def test_the_queue_is_read_on_its_tick_only_while_on_screen(qtbot, make_window, office, gateway):
    """Other computers call too, so the queue page reads the line every few seconds; behind
    another page it only notes that, and reads once when it is shown again."""
    shell = counter_and_desk(qtbot, make_window, office, gateway)
    queue = shell.show_key("queue")
    assert isinstance(queue, QueueCallPage) and queue.waiting_model.rowCount() == 0
    shell.show_key("cases")
    gateway.call(issue_ticket, office[Role.FRONT_OFFICE], "pengaduan")  # another computer
    reads = queue.load_count
    for _ in range(3):
        queue.timer.timeout.emit()
    assert queue.load_count == reads and queue.stale
    shell.show_key("queue")
    assert queue.load_count == reads + 1 and queue.waiting_model.rowCount() == 1
    queue.timer.timeout.emit()  # on screen: read at each tick
    assert queue.load_count == reads + 2


def test_a_page_reads_once_after_its_own_work(qtbot, make_window, office, gateway):
    """A page shows what its own action changed itself (Anki's ``handler is not self``): the
    broadcast of that change does not read the list a second time."""
    shell = counter_and_desk(qtbot, make_window, office, gateway)
    printer = shell.show_key("printer")
    reads = printer.load_count
    printer.uri.setText("net:127.0.0.1:9")  # nothing listens: the slip fails
    printer.on_test_print()
    qtbot.waitUntil(lambda: printer.model.rowCount() == 1, timeout=5000)
    assert printer.model.row(0).status == "gagal"
    assert printer.load_count == reads + 1 and not printer.stale


def test_a_result_another_officer_proposes_is_on_the_coordinators_approvals_without_f5(
    qtbot, make_window, office, gateway
):
    gateway.call(use_profile, office[Role.ADMIN], "empat_lawang")  # 9(6)e: results reviewed
    bo = office[Role.BACK_OFFICE]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    approvals = login(qtbot, make_window, "coordinator", "approvals")
    assert isinstance(approvals, ApprovalsPage) and approvals.model.rowCount() == 0

    # The back office proposes the result in this window's process, through an op: it tells
    # the window's change hub, as the officer's own click on Kasus would.
    env = approvals.env
    env.op(approvals.window(), resolutions.propose_resolution, bo, case.case_id, "Dibantu").run()

    assert approvals.model.rowCount() == 1
    row = approvals.model.row(0)
    assert row.tracking_number == case.tracking_number and row.role == "koordinator"
    assert "1 pengajuan" in approvals.empty.text()
