"""The one way a slip reaches paper: keep the job, send it, record what the printer said."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from kiosk.context import Gateway
from kiosk.services.actor import Actor
from kiosk.services.print_jobs import (
    PrintJobView,
    get_print_job,
    job_payload,
    queue_print_job,
    record_print_result,
)
from printing.devices import PrinterFault, send


@dataclass(frozen=True)
class PrintOutcome:
    """The stored job and either the printer's note or the fault message."""

    job: PrintJobView
    ok: bool
    message: str


def _send_and_record(
    gateway: Gateway, actor: Actor, job: PrintJobView, payload: bytes, profile: str
) -> PrintOutcome:
    try:
        result = send(job.printer_uri, payload, profile=profile)
    except PrinterFault as fault:
        stored = gateway.call(record_print_result, actor, job.id, False, fault.message)
        return PrintOutcome(stored, False, fault.message)
    stored = gateway.call(record_print_result, actor, job.id, True, None)
    return PrintOutcome(stored, True, result.note)


def print_slip(
    gateway: Gateway,
    actor: Actor,
    kind: str,
    payload: bytes,
    printer_uri: str,
    profile: str = "default",
    ticket_id: uuid.UUID | None = None,
) -> PrintOutcome:
    """Commit the job before sending, so a dead printer never loses the slip."""
    job = gateway.call(queue_print_job, actor, kind, payload, printer_uri, ticket_id=ticket_id)
    return _send_and_record(gateway, actor, job, payload, profile)


def reprint(
    gateway: Gateway,
    actor: Actor,
    job_id: uuid.UUID,
    printer_uri: str | None = None,
    profile: str = "default",
) -> PrintOutcome:
    """Send a kept job again (to its printer, or another one if the first is broken)."""
    payload, stored_uri = gateway.call(job_payload, actor, job_id)
    job = gateway.call(get_print_job, actor, job_id)
    if printer_uri and printer_uri != stored_uri:
        job = PrintJobView(
            job.id,
            job.kind,
            job.title,
            printer_uri,
            job.status,
            job.attempts,
            job.last_error,
            job.created_at,
        )
    return _send_and_record(gateway, actor, job, payload, profile)
