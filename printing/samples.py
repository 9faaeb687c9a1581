"""Sample slips for a test print: no personal data, so no log-in is needed to print them."""

from __future__ import annotations

from kiosk.clock import Clock, tanggal_jam
from kiosk.services.setup import SiteView
from printing.thermal import ReceiptSlip, TicketSlip


def sample_ticket(office: str, clock: Clock | None = None) -> TicketSlip:
    clock = clock or Clock()
    return TicketSlip(
        office,
        "A001",
        "Pengaduan / keluhan (UJI CETAK)",
        tanggal_jam(clock.now(), clock),
        2,
        True,
    )


def sample_receipt(office: str, address: str = "", clock: Clock | None = None) -> ReceiptSlip:
    clock = clock or Clock()
    return ReceiptSlip(
        office_name=office,
        office_address=address or "Alamat kantor",
        tracking_number="UJI-0000-00000",
        issued=tanggal_jam(clock.now(), clock),
        name="Contoh Warga Ñame Àksen",
        nik_masked="3324********0001",
        service="Uji cetak",
        summary="Ini hanya contoh: huruf, garis, kode QR dan potongan.",
        next_steps="Bila tercetak rapi dan kode QR terbaca, printer siap dipakai.",
        status_help="Tidak ada status: ini cetakan uji.",
        officer="Uji cetak",
    )


def sample_a4(site: SiteView | None) -> bytes:
    """A sample receipt on A4 to check the office printer and letterhead (marked UJI)."""
    from datetime import date

    from printing import documents as d

    if site is None:
        raise ValueError("Puskesos belum diatur.")
    person = d.PersonFacts(
        "Contoh Warga", "3324010101900001", birth="Contoh, 1 Januari 1990", address="Alamat contoh"
    )
    facts = d.ReceiptFacts(
        "UJI-0000-00000",
        "Uji cetak A4",
        (("Keterangan", "Cetakan uji"),),
        "Bila kop surat, huruf dan tanda tangan rapi, printer siap dipakai.",
        "Tidak ada status: ini cetakan uji.",
        "Uji cetak",
    )
    return d.complaint_receipt(
        d.Header(site, "UJI/0000", date.today(), provisional=True), person, facts
    )
