"""The papan page's "send to the kabupaten" row: the button, and what became of each version
of the period's report (queued, or acknowledged by the kabupaten with its receipt).

Both the sending and the reading run off the UI thread through the page's Op; sync carries the
report later, so the row says so rather than waiting for the link.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.clock import tanggal_jam
from kiosk.periods import Period
from kiosk.services.actor import Actor
from kiosk.services.report_submit import Submission, report_submissions, submit_report
from ui.env import UiEnv
from ui.i18n import translate


class SendRow(QWidget):
    """Button and status line under the papan's controls."""

    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        period: Callable[[], Period | None],
        failed: Callable[[Exception], None],
    ):
        super().__init__()
        self.env, self.actor, self.period, self.failed = env, actor, period, failed
        self.button = QPushButton(translate("papan", "Kiri&m laporan ke kabupaten"))
        self.button.setObjectName("papan_submit")
        self.button.setToolTip(
            translate(
                "papan",
                "Angka gabungan saja, ke penerima menurut profil daerah; terkirim saat "
                "sinkronisasi. Kiriman ulang menggantikan yang lama.",
            )
        )
        self.button.setEnabled(False)
        self.button.clicked.connect(self.send)
        self.status = QLabel()
        self.status.setObjectName("papan_submit_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("papan", "Keadaan kiriman laporan"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)

    def send(self) -> None:
        period = self.period()
        if period is None:
            return
        self.button.setEnabled(False)
        self.env.op(self, submit_report, self.actor, period, self.env.clock).success(
            lambda _s: self.refresh()
        ).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.button.setEnabled(True)
        self.failed(exc)

    def refresh(self) -> None:
        """What became of this period's report (after a period is shown, or one was sent)."""
        period = self.period()
        if period is None:
            return
        self.button.setEnabled(True)
        self.env.op(self, report_submissions, self.actor, period.code).success(
            self.show_sent
        ).failure(self.failed).run()

    def show_sent(self, sent: list[Submission]) -> None:
        if not sent:
            self.status.setText(translate("papan", "Laporan periode ini belum dikirim."))
            return
        self.status.setText("; ".join(self.describe(s) for s in sent[:3]))

    def describe(self, s: Submission) -> str:
        queued = tanggal_jam(s.queued_at, self.env.clock)
        if s.acknowledged_at is None:
            return translate("papan", "Versi {0} diajukan {1}, menunggu sinkronisasi").format(
                s.version, queued
            )
        return translate("papan", "Versi {0} diterima kabupaten {1} (tanda terima {2})").format(
            s.version, tanggal_jam(s.acknowledged_at, self.env.clock), s.receipt
        )
