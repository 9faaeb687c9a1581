"""A kept print job reads "Terkirim" only when the bytes were written and the printer answered
in time; a printer that takes the connection and never prints leaves every job "belum pasti"
(or "gagal"), never "terkirim". Real python-escpos bytes to a real TCP printer on 127.0.0.1."""

from __future__ import annotations

from datetime import datetime

from kiosk.clock import Clock
from kiosk.roles import Role
from kiosk.services.slips import print_slip
from printing.paper import Paper
from printing.receipts import EscposThermal
from printing.thermal import TicketSlip, render_ticket


def _slips(n: int) -> list[bytes]:
    when = Clock(frozen=datetime(2026, 11, 23, 3, 0)).now().isoformat()
    return [
        render_ticket(TicketSlip("Puskesos", f"A{i:03d}", "Pengaduan", when, i), Paper.of(80))
        for i in range(1, n + 1)
    ]


def _print_all(gateway, office, printer, n: int = 8):
    actor = office[Role.FRONT_OFFICE]
    thermal = EscposThermal()
    return [
        print_slip(gateway, actor, "tiket", payload, printer.uri, thermal, "default")
        for payload in _slips(n)
    ]


def test_a_printer_that_accepts_and_never_prints_marks_no_job_sent(gateway, office, fake_printer):
    outcomes = _print_all(gateway, office, fake_printer("stall"))
    statuses = [o.job.status for o in outcomes]
    assert "terkirim" not in statuses, statuses
    assert set(statuses) <= {"belum_pasti", "gagal"} and "belum_pasti" in statuses
    unsure = next(o for o in outcomes if o.job.status == "belum_pasti")
    assert not unsure.certain and "Belum pasti tercetak" in unsure.message
    assert unsure.job.last_error == unsure.message  # the Printer page says why


def test_a_printer_that_hangs_up_without_reading_fails_every_job(gateway, office, fake_printer):
    outcomes = _print_all(gateway, office, fake_printer("hangup"), 3)
    assert [o.job.status for o in outcomes] == ["gagal"] * 3
    assert all("terputus" in o.message for o in outcomes)


def test_a_printer_that_answers_gets_its_jobs_sent(gateway, office, fake_printer):
    printer = fake_printer("ok")
    outcomes = _print_all(gateway, office, printer, 2)
    assert [(o.job.status, o.certain) for o in outcomes] == [("terkirim", True)] * 2
    assert b"A002" in printer.wait_for(2 * len(_slips(1)[0]))
