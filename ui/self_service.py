"""Ambil nomor antrian: the self-service ticket screen for a second laptop or a touchscreen at
the door.

It runs under the office's queue-kiosk account (role ``queue_kiosk``: tickets and printing
only), full screen, with one large button per service and one for priority visitors (elderly,
disabled, pregnant …). Touch or keyboard: the digit keys choose a service, P the priority list,
Esc goes back. The slip prints as a kept job like the counter's; without a printer the number
stays on screen longer for the citizen to note. Nothing personal is asked or shown.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.actor import Actor
from kiosk.services.reference import Choice, choices
from kiosk.services.setup import SiteView, get_site
from kiosk.services.slips import PrintOutcome
from kiosk.services.tickets import TicketView, door_priorities, issue_ticket
from ui.env import UiEnv
from ui.forms import message_of
from ui.i18n import translate

SHOW_SECONDS = 8  # the number stays up this long (twice as long without a printer)
BIG = "font-size: 26pt; font-weight: bold; padding: 18px;"


class SelfServiceWindow(QWidget):
    """One screen: services, or priority kinds, or the number just taken."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.priority: Choice | None = None
        self.setObjectName("self_service")
        self.setWindowTitle(translate("self_service", "Ambil nomor antrian"))
        self.services: list[Choice] = []
        self.priorities: list[Choice] = []

        title = QLabel(translate("self_service", "Ambil nomor antrian"))
        title.setStyleSheet("font-size: 34pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        office = self.office = QLabel("")
        office.setStyleSheet("font-size: 18pt;")
        office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setObjectName("self_service_hint")
        self.hint.setStyleSheet("font-size: 18pt;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)

        # The buttons are the service lists, read through an op: empty screens until they come.
        self.service_buttons: list[QPushButton] = []
        self.priority_buttons: list[QPushButton] = []
        services, kinds, done = QWidget(), QWidget(), self._done()
        self.stack = QStackedWidget()
        for w in (services, kinds, done):
            self.stack.addWidget(w)
        self.services_page, self.kinds_page, self.done_page = services, kinds, done
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(office)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.reset)
        for n in range(1, 10):
            QShortcut(QKeySequence(str(n)), self, partial(self.on_digit, n))
        QShortcut(QKeySequence("P"), self, self.on_priority_list)
        QShortcut(QKeySequence("Escape"), self, self.reset)
        self.reset()
        gateway = env.gateway
        env.run(
            self,
            lambda: (
                gateway.call(get_site),
                gateway.call(choices, "layanan_antrian"),
                door_priorities(gateway.call(choices, "prioritas")),
            ),
        ).success(self._lists).failure(self._failed).run()

    def _lists(self, lists: tuple[SiteView | None, list[Choice], list[Choice]]) -> None:
        """The office's name and the services and priority kinds arrived: their buttons."""
        site, self.services, self.priorities = lists
        self.office.setText(site.name if site else "")
        built = self._services(), self._kinds()
        for old, new in zip((self.services_page, self.kinds_page), built, strict=True):
            self.stack.insertWidget(self.stack.indexOf(old), new)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.services_page, self.kinds_page = built
        self.reset()

    def _services(self) -> QWidget:
        """The first screen: one big button per service, and the priority button."""
        self.service_buttons = []
        services = QWidget()
        grid = QGridLayout(services)
        for i, c in enumerate(self.services):
            b = self._big(
                f"{i + 1}. {c.label}", translate("self_service", "Ambil nomor {0}").format(c.label)
            )
            b.clicked.connect(partial(self.on_service, c))
            grid.addWidget(b, i // 2, i % 2)
            self.service_buttons.append(b)
        self.priority_button = self._big(
            translate("self_service", "P. Nomor prioritas\n")
            + ", ".join(c.label.lower() for c in self.priorities[:3])
            + " …",
            translate(
                "self_service",
                "Nomor prioritas untuk lanjut usia, penyandang disabilitas, ibu hamil dan lainnya",
            ),
        )
        self.priority_button.setObjectName("priority_button")
        self.priority_button.setStyleSheet(BIG.replace("26pt", "20pt"))
        self.priority_button.clicked.connect(self.on_priority_list)
        rows = (len(self.services) + 1) // 2
        grid.addWidget(self.priority_button, rows, 0, 1, 2)
        return services

    def _kinds(self) -> QWidget:
        """The priority kinds (elderly, disability, pregnancy ...) and a way back."""
        kinds = QWidget()
        kgrid = QGridLayout(kinds)
        self.priority_buttons = []
        for i, c in enumerate(self.priorities):
            b = self._big(
                f"{i + 1}. {c.label}", translate("self_service", "Prioritas {0}").format(c.label)
            )
            b.clicked.connect(partial(self.on_priority, c))
            kgrid.addWidget(b, i // 2, i % 2)
            self.priority_buttons.append(b)
        back = self._big(
            translate("self_service", "Kembali (Esc)"),
            translate("self_service", "Kembali ke pilihan layanan"),
        )
        back.clicked.connect(self.reset)
        kgrid.addWidget(back, (len(self.priorities) + 1) // 2, 0, 1, 2)
        return kinds

    def _done(self) -> QWidget:
        """The number, large, and what happens next."""
        self.number = QLabel()
        self.number.setObjectName("self_service_number")
        self.number.setAccessibleName(translate("self_service", "Nomor antrian Anda"))
        self.number.setStyleSheet("font-size: 96pt; font-weight: bold;")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.after = QLabel()
        self.after.setStyleSheet("font-size: 20pt;")
        self.after.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.after.setWordWrap(True)
        done = QWidget()
        dl = QVBoxLayout(done)
        dl.addStretch()
        dl.addWidget(self.number)
        dl.addWidget(self.after)
        dl.addStretch()
        return done

    def _big(self, text: str, accessible: str) -> QPushButton:
        b = QPushButton(text)
        b.setStyleSheet(BIG)
        b.setMinimumHeight(90)
        b.setAccessibleName(accessible)
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return b

    def reset(self) -> None:
        self.timer.stop()
        self.priority = None
        self.hint.setText(
            translate("self_service", "Sentuh layanan yang Anda perlukan (atau tekan angkanya).")
        )
        self.stack.setCurrentWidget(self.services_page)
        if self.service_buttons:
            self.service_buttons[0].setFocus()

    def on_digit(self, n: int) -> None:
        page = self.stack.currentWidget()
        buttons = self.priority_buttons if page is self.kinds_page else self.service_buttons
        if page is not self.done_page and n <= len(buttons):
            buttons[n - 1].click()

    def on_priority_list(self) -> None:
        if self.stack.currentWidget() is self.done_page:
            return
        self.hint.setText(
            translate(
                "self_service", "Pilih jenis prioritas. Petugas dapat meminta bukti (KTP, KIA)."
            )
        )
        self.stack.setCurrentWidget(self.kinds_page)
        if self.priority_buttons:
            self.priority_buttons[0].setFocus()

    def on_priority(self, kind: Choice) -> None:
        self.priority = kind
        # The kind stays off the screen: the waiting room reads it over the visitor's shoulder.
        self.hint.setText(
            translate(
                "self_service",
                "Nomor prioritas dipilih. Sekarang sentuh layanan yang Anda perlukan.",
            )
        )
        self.stack.setCurrentWidget(self.services_page)
        self.service_buttons[0].setFocus()

    def on_service(self, service: Choice) -> None:
        if self.stack.currentWidget() is self.done_page:
            return
        priority = self.priority.code if self.priority else None
        self.env.op(self, issue_ticket, self.actor, service.code, priority, self.env.clock).success(
            self._issued
        ).failure(self._failed).run()

    def _issued(self, ticket: TicketView) -> None:
        self.number.setText(ticket.label)
        mark = f" - {ticket.public_priority}" if ticket.public_priority else ""
        ahead = (
            translate("self_service", "Tidak ada antrian di depan Anda.")
            if ticket.waiting_ahead == 0
            else translate("self_service", "Di depan Anda {0} orang.").format(ticket.waiting_ahead)
        )
        uri = str(self.env.settings.get("printer_uri") or "")
        take = (
            translate("self_service", "Silakan ambil tiket Anda.")
            if uri
            else translate("self_service", "Catat nomor ini; printer tiket belum ada.")
        )
        self.after.setText(f"{ticket.service_label}{mark}. {ahead} {take}")
        self.hint.setText(translate("self_service", "Nomor Anda:"))
        self.stack.setCurrentWidget(self.done_page)
        self.timer.start(SHOW_SECONDS * 1000 * (1 if uri else 2))
        op = self.env.print_ticket(self, self.actor, ticket)
        if op is not None:
            op.success(self._printed).failure(self._failed).run()

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok and not outcome.certain:  # the printer took it without answering
            self.timer.start(SHOW_SECONDS * 2000)
            self.after.setText(
                self.after.text().replace(
                    translate("self_service", "Silakan ambil tiket Anda."),
                    translate("self_service", "Bila tiket tidak keluar, catat nomor ini."),
                )
            )
        if not outcome.ok:
            self.timer.start(SHOW_SECONDS * 2000)
            self.after.setText(
                self.after.text().replace(
                    translate("self_service", "Silakan ambil tiket Anda."),
                    translate("self_service", "Tiket tidak tercetak: catat nomor ini."),
                )
            )

    def _failed(self, exc: Exception) -> None:
        self.hint.setText(message_of(exc) + translate("self_service", " Minta bantuan petugas."))
        self.stack.setCurrentWidget(self.services_page)
