"""Printers by URI, with short timeouts and messages an officer can act on.

URIs: ``usb:VID:PID`` (hex), ``serial:/dev/ttyUSB0[:baud]``, ``net:HOST[:PORT]``,
``cups:NAME``, ``win32:NAME``, ``file:PATH``. A network printer is asked for its paper status
(DLE EOT 4) before the job is sent; no answer is taken neither as "printed" nor as "sent": the
job stays "belum pasti".
"""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass
from typing import Any

from escpos import exceptions as escpos_errors

from kiosk.ports import PrinterFault

DLE_EOT_PAPER = b"\x10\x04\x04"
CONNECT_TIMEOUT = 3.0
STATUS_WAIT = 0.6


@dataclass(frozen=True)
class SendResult:
    """``confirmed`` is True only when the printer answered a status query with paper present;
    ``certain`` is False when the bytes were written but the printer never answered (it may
    have swallowed them: a printer that accepts and never reads fills its buffer first)."""

    confirmed: bool
    note: str
    certain: bool = True


@dataclass(frozen=True)
class PrinterUri:
    scheme: str
    target: str
    option: str | None = None

    @classmethod
    def parse(cls, uri: str) -> PrinterUri:
        scheme, _, rest = uri.strip().partition(":")
        scheme = scheme.lower()
        if scheme not in {"usb", "serial", "net", "cups", "win32", "file"} or not rest:
            raise PrinterFault(
                f"Alamat printer '{uri}' tidak dikenal. Contoh: usb:0416:5011, "
                "serial:/dev/ttyUSB0, net:192.168.1.50:9100, cups:NAMA, win32:NAMA, "
                "file:/tmp/x.bin",
                "alamat_tidak_valid",
            )
        if scheme in {"usb", "net"} or (scheme == "serial" and rest.count(":") == 1):
            target, _, option = rest.partition(":")
            return cls(scheme, target, option or None)
        return cls(scheme, rest)


def _open(uri: PrinterUri, profile: str, timeout: float) -> Any:
    try:
        if uri.scheme == "net":
            from escpos.printer import Network

            port = int(uri.option or 9100)
            return Network(uri.target, port=port, timeout=timeout, profile=profile)
        if uri.scheme == "usb":
            from escpos.printer import Usb

            return Usb(
                int(uri.target, 16), int(uri.option or "0", 16), timeout=2000, profile=profile
            )
        if uri.scheme == "serial":
            from escpos.printer import Serial

            return Serial(
                uri.target,
                baudrate=int(uri.option or 9600),
                timeout=timeout,
                profile=profile,
            )
        if uri.scheme == "cups":
            from escpos.printer import CupsPrinter

            return CupsPrinter(uri.target, profile=profile)
        if uri.scheme == "win32":
            from escpos.printer import Win32Raw

            return Win32Raw(uri.target, profile=profile)
        from escpos.printer import File

        return File(uri.target, profile=profile)
    except ValueError as exc:
        raise PrinterFault(f"Alamat printer tidak valid: {exc}", "alamat_tidak_valid") from exc


def _fault(exc: BaseException) -> PrinterFault:
    if isinstance(exc, PrinterFault):
        return exc
    if isinstance(exc, TimeoutError | socket.timeout):
        return PrinterFault(
            "Printer tidak merespons (waktu habis). Periksa apakah printer "
            "menyala dan kertasnya terpasang, lalu cetak ulang.",
            "waktu_habis",
        )
    if isinstance(exc, ConnectionRefusedError | escpos_errors.DeviceNotFoundError):
        return PrinterFault(
            "Printer tidak ditemukan atau mati. Nyalakan printer dan periksa kabel/jaringan, "
            "lalu cetak ulang dari daftar cetakan.",
            "tidak_ditemukan",
        )
    if isinstance(exc, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
        return PrinterFault(
            "Sambungan ke printer terputus saat mencetak. Periksa hasilnya dan "
            "cetak ulang bila tidak lengkap.",
            "terputus",
        )
    if isinstance(exc, escpos_errors.USBNotFoundError):
        return PrinterFault(
            "Printer USB tidak ditemukan. Colokkan kabel USB dan nyalakan printer.",
            "tidak_ditemukan",
        )
    if isinstance(exc, ModuleNotFoundError):
        return PrinterFault(
            f"Dukungan jenis printer ini belum terpasang ({exc.name}).", "dukungan_tidak_ada"
        )
    if isinstance(exc, PermissionError):
        return PrinterFault(
            "Tidak ada izin membuka perangkat printer. Minta administrator "
            "memberi izin (grup lp/dialout).",
            "izin",
        )
    if isinstance(exc, OSError):
        return PrinterFault(
            f"Printer tidak dapat dipakai ({exc.strerror or exc}). Periksa "
            "sambungan lalu cetak ulang.",
            "gagal",
        )
    return PrinterFault("Printer gagal mencetak. Cetak ulang dari daftar cetakan.", "gagal")


def _paper_status(printer: Any, timeout: float) -> bool | None:
    """True: paper present; False: paper out; None: the printer did not answer."""
    device = printer.device
    printer._raw(DLE_EOT_PAPER)
    device.settimeout(STATUS_WAIT)
    try:
        reply = device.recv(1)
    except TimeoutError:
        return None
    finally:
        device.settimeout(timeout)
    if not reply:  # the printer hung up: nothing sent on this connection will print
        raise ConnectionResetError("printer closed the connection")
    return not bool(reply[0] & 0x60)


def send(
    uri: str, payload: bytes, profile: str = "default", timeout: float = CONNECT_TIMEOUT
) -> SendResult:
    """Send ``payload``; raise :class:`PrinterFault` with the officer's next step on failure."""
    parsed = PrinterUri.parse(uri)
    printer = None
    try:
        if parsed.scheme == "file":
            # Appended, not truncated (python-escpos' File opens "wb"): a ticket and a receipt
            # sent one after the other to a file or /dev/usb/lp0 both stay.
            with open(parsed.target, "ab") as f:
                f.write(payload)
            return SendResult(False, f"Ditulis ke berkas {parsed.target}.")
        printer = _open(parsed, profile, timeout)
        if parsed.scheme == "net":
            printer.open()
            paper = _paper_status(printer, timeout)
            if paper is False:
                raise PrinterFault(
                    "Kertas printer habis. Pasang gulungan kertas baru, lalu cetak ulang.",
                    "kertas_habis",
                )
            printer._raw(payload)
            time.sleep(0.05)  # let the last segment leave before closing
            if paper:
                return SendResult(True, "Terkirim ke printer.")
            return SendResult(
                False,
                "Belum pasti tercetak: printer menerima sambungan tetapi tidak menjawab "
                "pemeriksaan status. Periksa apakah kertasnya keluar; bila tidak, cetak ulang "
                "dari halaman Printer.",
                certain=False,
            )
        printer._raw(payload)
        return SendResult(False, "Terkirim ke printer. Pastikan kertasnya keluar.")
    except BaseException as exc:  # every failure becomes the officer's message
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise _fault(exc) from exc
    finally:
        if printer is not None:
            with contextlib.suppress(Exception):  # closing a dead printer must not mask the cause
                printer.close()
