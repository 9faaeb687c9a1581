"""What every window and page receives through its constructor (no app-wide singletons)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QObject

from kiosk.clock import Clock
from kiosk.context import Gateway, Service
from kiosk.ports import DocumentRenderer, ThermalPrinter
from kiosk.sealing import Sealer
from kiosk.services.actor import Actor
from kiosk.services.slips import PrintOutcome, print_ticket
from kiosk.services.tickets import TicketView
from ui.local_settings import LocalSettings
from ui.ops import ChangeHub, Op, SyncExecutor, ThreadExecutor

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class UiEnv:
    """Gateway to the core, where work runs, the display settings and demo mode."""

    gateway: Gateway
    executor: ThreadExecutor | SyncExecutor
    settings: LocalSettings
    clock: Clock
    demo: bool = False
    drafts_dir: Path | None = None  # where unsaved forms are kept (None: not kept)
    sealer: Sealer | None = field(default=None, repr=False)  # seals the drafts on disk
    board: Any = field(default=None, repr=False)  # the public queue board, once opened
    # Printers and the network get threads of their own: a hanging printer must never hold up
    # a database call (the single database worker) or the event loop.
    devices: ThreadExecutor | SyncExecutor | None = field(default=None, repr=False)
    sync: Any = field(default=None, repr=False)  # the background SyncRunner
    told_no_voice: bool = False  # the officer has been told the board has no voice
    told_unsure_print: bool = False  # ... that a printer took a slip without answering
    # The kabupaten's online DTKS lookup (kiosk.ports.OnlineRegister); None: snapshot only.
    online: Any = field(default=None, repr=False)
    # Every op tells it which kinds of record it changed; pages showing them reload.
    changes: ChangeHub = field(default_factory=ChangeHub, repr=False)

    def op(
        self,
        parent: QObject,
        service: Service[P, T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Op[T]:
        """Run ``service`` in one transaction off the UI thread (checked like ``Gateway.call``)."""
        return Op(
            parent,
            self.executor,
            lambda: self.gateway.call(service, *args, **kwargs),
            self.changes,
        )

    def device(
        self, parent: QObject, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> Op[T]:
        """Run ``fn`` (a print, a network call) on the device threads, never the database's."""
        return Op(parent, self.devices or self.executor, lambda: fn(*args, **kwargs), self.changes)

    @property
    def thermal(self) -> ThermalPrinter:
        """The counter's printer as the core sees it (python-escpos loads with the first slip)."""
        from printing.receipts import EscposThermal

        return EscposThermal()

    @property
    def documents(self) -> DocumentRenderer:
        """The A4 renderer the core numbers and stores documents with."""
        from printing.receipts import PdfDocuments

        return PdfDocuments()

    def print_ticket(
        self, parent: QObject, actor: Actor, ticket: TicketView
    ) -> Op[PrintOutcome] | None:
        """The ticket slip to the counter's printer on the device threads, as a kept job;
        None when this computer has no printer set (the caller shows the number instead)."""
        uri = str(self.settings.get("printer_uri") or "")
        if not uri:
            return None
        width = int(self.settings.get("paper_width"))
        return self.device(
            parent, print_ticket, self.gateway, actor, ticket, uri, width, self.thermal, self.clock
        )

    def run(self, parent: QObject, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Op[T]:
        """Run ``fn`` (which opens its own transactions, e.g. a print flow) off the UI thread."""
        return Op(parent, self.executor, lambda: fn(*args, **kwargs), self.changes)
