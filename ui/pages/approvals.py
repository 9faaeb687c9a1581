"""Approvals waiting for this coordinator or supervisor, in order, emergencies first.

Only the step whose turn it is appears (coordinator before supervisor). Rejecting asks for the
reason, which goes back to the officer who sent it. Beside the steps: what waits for review
before it goes to the kabupaten (a case's result, a pre-list or data-update proposal), and the
cases escalated to this officer past their due day (approving takes the escalation up).

It shows approval steps, cases (escalations, reviews of results), referrals (their letters wait
for approval) and proposals (pre-list and data updates under review): a step another officer's
work opens anywhere in the window appears here without F5 (ui/pages/base.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services.actor import Actor
from kiosk.services.case_views import CaseView, case_detail
from kiosk.services.data_updates import review_data_update
from kiosk.services.escalation import acknowledge_escalation
from kiosk.services.pending import PendingApproval
from kiosk.services.prelist_review import review_prelist
from kiosk.services.supervision import review_case
from ui import words
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.pages.case_html import case_html
from ui.row_model import RowTableModel

# The reviews before upstream, each with its own service (approve, or return with a note).
REVIEWS: dict[str, Callable[..., object]] = {
    ap.REVIEW_CASE: review_case,
    ap.REVIEW_PRELIST: review_prelist,
    ap.REVIEW_UPDATE: review_data_update,
}


class ApprovalsPage(Page):
    """Ctrl+Enter approves the chosen item; the reject button asks for a reason."""

    shows = frozenset({Kind.APPROVALS, Kind.CASES, Kind.REFERRALS, Kind.PROPOSALS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "approvals_page", parent)
        title = self.title_label(translate("approvals", "Persetujuan"))
        self.model: RowTableModel[PendingApproval] = RowTableModel(
            (
                "",
                translate("approvals", "Nomor lacak"),
                translate("approvals", "Jenis"),
                translate("approvals", "Warga"),
                translate("approvals", "Langkah"),
                translate("approvals", "Ringkasan"),
            ),
            lambda p: (
                translate("approvals", "DARURAT") if p.emergency else "",
                p.tracking_number,
                words.subject(p.subject_type)
                + (translate("approvals", " (putaran {0})").format(p.round) if p.round > 1 else ""),
                p.person_name,
                words.step_role(p.role, p.role_label),
                p.summary,
            ),
            self,
        )
        # The case, its kind, the citizen and the step to decide show whole; the summary gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "approval_table",
            translate("approvals", "Menunggu persetujuan Anda"),
            (0, 1, 2, 3, 4),
            wrap=(2, 3, 4),
        )
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = QTextBrowser()
        self.detail.setObjectName("approval_detail")
        self.detail.setAccessibleName(translate("approvals", "Rincian kasus yang diajukan"))
        self.empty = QLabel("")
        self.approve_button = approve = QPushButton(translate("approvals", "&Setujui (Ctrl+Enter)"))
        approve.setObjectName("approve")
        approve.clicked.connect(self.approve)
        self.reject_button = reject = QPushButton(translate("approvals", "&Tolak dan kembalikan…"))
        reject.setObjectName("reject")
        reject.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(approve)
        buttons.addWidget(reject)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 3)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.approve)
        self.first_field = self.table
        self.load()

    def reading(self) -> Op[list[PendingApproval]]:
        return self.env.op(self, inbox.pending_approvals, self.actor)

    def loaded(self, rows: list[PendingApproval]) -> None:
        self.model.set_rows(rows)
        self.empty.setText(
            translate("approvals", "{0} pengajuan menunggu keputusan Anda.").format(len(rows))
            if rows
            else translate("approvals", "Tidak ada pengajuan yang menunggu keputusan Anda.")
        )
        self.detail.clear()
        if rows:
            self.table.selectRow(0)

    def chosen(self) -> PendingApproval | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selected(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        item = self.chosen()
        if item is None:
            return
        self.env.op(self, case_detail, self.actor, item.case_id, self.env.clock).success(
            self._show
        ).failure(lambda _e: self.detail.setPlainText(item.summary)).run()

    def _show(self, view: CaseView) -> None:
        self.detail.setHtml(case_html(view, self.env.clock))

    def _vote(self, decision: str, reason: str = "") -> None:
        item = self.chosen()
        if item is None:
            show_error(self.error, translate("approvals", "Pilih dulu pengajuan di daftar."))
            return
        show_error(self.error, "")
        approve, clock = decision == ap.APPROVE, self.env.clock
        review = REVIEWS.get(item.subject_type)
        call: Op[Any]
        if item.subject_type == ap.ESCALATION:
            call = self.env.op(
                self, acknowledge_escalation, self.actor, item.case_id, reason, clock
            )
        elif review is not None:
            call = self.env.op(self, review, self.actor, item.step_id, approve, reason, clock)
        else:
            call = self.env.op(self, ap.vote, self.actor, item.step_id, decision, reason, clock)
        call.success(lambda _r: self.load()).failure(self._failed).run()

    def approve(self) -> None:
        self._vote(ap.APPROVE)

    def reject(self) -> None:
        item = self.chosen()
        if item is None:
            show_error(self.error, translate("approvals", "Pilih dulu pengajuan di daftar."))
            return
        if item.subject_type == ap.ESCALATION:
            show_error(
                self.error,
                translate(
                    "approvals",
                    "Eskalasi tidak dikembalikan: terima, lalu beri arahan di halaman Kasus.",
                ),
            )
            return
        answer = FormDialog.ask(
            self,
            translate("approvals", "Tolak dan kembalikan"),
            [Field("reason", translate("approvals", "&Alasan penolakan"), "text")],
            translate("approvals", "Tolak"),
            translate("approvals", "Pengajuan kembali ke petugas pengirim dengan alasan ini."),
        )
        if answer:
            self._vote(ap.REJECT, answer["reason"])
