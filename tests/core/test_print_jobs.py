"""A print job is kept whatever the printer does, and can be reprinted byte for byte."""

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.clock import Clock
from kiosk.errors import PermissionDenied
from kiosk.models import PrintedDocument
from kiosk.roles import Role
from kiosk.services.print_jobs import (
    get_print_job,
    job_payload,
    next_document_number,
    queue_print_job,
    recent_print_jobs,
    record_print_result,
    store_document,
)
from printing.devices import PrinterFault, send


def test_failed_print_keeps_the_job_for_a_reprint(gateway, office, tmp_path):
    fo = office[Role.FRONT_OFFICE]
    payload = b"\x1b@A001\n"
    job = gateway.call(queue_print_job, fo, "tiket", payload, "net:127.0.0.1:9")
    with pytest.raises(PrinterFault) as fault:
        send(job.printer_uri, payload, timeout=0.5)
    gateway.call(record_print_result, fo, job.id, False, fault.value.message)
    listed = gateway.call(recent_print_jobs, fo)
    assert [(j.id, j.status, j.attempts) for j in listed] == [(job.id, "gagal", 1)]
    assert "Nyalakan printer" in listed[0].last_error
    again, _ = gateway.call(job_payload, fo, job.id)
    target = tmp_path / "printer.bin"
    send(f"file:{target}", again)
    gateway.call(record_print_result, fo, job.id, True)
    assert target.read_bytes() == payload
    assert gateway.call(recent_print_jobs, fo)[0].status == "terkirim"


def test_supervisor_cannot_print(gateway, office):
    with pytest.raises(PermissionDenied):
        gateway.call(queue_print_job, office[Role.SUPERVISOR], "tiket", b"x", "file:/tmp/x")


def test_documents_are_numbered_per_kind_and_year_and_stored(gateway, office, session):
    clock = Clock(frozen=None)
    numbers = [gateway.call(next_document_number, "surat_rujukan", clock) for _ in range(2)]
    year = date.today().year
    assert numbers == [f"RJK/3324012001/0001/{year}", f"RJK/3324012001/0002/{year}"]
    assert gateway.call(next_document_number, "tanda_terima", clock).startswith(
        "TT/3324012001/0001"
    )
    view = gateway.call(
        store_document,
        office[Role.BACK_OFFICE],
        "surat_rujukan",
        numbers[0],
        "referral",
        uuid.uuid4(),
        b"%PDF-1.4 test",
        False,
    )
    row = session.scalars(select(PrintedDocument)).one()
    assert (
        row.number == view.number and row.pdf == b"%PDF-1.4 test" and len(row.content_sha256) == 64
    )


def test_door_screen_prints_only_its_own_tickets(gateway, office, tmp_path):
    """The unattended door screen's account cannot list, read or reprint the counters' jobs
    (a receipt carries a name and tracking number), nor print anything but its own ticket."""
    from kiosk.services.tickets import issue_ticket

    door, fo = office[Role.QUEUE_KIOSK], office[Role.FRONT_OFFICE]
    own = gateway.call(issue_ticket, door, "layanan")
    job = gateway.call(
        queue_print_job, door, "tiket", b"A001", f"file:{tmp_path}/t", ticket_id=own.id
    )
    assert gateway.call(record_print_result, door, job.id, True).status == "terkirim"

    counter_ticket = gateway.call(issue_ticket, fo, "layanan")
    receipt = gateway.call(queue_print_job, fo, "tanda_terima", b"SITI 3324", "file:/tmp/r")
    refusals = [
        lambda: gateway.call(recent_print_jobs, door),
        lambda: gateway.call(job_payload, door, receipt.id),
        lambda: gateway.call(get_print_job, door, receipt.id),
        lambda: gateway.call(record_print_result, door, receipt.id, False, "x"),
        lambda: gateway.call(queue_print_job, door, "tanda_terima", b"x", "file:/tmp/x"),
        lambda: gateway.call(queue_print_job, door, "tiket", b"x", "file:/tmp/x"),
        lambda: gateway.call(
            queue_print_job, door, "tiket", b"x", "file:/tmp/x", ticket_id=counter_ticket.id
        ),
    ]
    for attempt in refusals:
        with pytest.raises(PermissionDenied):
            attempt()
    assert gateway.call(recent_print_jobs, fo)[0].id == receipt.id
