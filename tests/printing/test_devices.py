"""Printer faults against a real TCP printer on 127.0.0.1."""

import time

import pytest

from printing.devices import PrinterFault, PrinterUri, send

PAYLOAD = b"\x1b@Halo dunia\n" * 20


def test_healthy_network_printer_receives_the_exact_bytes_and_confirms(fake_printer):
    printer = fake_printer("ok")
    result = send(printer.uri, PAYLOAD, timeout=1)
    assert result.confirmed
    assert printer.wait_for(len(PAYLOAD)) == PAYLOAD


def test_paper_out_is_reported_before_anything_is_sent(fake_printer):
    printer = fake_printer("paper_out")
    with pytest.raises(PrinterFault) as fault:
        send(printer.uri, PAYLOAD, timeout=1)
    assert fault.value.code == "kertas_habis" and "kertas" in fault.value.message.lower()
    time.sleep(0.1)
    assert bytes(printer.received) == b""


def test_silent_printer_is_sent_but_not_claimed_printed(fake_printer):
    printer = fake_printer("silent")
    result = send(printer.uri, PAYLOAD, timeout=1)
    assert not result.confirmed and "tidak menjawab" in result.note
    assert printer.wait_for(len(PAYLOAD)) == PAYLOAD


def test_printer_that_is_off_gives_a_clear_message(fake_printer):
    printer = fake_printer("ok")
    uri = printer.uri
    printer.close()
    with pytest.raises(PrinterFault) as fault:
        send(uri, PAYLOAD, timeout=1)
    assert fault.value.code == "tidak_ditemukan" and "Nyalakan printer" in fault.value.message


def test_dropping_printer_is_never_taken_as_printed(fake_printer):
    printer = fake_printer("drop")
    try:
        result = send(printer.uri, PAYLOAD, timeout=1)
    except PrinterFault as fault:
        assert fault.code in {"terputus", "gagal", "waktu_habis"}
    else:
        assert not result.confirmed


def test_stalled_printer_times_out_quickly(fake_printer):
    printer = fake_printer("stall")
    start = time.monotonic()
    with pytest.raises(PrinterFault) as fault:
        send(printer.uri, b"x" * 4_000_000, timeout=0.5)
    assert fault.value.code == "waktu_habis"
    assert time.monotonic() - start < 5


def test_file_printer_and_uri_forms(tmp_path):
    target = tmp_path / "cetak.bin"
    assert not send(f"file:{target}", PAYLOAD).confirmed
    assert target.read_bytes() == PAYLOAD
    assert PrinterUri.parse("usb:0416:5011") == PrinterUri("usb", "0416", "5011")
    assert PrinterUri.parse("serial:/dev/ttyUSB0:19200") == PrinterUri(
        "serial", "/dev/ttyUSB0", "19200"
    )
    assert PrinterUri.parse("net:10.0.0.5") == PrinterUri("net", "10.0.0.5", None)
    with pytest.raises(PrinterFault) as bad:
        PrinterUri.parse("lpt1")
    assert bad.value.code == "alamat_tidak_valid"
