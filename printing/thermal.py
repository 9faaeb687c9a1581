"""Queue tickets and receipts as ESC/POS bytes, built with python-escpos's Dummy printer.

Rendering only produces bytes; sending them is ``printing.devices``' job. Keeping the two apart
lets the bytes be stored as a print job first, so a dead printer never loses a ticket.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escpos.printer import Dummy

from kiosk.tracking import short_tracking
from printing.paper import Paper
from printing.text import printable, two_columns, wrap


@dataclass(frozen=True)
class TicketSlip:
    """What a queue ticket says."""

    office_name: str
    label: str  # "A001"
    service: str  # "Pengaduan / keluhan"
    issued: str  # "23-11-2026 10:30 WIB"
    waiting_ahead: int
    priority: bool = False  # marked "PRIORITAS"; the kind is never printed (public slip)
    estimated_wait: str = ""  # "sekitar 15 menit"


@dataclass(frozen=True)
class ReceiptSlip:
    """What a visit receipt says. ``nik_masked`` is already masked: the slip never sees a NIK."""

    office_name: str
    office_address: str
    tracking_number: str
    issued: str
    name: str
    nik_masked: str
    service: str
    summary: str
    next_steps: str
    status_help: str
    officer: str
    provisional: bool = True
    extra_lines: tuple[tuple[str, str], ...] = field(default=())
    qr_text: str = ""  # the status page's link; the bare tracking number when empty


def _printer(paper: Paper) -> Dummy:
    return Dummy(profile=paper.profile)


def _finish(p: Dummy, paper: Paper) -> bytes:
    if paper.has_cutter:
        p.cut()
    else:
        p.ln(4)  # 58 mm printers have no cutter: feed so the slip can be torn off
    return bytes(p.output)


def _centered(p: Dummy, paper: Paper, text: str, **style: object) -> None:
    p.set(align="center", **style)
    for line in wrap(text, paper.columns):
        p.textln(line)


def render_ticket(slip: TicketSlip, paper: Paper) -> bytes:
    """Office, a large number, service, time, people ahead, priority mark."""
    p = _printer(paper)
    _centered(p, paper, slip.office_name, bold=True)
    p.set(align="center", bold=False, normal_textsize=True)
    p.textln("NOMOR ANTRIAN")
    p.set(align="center", custom_size=True, width=4, height=4, bold=True)
    p.textln(printable(slip.label))
    p.set(align="center", normal_textsize=True, bold=False)
    if slip.priority:
        p.set(align="center", bold=True, invert=True)
        p.textln(" PRIORITAS ")
        p.set(bold=False, invert=False)
    _centered(p, paper, slip.service)
    p.textln(printable(slip.issued))
    ahead = (
        "Tidak ada antrian di depan Anda"
        if slip.waiting_ahead == 0
        else (f"Menunggu di depan Anda: {slip.waiting_ahead} orang")
    )
    _centered(p, paper, ahead)
    if slip.waiting_ahead and slip.estimated_wait:
        _centered(p, paper, f"Perkiraan menunggu: {slip.estimated_wait}")
    p.set(align="center")
    p.textln("-" * paper.columns)
    _centered(p, paper, "Simpan tiket ini sampai nomor Anda dipanggil.")
    return _finish(p, paper)


def render_receipt(slip: ReceiptSlip, paper: Paper) -> bytes:
    """Tracking number, masked NIK, summary, next steps, how to ask, QR of the tracking number."""
    p = _printer(paper)
    cols = paper.columns
    _centered(p, paper, slip.office_name, bold=True)
    _centered(p, paper, slip.office_address)
    p.set(align="center", bold=True)
    p.textln("TANDA TERIMA LAYANAN")
    if slip.provisional:
        p.set(align="center", bold=True, invert=True)
        p.textln(" SEMENTARA ")
        p.set(invert=False, bold=False)
        _centered(p, paper, "Belum diterima server kabupaten. Nomor lacak tetap berlaku.")
    p.set(align="left", bold=False)
    p.textln("-" * cols)
    p.textln("Nomor lacak:")
    p.set(bold=True, double_height=True)
    p.textln(printable(slip.tracking_number))
    p.set(normal_textsize=True, bold=False)
    p.textln(printable(f"Nomor singkat: {short_tracking(slip.tracking_number)}"))
    rows = [
        ("Tanggal", slip.issued),
        ("Nama", slip.name),
        ("NIK", slip.nik_masked),
        ("Layanan", slip.service),
        *slip.extra_lines,
    ]
    for label, value in rows:
        for line in two_columns(label, value, cols).splitlines():
            p.textln(line)
    p.textln("-" * cols)
    for title, body in (
        ("Ringkasan:", slip.summary),
        ("Langkah berikutnya:", slip.next_steps),
        ("Menanyakan status:", slip.status_help),
    ):
        p.set(bold=True)
        p.textln(title)
        p.set(bold=False)
        for line in wrap(body, cols):
            p.textln(line)
    p.set(align="center")
    size = 5 if paper.width_mm == 58 else 7
    if paper.native_qr:
        p.qr(slip.qr_text or slip.tracking_number, size=size, native=True)
        p.ln()
    else:  # print as an image: a native QR command is ignored by printers that lack it
        p.qr(slip.qr_text or slip.tracking_number, size=size, native=False, center=True)
    p.set(align="center")
    p.textln(printable(f"Petugas: {slip.officer}"))
    _centered(p, paper, "Data Anda dijaga kerahasiaannya.")
    return _finish(p, paper)
