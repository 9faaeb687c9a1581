"""Step 4: the tracking number on screen, the receipt printed (or kept to reprint), next citizen.

Signals: ``next_citizen()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.services.actor import Actor
from kiosk.services.documents import issue_receipt_pdf
from kiosk.services.slips import PrintOutcome, print_receipt
from kiosk.services.walk_in import WalkInResult
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.i18n import translate
from ui.pdf_output import print_with_dialog, save_with_dialog


class ReceiptStep(QWidget):
    next_citizen = Signal()

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.result: WalkInResult | None = None
        self.pdf: bytes | None = None
        self.setObjectName("receipt_step")
        self.number = QLabel()
        self.number.setObjectName("tracking_number")
        self.number.setAccessibleName(translate("receipt_step", "Nomor lacak"))
        self.number.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(translate("receipt_step", "Ringkasan"))
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setAccessibleName(translate("receipt_step", "Status cetak"))
        self.error = error_label(self)
        reprint = QPushButton(translate("receipt_step", "Cetak &ulang struk"))
        reprint.clicked.connect(self.print_thermal)
        a4 = QPushButton(translate("receipt_step", "Cetak &A4…"))
        a4.clicked.connect(
            lambda: (
                self.pdf
                and print_with_dialog(self, self.pdf, translate("receipt_step", "tanda terima"))
            )
        )
        save = QPushButton(translate("receipt_step", "Simpan &PDF…"))
        save.clicked.connect(self.on_save_pdf)
        self.next_button = QPushButton(translate("receipt_step", "&Warga berikutnya (Ctrl+N)"))
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.next_citizen.emit)
        buttons = QGridLayout()  # two rows: four buttons in one overflow a netbook
        buttons.addWidget(self.next_button, 0, 0, 1, 3)
        for col, b in enumerate((reprint, a4, save)):
            buttons.addWidget(b, 1, col)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("receipt_step", "Nomor lacak - sebutkan kepada warga:")))
        layout.addWidget(self.number)
        layout.addWidget(self.details)
        layout.addWidget(self.print_status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch()
        QShortcut(QKeySequence("Ctrl+N"), self, self.next_citizen.emit)

    def show_result(self, result: WalkInResult) -> None:
        self.result = result
        self.number.setText(result.tracking_number)
        flag = translate("receipt_step", "DARURAT - ") if result.emergency else ""
        self.details.setText(
            translate(
                "receipt_step",
                "{0}{1} ({2}) - {3}\n{4}\nTanda terima bertanda SEMENTARA sampai diterima "
                "server kabupaten.",
            ).format(flag, result.person_name, result.nik_masked, result.service, result.next_steps)
        )
        show_error(self.error, "")
        self.pdf = None
        self.env.op(
            self, issue_receipt_pdf, self.actor, result, self.env.documents, self.env.clock
        ).success(self._pdf_ready).failure(self._failed).run()
        self.print_thermal()
        self.next_button.setFocus()

    def _pdf_ready(self, pdf: bytes) -> None:
        self.pdf = pdf

    def print_thermal(self) -> None:
        if self.result is None:
            return
        uri = str(self.env.settings.get("printer_uri") or "")
        if not uri:
            self.print_status.setText(
                translate(
                    "receipt_step",
                    "Printer struk belum diatur (halaman Printer). Cetak A4 "
                    "atau simpan PDF, atau bacakan nomor lacak.",
                )
            )
            return
        self.print_status.setText(translate("receipt_step", "Mencetak tanda terima…"))
        self.env.device(
            self,
            print_receipt,
            self.env.gateway,
            self.actor,
            self.result,
            uri,
            int(self.env.settings.get("paper_width")),
            self.env.thermal,
            self.env.clock,
        ).success(self._printed).failure(self._failed).run()

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.ok:
            self.print_status.setText(
                translate("receipt_step", "Tanda terima: {0}").format(outcome.message)
            )
        else:
            self.print_status.setText(
                translate(
                    "receipt_step", "Tanda terima disimpan; cetak ulang bila printer sudah siap."
                )
            )
            show_error(self.error, outcome.message)

    def on_save_pdf(self) -> None:
        if self.pdf and self.result:
            path = save_with_dialog(
                self, self.pdf, f"tanda-terima-{self.result.tracking_number}.pdf"
            )
            if path:
                self.print_status.setText(translate("receipt_step", "Disimpan: {0}").format(path))

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, message_of(exc))
