""" "How is my complaint?": find a case by the tracking number on the receipt (typed or scanned).

A barcode scanner types the QR's content followed by Enter, so the field needs no button. The
answer is what may be said at a public counter: status, dates, the outcome when there is one;
not the analysis notes.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kiosk import case_rules as rules
from kiosk.clock import Clock, tanggal, tanggal_jam
from kiosk.identity import mask_niks_in_text
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.case_views import CaseView, find_case
from kiosk.services.documents import issue_letter
from ui import pdf_output, words
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.pages.base import Page


def public_html(v: CaseView, clock: Clock) -> str:
    e = html.escape
    status_moves = [t for t in v.timeline if t.to_status]
    rows = [
        (translate("case_status", "Nomor lacak"), v.tracking_number),
        (
            translate("case_status", "Atas nama"),
            translate("case_status", "{0} (NIK {1})").format(v.person_name, v.nik_masked),
        ),
        (translate("case_status", "Status"), words.status(v.status)),
        (translate("case_status", "Ditangani"), v.desk_label),
        (translate("case_status", "Batas jawaban"), tanggal(v.due_on) if v.due_on else "-"),
    ]
    if v.status in rules.DECIDED:
        rows.append((translate("case_status", "Hasil"), mask_niks_in_text(v.decision or "-")))
    rows.append(
        (
            translate("case_status", "Kabupaten"),
            translate("case_status", "sudah diterima SLRT kabupaten")
            if v.upstream_state == "diterima"
            else translate("case_status", "belum terkirim (tanda terima masih SEMENTARA)"),
        )
    )
    out = ["<table cellpadding='4'>"]
    out += [f"<tr><td><b>{e(k)}</b></td><td>{e(val)}</td></tr>" for k, val in rows]
    out.append("</table><h3>" + e(translate("case_status", "Perjalanan")) + "</h3><ul>")
    out += [
        f"<li>{e(tanggal_jam(t.at, clock))}: {e(words.event(t.kind, t.to_status))}</li>"
        for t in status_moves
    ]
    out.append("</ul>")
    return "".join(out)


class CaseStatusPage(Page):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "status_page", parent)
        self.view: CaseView | None = None
        title = self.title_label(translate("case_status", "Cek status pengaduan"))
        label = QLabel(
            translate("case_status", "&Nomor lacak (ketik, atau pindai QR pada tanda terima):")
        )
        self.number = QLineEdit()
        self.number.setObjectName("tracking")
        self.number.setAccessibleName(translate("case_status", "Nomor lacak"))
        label.setBuddy(self.number)
        self.number.returnPressed.connect(self.look_up)
        self.result = QTextBrowser()
        self.result.setObjectName("status_result")
        self.result.setAccessibleName(translate("case_status", "Status pengaduan"))
        self.letter = QPushButton(translate("case_status", "Cetak &surat pemberitahuan"))
        self.letter.setObjectName("status_letter")
        self.letter.clicked.connect(self.print_letter)
        self.letter.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(label)
        layout.addWidget(self.number)
        layout.addWidget(self.error)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.letter)

    def start_focus(self) -> None:
        self.number.setFocus()
        self.number.selectAll()

    def look_up(self) -> None:
        show_error(self.error, "")
        self.env.op(self, find_case, self.actor, self.number.text(), self.env.clock).success(
            self.show_case
        ).failure(self._failed).run()

    def show_case(self, view: CaseView) -> None:
        self.view = view
        self.result.setHtml(public_html(view, self.env.clock))
        has_outcome = view.status in rules.DECIDED
        self.letter.setVisible(has_outcome and self.actor.can(Perm.PRINT))
        self.number.selectAll()

    def _failed(self, exc: Exception) -> None:
        self.view = None
        self.result.clear()
        self.letter.setVisible(False)
        super()._failed(exc)
        self.number.selectAll()
        self.number.setFocus()

    def print_letter(self) -> None:
        if self.view is None:
            return
        self.env.op(
            self,
            issue_letter,
            self.actor,
            "surat_pemberitahuan",
            self.view.id,
            self.env.documents,
            self.env.clock,
        ).success(
            lambda pdf: pdf_output.print_with_dialog(
                self, pdf, translate("case_status", "surat pemberitahuan")
            )
        ).failure(self._failed).run()
