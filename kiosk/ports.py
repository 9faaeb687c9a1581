"""What the core asks of printers and renderers, as Protocols the composition root fills in.

The core decides (numbers, stores, keeps the job before sending); ``printing/`` only renders
and sends bytes. Tests pass fakes or the real renderers; the window and the command line pass
:class:`printing.receipts.EscposThermal` and :class:`printing.letters.PdfDocuments`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from kiosk.clock import Clock
    from kiosk.services.dtks_check import OnlineAnswer
    from kiosk.services.letters import CaseLetter
    from kiosk.services.setup import SiteView
    from kiosk.services.tickets import TicketView
    from kiosk.services.walk_in import WalkInResult


class PrinterFault(Exception):
    """Why a job could not be printed, in Bahasa Indonesia, with what to do."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


class Slip(NamedTuple):
    """A rendered thermal slip and the printer profile it was rendered for."""

    payload: bytes
    profile: str


class Sent(NamedTuple):
    """What the printer said to a job that was written: its note, and ``certain`` only when
    the printer answered in time. A printer that takes the bytes and never answers may have
    printed nothing, so such a job is "belum pasti", never "terkirim"."""

    note: str
    certain: bool = True


class ThermalPrinter(Protocol):
    """Renders the counter's slips and sends bytes to a printer."""

    def ticket(self, site: SiteView, ticket: TicketView, width: int, clock: Clock) -> Slip: ...

    def receipt(
        self, site: SiteView, result: WalkInResult, officer: str, width: int, clock: Clock
    ) -> Slip: ...

    def send(self, uri: str, payload: bytes, profile: str) -> Sent:
        """The printer's note and whether it answered; raises :class:`PrinterFault`."""
        ...


class DocumentRenderer(Protocol):
    """Renders the numbered A4 documents as PDF bytes."""

    def letter(
        self, kind: str, site: SiteView, facts: CaseLetter, number: str, clock: Clock
    ) -> bytes: ...

    def receipt(
        self, site: SiteView, result: WalkInResult, number: str, officer: str, clock: Clock
    ) -> bytes: ...


class OnlineRegister(Protocol):
    """The kabupaten's online DTKS lookup, as the counter may use it (``sync/online_dtks.py``).

    ``lookup`` returns within ``deadline_s`` whatever the link does: the answer, or a sentence
    in Indonesian saying why there is none (not set up, offline, too slow, refused)."""

    def lookup(self, nik: str, deadline_s: float) -> OnlineAnswer | str: ...
