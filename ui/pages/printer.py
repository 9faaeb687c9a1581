"""Printer settings, a test print, and the list of recent jobs with reprint and preview.

A slip whose printer failed is shown here as text, so the officer can still read the number
to the citizen and reprint it when the printer is back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.services.actor import Actor
from kiosk.services.print_jobs import PrintJobView, job_payload, recent_print_jobs
from kiosk.services.setup import get_site
from kiosk.services.slips import PrintOutcome, print_slip, reprint
from printing.decode import decode
from printing.paper import Paper
from printing.samples import sample_a4, sample_ticket
from printing.thermal import render_ticket
from ui.env import UiEnv
from ui.forms import add_field, show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.pdf_output import print_with_dialog, save_with_dialog
from ui.print_job_model import PrintJobTableModel


class PrinterPage(Page):
    """Any officer who prints can set the counter's printer and test it; a slip printed (or
    failed) anywhere since the page was built is in its list when the page is looked at."""

    shows = frozenset({Kind.PRINT_JOBS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "printer_page", parent)
        form = QFormLayout()
        self.uri = add_field(
            form, translate("printer", "&Alamat printer"), QLineEdit(), "printer_uri"
        )
        self.uri.setPlaceholderText(
            translate("printer", "usb:0416:5011  net:192.168.1.50:9100  file:/dev/usb/lp0")
        )
        self.uri.setText(str(env.settings.get("printer_uri")))
        self.paper_width = add_field(
            form, translate("printer", "&Lebar kertas"), QComboBox(), "paper_width"
        )
        for mm in (58, 80):
            self.paper_width.addItem(translate("printer", "{0} mm").format(mm), mm)
        self.paper_width.setCurrentIndex(0 if env.settings.get("paper_width") == 58 else 1)
        save = QPushButton(translate("printer", "&Simpan pengaturan"))
        save.clicked.connect(self.on_save)
        self.test_button = QPushButton(translate("printer", "&Cetak uji"))
        self.test_button.setProperty("primary", True)
        self.test_button.clicked.connect(self.on_test_print)
        top_buttons = QGridLayout()  # two by two: one row of four overflows a netbook
        top_buttons.addWidget(save, 0, 0)
        top_buttons.addWidget(self.test_button, 0, 1)
        a4_print = QPushButton(translate("printer", "Cetak c&ontoh A4…"))
        a4_print.clicked.connect(self.on_print_a4)
        a4_save = QPushButton(translate("printer", "Simpan contoh A4 (&PDF)…"))
        a4_save.clicked.connect(self.on_save_a4)
        top_buttons.addWidget(a4_print, 1, 0)
        top_buttons.addWidget(a4_save, 1, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("printer", "Hasil cetak"))

        self.model = PrintJobTableModel(env.clock, self)
        # Time, kind, status and what went wrong show whole; the printer's name gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "print_jobs",
            translate("printer", "Cetakan terakhir"),
            (0, 1, 3, 4),
            wrap=(1, 3, 4),
        )
        self.table.selectionModel().selectionChanged.connect(self.on_selection)
        self.reprint_button = QPushButton(translate("printer", "Cetak &ulang"))
        self.reprint_button.clicked.connect(self.on_reprint)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("slip_preview")
        self.preview.setAccessibleName(translate("printer", "Isi cetakan terpilih"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(top_buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(translate("printer", "Cetakan terakhir")))
        lower = QHBoxLayout()
        lower.addWidget(self.table, 3)
        lower.addWidget(self.preview, 2)
        layout.addLayout(lower)
        layout.addWidget(self.reprint_button)
        self.load()

    def _paper(self) -> Paper:
        return Paper.of(int(self.paper_width.currentData()))

    def reading(self) -> Op[list[PrintJobView]]:
        return self.env.op(self, recent_print_jobs, self.actor)

    def loaded(self, jobs: list[PrintJobView]) -> None:
        self.model.set_rows(jobs)

    def on_save(self) -> None:
        self.env.settings.set("printer_uri", self.uri.text().strip())
        self.env.settings.set("paper_width", int(self.paper_width.currentData()))
        self.status.setText(translate("printer", "Pengaturan printer disimpan."))

    def on_test_print(self) -> None:
        if not self.uri.text().strip():
            show_error(
                self.error, translate("printer", "Isi alamat printer dahulu, mis. usb:0416:5011.")
            )
            self.uri.setFocus()
            return
        self.on_save()
        gateway, actor, clock, thermal = (
            self.env.gateway,
            self.actor,
            self.env.clock,
            self.env.thermal,
        )
        paper, uri = self._paper(), self.uri.text().strip()

        def test_print() -> PrintOutcome:  # the site read and the print, off the window's thread
            site = gateway.call(get_site)
            payload = render_ticket(sample_ticket(site.name if site else "Puskesos", clock), paper)
            return print_slip(gateway, actor, "tiket", payload, uri, thermal, paper.profile)

        self.test_button.setEnabled(False)
        self.status.setText(translate("printer", "Mengirim ke printer…"))
        self.env.device(self, test_print).success(self._printed).failure(self._failed).run()

    def _with_sample_pdf(self, then: Callable[[bytes], None]) -> None:
        """The sample A4 (the site read and the render) off the window's thread, then ``then``."""
        gateway = self.env.gateway
        op = self.env.run(self, lambda: sample_a4(gateway.call(get_site)))
        op.success(then).failure(self._failed).run()

    def on_print_a4(self) -> None:
        self._with_sample_pdf(self._print_a4)

    def _print_a4(self, pdf: bytes) -> None:
        try:
            if print_with_dialog(self, pdf, translate("printer", "contoh A4")):
                self.status.setText(translate("printer", "Contoh A4 dikirim ke printer sistem."))
        except (OSError, ValueError) as exc:
            show_error(self.error, str(exc))

    def on_save_a4(self) -> None:
        self._with_sample_pdf(self._save_a4)

    def _save_a4(self, pdf: bytes) -> None:
        path = save_with_dialog(self, pdf, "contoh-a4.pdf")
        if path is not None:
            self.status.setText(translate("printer", "Disimpan: {0}").format(path))

    def on_reprint(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            show_error(self.error, translate("printer", "Pilih cetakan di tabel terlebih dahulu."))
            return
        job = self.model.row(rows[0].row())
        self.reprint_button.setEnabled(False)
        self.env.device(
            self,
            reprint,
            self.env.gateway,
            self.actor,
            job.id,
            self.env.thermal,
            self.uri.text().strip() or None,
            self._paper().profile,
        ).success(self._printed).failure(self._failed).run()

    def on_selection(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        job = self.model.row(rows[0].row())
        self.env.op(self, job_payload, self.actor, job.id).success(
            lambda result: self.preview.setPlainText(decode(result[0]).text)
        ).failure(self._failed).run()

    def _printed(self, outcome: PrintOutcome) -> None:
        self.test_button.setEnabled(True)
        self.reprint_button.setEnabled(True)
        if outcome.ok:
            show_error(self.error, "")
            self.status.setText(outcome.message)
        else:
            self.status.setText(
                translate(
                    "printer", "Cetakan disimpan dan dapat dicetak ulang dari daftar di bawah."
                )
            )
            show_error(self.error, outcome.message)
        self.load()

    def _failed(self, exc: Exception) -> None:
        self.test_button.setEnabled(True)
        self.reprint_button.setEnabled(True)
        super()._failed(exc)
