"""Step 1: queue ticket and finding the citizen (NIK, No. KK or name).

Signals: ``ticket_issued(TicketView)``, ``chosen(Hit)``, ``new_person()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.roles import Perm
from kiosk.services.access import AccessNeed, access_needs
from kiosk.services.actor import Actor
from kiosk.services.lookup import Hit, lookup
from kiosk.services.reference import Choice, choices
from kiosk.services.slips import PrintOutcome
from kiosk.services.tickets import TicketView, issue_ticket
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, error_label, message_of, show_error
from ui.i18n import translate
from ui.table_fit import fit_columns
from ui.walkin.hit_model import HitTableModel


class FindStep(QWidget):
    ticket_issued = Signal(object)
    chosen = Signal(object)
    new_person = Signal()

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("find_step")
        form, ticket_row = self._ticket_row()

        self.query = QLineEdit()
        self.query.setObjectName("search")
        self.query.setAccessibleName(translate("find_step", "Cari NIK, nomor KK atau nama"))
        self.query.setPlaceholderText(
            translate("find_step", "Ketik NIK, No. KK atau nama, lalu Enter")
        )
        self.query.returnPressed.connect(self.on_search)
        search_label = QLabel(translate("find_step", "&Cari warga"))
        search_label.setBuddy(self.query)
        self.year = QLineEdit()
        self.year.setObjectName("birth_year")
        self.year.setAccessibleName(translate("find_step", "Tahun lahir (boleh kosong)"))
        self.year.setPlaceholderText(translate("find_step", "Tahun lahir"))
        self.year.setMaxLength(4)
        self.year.setMaximumWidth(140)
        self.year.returnPressed.connect(self.on_search)
        year_label = QLabel(translate("find_step", "Tahun la&hir:"))
        year_label.setBuddy(self.year)
        self.model = HitTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("hits")
        self.table.setAccessibleName(translate("find_step", "Hasil pencarian"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Name, NIK and birth date tell people apart; source and address give way.
        self.columns = fit_columns(self.table, (1, 2, 3), wrap=(1,))
        self.table.activated.connect(lambda idx: self.chosen.emit(self.model.row(idx.row())))
        self.info = QLabel()
        self.info.setAccessibleName(translate("find_step", "Keterangan pencarian"))
        self.error = error_label(self)
        new = QPushButton(translate("find_step", "Daftar warga &baru (Ctrl+N)"))
        new.clicked.connect(self.new_person.emit)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ticket_row)
        layout.addWidget(search_label)
        query_row = QHBoxLayout()
        query_row.addWidget(self.query, 1)
        query_row.addWidget(year_label)
        query_row.addWidget(self.year)
        layout.addLayout(query_row)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(new)
        QShortcut(QKeySequence("Ctrl+T"), self, self.on_issue_ticket)
        if not actor.can(Perm.ISSUE_TICKET):  # a fasilitator records home visits: no queue
            for w in (
                self.service,
                self.priority,
                self.access,
                self.ticket_button,
                self.ticket_label,
            ):
                w.hide()
            fields = (self.service, self.priority, self.access)
            for label in (form.labelForField(w) for w in fields):
                if label is not None:
                    label.hide()
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_person.emit)

    def _fill_lists(self, lists: tuple[list[Choice], list[Choice], list[AccessNeed]]) -> None:
        services, priorities, needs = lists
        for c in services:
            self.service.addItem(c.label, c.code)
        for c in priorities:
            self.priority.addItem(c.label, c.code)
        for need in needs:
            self.access.addItem(need.label, need.code)
        self.ticket_button.setEnabled(True)

    def _ticket_row(self) -> tuple[QFormLayout, QHBoxLayout]:
        """Service and priority, and the ticket: printed, or shown large without a printer."""
        form = QFormLayout()
        self.service = add_field(
            form, translate("find_step", "&Layanan"), QComboBox(), "queue_service"
        )
        self.priority = add_field(
            form, translate("find_step", "Pri&oritas"), QComboBox(), "queue_priority"
        )
        self.priority.addItem(translate("find_step", "Tanpa prioritas"), NO_CHOICE)
        # A visitor in a wheelchair, deaf, blind ...: the ticket gets priority, and the caller
        # and the capture see the need.
        self.access = add_field(
            form, translate("find_step", "Kebutuhan &akses"), QComboBox(), "queue_access"
        )
        self.access.addItem(translate("find_step", "Tidak ada"), NO_CHOICE)
        gateway = self.env.gateway

        def lists() -> tuple[list[Choice], list[Choice], list[AccessNeed]]:
            """The ticket's three lists, read on the database thread."""
            return (
                gateway.call(choices, "layanan_antrian"),
                gateway.call(choices, "prioritas"),
                gateway.call(access_needs),
            )

        self.ticket_button = QPushButton(translate("find_step", "Terbitkan &tiket (Ctrl+T)"))
        self.ticket_button.setEnabled(False)  # until the services are there to choose from
        self.env.run(self, lists).success(self._fill_lists).run()
        self.ticket_button.clicked.connect(self.on_issue_ticket)
        self.ticket_label = QLabel(
            translate("find_step", "Belum ada tiket (boleh dilewati untuk telepon/kunjungan).")
        )
        self.ticket_label.setAccessibleName(translate("find_step", "Tiket antrian"))
        self.ticket_label.setWordWrap(True)
        # Without a printer the citizen notes the number from the screen: shown large.
        self.ticket_number = QLabel()
        self.ticket_number.setObjectName("ticket_number")
        self.ticket_number.setAccessibleName(translate("find_step", "Nomor antrian untuk warga"))
        self.ticket_number.setStyleSheet("font-size: 30pt; font-weight: bold;")
        self.ticket_number.hide()
        self._told_no_printer = False
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(self.ticket_button)
        ticket_row.addWidget(self.ticket_number)
        ticket_row.addWidget(self.ticket_label, 1)
        return form, ticket_row

    def reset(self) -> None:
        self.query.clear()
        self.year.clear()
        self.model.set_rows([])
        self.info.clear()
        show_error(self.error, "")
        self.ticket_label.setText(
            translate("find_step", "Belum ada tiket (boleh dilewati untuk telepon/kunjungan).")
        )
        self.query.setFocus()

    def on_issue_ticket(self) -> None:
        if not self.ticket_button.isEnabled():  # Ctrl+T before the services were read
            return
        self.env.op(
            self,
            issue_ticket,
            self.actor,
            chosen(self.service),
            chosen(self.priority),
            self.env.clock,
            [code] if (code := chosen(self.access)) else [],
        ).success(self._ticket).failure(self.show_failure).run()

    def _ticket(self, ticket: TicketView) -> None:
        mark = (
            translate("find_step", " - PRIORITAS: {0}").format(ticket.priority_label)
            if ticket.priority_label
            else ""
        )
        if ticket.access_needs:
            mark += f" - {', '.join(ticket.access_needs)}"
        self.ticket_label.setText(
            translate("find_step", "Tiket {0} - {1}{2}").format(
                ticket.label, ticket.service_label, mark
            )
        )
        # Each ticket starts from "no priority, no need": a kept choice would silently give
        # the next visitor priority too.
        self.priority.setCurrentIndex(0)
        self.access.setCurrentIndex(0)
        self.ticket_issued.emit(ticket)
        self.print_ticket(ticket)
        self.query.setFocus()

    def print_ticket(self, ticket: TicketView) -> None:
        """The slip goes to the counter's printer as a kept job; without a printer the number
        is shown large for the citizen, and the officer is told once why."""
        op = self.env.print_ticket(self, self.actor, ticket)
        if op is None:
            self.ticket_number.setText(ticket.label)
            self.ticket_number.show()
            if not self._told_no_printer:
                self._told_no_printer = True
                show_error(
                    self.error,
                    translate(
                        "find_step",
                        "Printer struk belum diatur (halaman Printer): nomor antrian ditampilkan "
                        "besar di layar; minta warga mencatatnya.",
                    ),
                )
            return
        self.ticket_number.hide()
        op.success(self._ticket_printed).failure(self.show_failure).run()

    def _ticket_printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok and not outcome.certain and not self.env.told_unsure_print:
            # Once: a printer that never answers would otherwise repeat this on every ticket;
            # each such job stays "Belum pasti" on the Printer page.
            self.env.told_unsure_print = True
            show_error(
                self.error,
                translate(
                    "find_step",
                    "{0} Tiket berikutnya yang belum pasti hanya ditandai di halaman Printer.",
                ).format(outcome.message),
            )
        if not outcome.ok:
            show_error(
                self.error,
                translate(
                    "find_step",
                    "Tiket disimpan tetapi tidak tercetak: {0} Cetak ulang dari halaman "
                    "Printer, atau sebutkan nomornya kepada warga.",
                ).format(outcome.message),
            )

    def on_search(self) -> None:
        text = self.query.text().strip()
        if len(text) < 3:
            show_error(
                self.error,
                translate(
                    "find_step", "Ketik paling sedikit 3 huruf nama, atau 16 digit NIK/No. KK."
                ),
            )
            return
        year_text = self.year.text().strip()
        if year_text and not (year_text.isdigit() and 1900 <= int(year_text) <= 2100):
            show_error(
                self.error,
                translate(
                    "find_step", "Tahun lahir diisi 4 angka, misalnya 1985, atau dikosongkan."
                ),
            )
            self.year.setFocus()
            return
        self.info.setText(translate("find_step", "Mencari…"))
        self.env.op(
            self, lookup, self.actor, text, 30, int(year_text) if year_text else None
        ).success(self._found).failure(self.show_failure).run()

    def _found(self, hits: list[Hit]) -> None:
        show_error(self.error, "")
        self.model.set_rows(hits)
        if hits:
            self.info.setText(
                translate("find_step", "{0} ditemukan. Pilih dengan panah lalu Enter.").format(
                    len(hits)
                )
            )
            self.table.setFocus()
            self.table.selectRow(0)
        else:
            self.info.setText(
                translate(
                    "find_step",
                    "Tidak ditemukan di data lokal maupun DTKS. Tekan Ctrl+N untuk "
                    "mendaftarkan warga baru.",
                )
            )

    def show_failure(self, exc: Exception) -> None:
        """Also used by the page for checks it starts from this step."""
        self.info.clear()
        show_error(self.error, message_of(exc))
