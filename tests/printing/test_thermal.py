"""Tickets and receipts checked on the real ESC/POS byte stream, QR read back with zxing."""

import pytest
import zxingcpp

from printing.decode import decode
from printing.paper import Paper
from printing.thermal import ReceiptSlip, TicketSlip, render_receipt, render_ticket

TICKET = TicketSlip(
    "Puskesos Desa Sukamaju",
    "A007",
    "Pengaduan / keluhan",
    "23-11-2026 10:30 WIB",
    3,
    True,
)
RECEIPT = ReceiptSlip(
    office_name="Puskesos Desa Sukamaju",
    office_address="Jl. Raya Sukamaju No. 1",
    tracking_number="3324012001-2611-00017",
    issued="23-11-2026 10:41 WIB",
    name="Siti Fätimah Zahrá",
    nik_masked="3324********0003",
    service="Pengaduan PKH",
    summary="Sejak Mei tidak menerima “PKH” — padahal masih terdaftar.",
    next_steps="Ditinjau back office paling lambat 5 hari kerja (30 November 2026).",
    status_help="Telepon 0812-3456-7890 atau datang membawa nomor lacak ini.",
    officer="Siti Rahayu",
)


@pytest.mark.parametrize("width", [58, 80])
def test_ticket_has_a_large_centred_number_and_fits_the_paper(width):
    paper = Paper.of(width)
    out = decode(render_ticket(TICKET, paper))
    number = out.find("A007")
    assert (number.align, number.width, number.height, number.bold) == ("center", 4, 4, True)
    assert "Puskesos Desa Sukamaju" in out.text and "Pengaduan / keluhan" in out.text
    assert "Menunggu di depan Anda: 3 orang" in out.text
    assert out.find("PRIORITAS").invert
    assert all(len(line.text) * line.width <= paper.columns for line in out.lines)


def test_58mm_has_no_cutter_so_it_feeds_and_80mm_cuts():
    assert decode(render_ticket(TICKET, Paper.of(58))).cuts == 0
    assert decode(render_ticket(TICKET, Paper.of(80))).cuts == 1


def test_ticket_without_queue_ahead_says_so():
    slip = TicketSlip("P", "B001", "Informasi", "23-11-2026 08:00 WIB", 0)
    text = decode(render_ticket(slip, Paper.of(58))).text
    assert "Tidak ada antrian di depan Anda" in text and "PRIORITAS" not in text


@pytest.mark.parametrize("width", [58, 80])
def test_receipt_content_layout_and_privacy(width):
    paper = Paper.of(width)
    raw = render_receipt(RECEIPT, paper)
    out = decode(raw)
    assert "3324012001-2611-00017" in out.text
    assert "Siti Fatimah Zahra" in out.text  # accents folded for the code page
    assert '"PKH" - padahal' in out.text.replace("\n", " ")  # quotes, dash straightened
    assert "3324********0003" in out.text and b"3324015708900003" not in raw
    assert out.find("SEMENTARA").invert
    assert all(len(line.text) * line.width <= paper.columns for line in out.lines)
    assert max(raw) < 0x80 or all(b < 0x80 for b in out.text.encode())


def test_58mm_receipt_prints_qr_as_an_image_that_scans():
    out = decode(render_receipt(RECEIPT, Paper.of(58)))
    assert out.native_qr == []
    found = [r.text for img in out.images for r in zxingcpp.read_barcodes(img)]
    assert found == ["3324012001-2611-00017"]
    assert all(img.width <= 384 for img in out.images)


def test_80mm_profile_with_native_qr_uses_the_printer_command():
    out = decode(render_receipt(RECEIPT, Paper.of(80)))
    assert out.native_qr == ["3324012001-2611-00017"] and out.images == []


def test_final_receipt_is_not_marked_provisional():
    from dataclasses import replace

    text = decode(render_receipt(replace(RECEIPT, provisional=False), Paper.of(58))).text
    assert "SEMENTARA" not in text


def test_unknown_paper_width_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="58 atau 80"):
        Paper.of(76)
