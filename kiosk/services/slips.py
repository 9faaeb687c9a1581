"""The one way a slip reaches paper: keep the job, send it, record what the printer said.

These take the Gateway, not a session: the job is committed *before* the printer is tried, so
a dead printer never loses the slip, and the printer's answer is recorded in a second
transaction. Each transaction is a declared action (``queue_print_job``,
``record_print_result``), so the permission is checked there. Rendering and sending are the
printer's (``kiosk.ports.ThermalPrinter``), passed in by the composition root.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from kiosk.clock import Clock
from kiosk.context import Gateway
from kiosk.ports import PrinterFault, ThermalPrinter
from kiosk.services.actor import Actor
from kiosk.services.print_jobs import (
    PrintJobView,
    get_print_job,
    job_payload,
    queue_print_job,
    record_print_result,
)
from kiosk.services.setup import require_site
from kiosk.services.tickets import TicketView
from kiosk.services.walk_in import WalkInResult


@dataclass(frozen=True)
class PrintOutcome:
    """The stored job and either the printer's note or the fault message."""

    job: PrintJobView
    ok: bool
    message: str
    certain: bool = True  # False: written but unanswered, the job is "belum pasti"


def _send_and_record(
    gateway: Gateway,
    actor: Actor,
    job: PrintJobView,
    payload: bytes,
    printer: ThermalPrinter,
    profile: str,
) -> PrintOutcome:
    try:
        sent = printer.send(job.printer_uri, payload, profile)
    except PrinterFault as fault:
        stored = gateway.call(record_print_result, actor, job.id, False, fault.message)
        return PrintOutcome(stored, False, fault.message)
    if not sent.certain:  # written, but the printer never answered: not "terkirim"
        stored = gateway.call(record_print_result, actor, job.id, True, sent.note, False)
        return PrintOutcome(stored, True, sent.note, certain=False)
    stored = gateway.call(record_print_result, actor, job.id, True, None)
    return PrintOutcome(stored, True, sent.note)


def print_slip(
    gateway: Gateway,
    actor: Actor,
    kind: str,
    payload: bytes,
    printer_uri: str,
    printer: ThermalPrinter,
    profile: str = "default",
    ticket_id: uuid.UUID | None = None,
    reference: str = "",
) -> PrintOutcome:
    """Commit the job before sending, so a dead printer never loses the slip; ``reference``
    (A001, a tracking number) is how the officer finds it again on the Printer page."""
    job = gateway.call(
        queue_print_job,
        actor,
        kind,
        payload,
        printer_uri,
        ticket_id=ticket_id,
        reference=reference,
    )
    return _send_and_record(gateway, actor, job, payload, printer, profile)


def reprint(
    gateway: Gateway,
    actor: Actor,
    job_id: uuid.UUID,
    printer: ThermalPrinter,
    printer_uri: str | None = None,
    profile: str = "default",
) -> PrintOutcome:
    """Send a kept job again (to its printer, or another one if the first is broken)."""
    payload, stored_uri = gateway.call(job_payload, actor, job_id)
    job = gateway.call(get_print_job, actor, job_id)
    if printer_uri and printer_uri != stored_uri:
        job = replace(job, printer_uri=printer_uri)
    return _send_and_record(gateway, actor, job, payload, printer, profile)


def print_ticket(
    gateway: Gateway,
    actor: Actor,
    ticket: TicketView,
    printer_uri: str,
    width: int,
    printer: ThermalPrinter,
    clock: Clock,
) -> PrintOutcome:
    """The ticket on the counter's paper, as a kept job (reprintable)."""
    slip = printer.ticket(gateway.call(require_site), ticket, width, clock)
    return print_slip(
        gateway,
        actor,
        "tiket",
        slip.payload,
        printer_uri,
        printer,
        slip.profile,
        ticket.id,
        ticket.label,
    )


def print_receipt(
    gateway: Gateway,
    actor: Actor,
    result: WalkInResult,
    printer_uri: str,
    width: int,
    printer: ThermalPrinter,
    clock: Clock,
) -> PrintOutcome:
    """The thermal receipt as a kept job, rendered on the device thread (no database wait on
    the window's thread, no printer wait on the database's)."""
    site = gateway.call(require_site)
    slip = printer.receipt(site, result, actor.full_name, width, clock)
    return print_slip(
        gateway,
        actor,
        "tanda_terima",
        slip.payload,
        printer_uri,
        printer,
        slip.profile,
        reference=result.tracking_number,
    )
