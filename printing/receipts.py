"""Slips and PDFs for the walk-in, built from what the services return, and the two objects the
composition root hands the core: the thermal printer and the A4 renderer."""

from __future__ import annotations

from kiosk.clock import Clock, tanggal, tanggal_jam
from kiosk.formatting import angka
from kiosk.ports import Sent, Slip
from kiosk.services.letters import CaseLetter
from kiosk.services.setup import SiteView
from kiosk.services.tickets import TicketView
from kiosk.services.walk_in import WalkInResult
from printing import documents as d
from printing.devices import send
from printing.letters import letter_pdf
from printing.paper import Paper
from printing.thermal import ReceiptSlip, TicketSlip, render_receipt, render_ticket


def ticket_slip(site: SiteView, ticket: TicketView, clock: Clock) -> TicketSlip:
    return TicketSlip(
        site.name,
        ticket.label,
        ticket.service_label,
        tanggal_jam(ticket.issued_at, clock),
        ticket.waiting_ahead,
        ticket.public_priority is not None,
        f"sekitar {angka(max(1, ticket.estimated_wait_minutes))} menit",
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
        qr_text=result.qr_text,
    )


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
        result.qr_text,
    )
    return d.complaint_receipt(
        d.Header(site, number, clock.today(), result.provisional), person, facts
    )


class EscposThermal:
    """The counter's thermal printer as the core sees it (``kiosk.ports.ThermalPrinter``)."""

    def ticket(self, site: SiteView, ticket: TicketView, width: int, clock: Clock) -> Slip:
        paper = Paper.of(width)
        return Slip(render_ticket(ticket_slip(site, ticket, clock), paper), paper.profile)

    def receipt(
        self, site: SiteView, result: WalkInResult, officer: str, width: int, clock: Clock
    ) -> Slip:
        paper = Paper.of(width)
        return Slip(
            render_receipt(receipt_slip(site, result, officer, clock), paper), paper.profile
        )

    def send(self, uri: str, payload: bytes, profile: str) -> Sent:
        result = send(uri, payload, profile=profile)
        return Sent(result.note, result.certain)


class PdfDocuments:
    """The numbered A4 documents as the core sees them (``kiosk.ports.DocumentRenderer``)."""

    def letter(
        self, kind: str, site: SiteView, facts: CaseLetter, number: str, clock: Clock
    ) -> bytes:
        return letter_pdf(kind, site, facts, number, clock)

    def receipt(
        self, site: SiteView, result: WalkInResult, number: str, officer: str, clock: Clock
    ) -> bytes:
        return receipt_pdf(site, result, number, officer, clock)
