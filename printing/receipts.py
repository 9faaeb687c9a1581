"""Slips and PDFs for the walk-in, built from what the services return."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.clock import Clock, tanggal, tanggal_jam
from kiosk.context import Gateway
from kiosk.formatting import angka
from kiosk.services.actor import Actor
from kiosk.services.print_jobs import next_document_number, store_document
from kiosk.services.queue import TicketView
from kiosk.services.setup import SiteView, get_site
from kiosk.services.walk_in import WalkInResult
from printing import documents as d
from printing.jobs import PrintOutcome, print_slip
from printing.paper import Paper
from printing.thermal import ReceiptSlip, TicketSlip, render_receipt, render_ticket


def ticket_slip(site: SiteView, ticket: TicketView, clock: Clock) -> TicketSlip:
    return TicketSlip(
        site.name,
        ticket.label,
        ticket.service_label,
        tanggal_jam(ticket.issued_at, clock),
        ticket.waiting_ahead,
        ticket.priority_label,
        f"sekitar {angka(max(1, ticket.estimated_wait_minutes))} menit",
    )


def print_ticket(
    gateway: Gateway,
    actor: Actor,
    ticket: TicketView,
    printer_uri: str,
    width: int,
    clock: Clock,
) -> PrintOutcome:
    """Render the ticket for the counter's paper and print it as a kept job (reprintable)."""
    paper = Paper.of(width)
    site = gateway.call(get_site)
    payload = render_ticket(ticket_slip(site, ticket, clock), paper)
    return print_slip(
        gateway, actor, "tiket", payload, printer_uri, paper.profile, ticket_id=ticket.id
    )


def receipt_slip(site: SiteView, result: WalkInResult, officer: str, clock: Clock) -> ReceiptSlip:
    return ReceiptSlip(
        office_name=site.name,
        office_address=site.address,
        tracking_number=result.tracking_number,
        issued=tanggal_jam(clock.now(), clock),
        name=result.person_name,
        nik_masked=result.nik_masked,
        service=result.service,
        summary=result.summary,
        next_steps=result.next_steps,
        status_help=result.status_help,
        officer=officer,
        provisional=result.provisional,
        extra_lines=(("Batas jawaban", tanggal(result.due_on)),),
    )


def print_receipt(
    gateway: Gateway,
    actor: Actor,
    result: WalkInResult,
    printer_uri: str,
    width: int,
    clock: Clock,
) -> PrintOutcome:
    """The thermal receipt as a kept job, rendered on the device thread (no database wait on
    the window's thread, no printer wait on the database's)."""
    paper = Paper.of(width)
    site = gateway.call(get_site)
    payload = render_receipt(receipt_slip(site, result, actor.full_name, clock), paper)
    return print_slip(gateway, actor, "tanda_terima", payload, printer_uri, paper.profile)


def receipt_pdf(
    site: SiteView, result: WalkInResult, number: str, officer: str, clock: Clock
) -> bytes:
    """A4 receipt; the NIK arrives already masked from the service."""
    person = d.PersonFacts(result.person_name, None)
    masked = result.nik_masked if result.nik_masked not in ("", "-") else None
    facts = d.ReceiptFacts(
        result.tracking_number,
        result.service,
        (
            *((("NIK", masked),) if masked else ()),
            ("Ringkasan", result.summary),
            ("Batas jawaban", tanggal(result.due_on)),
        ),
        result.next_steps,
        result.status_help,
        officer,
    )
    return d.complaint_receipt(
        d.Header(site, number, clock.today(), result.provisional), person, facts
    )


def issue_receipt_pdf(gateway: Gateway, actor: Actor, result: WalkInResult, clock: Clock) -> bytes:
    """Number, render and store the A4 receipt in one transaction (no gap in the numbering)."""

    def issue(session: Session) -> bytes:
        site = get_site(session)
        number = next_document_number(session, "tanda_terima", clock)
        pdf = receipt_pdf(site, result, number, actor.full_name, clock)
        store_document(
            session, actor, "tanda_terima", number, "case", result.case_id, pdf, result.provisional
        )
        return pdf

    return gateway.call(issue)
