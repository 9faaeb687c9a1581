"""The audit page for supervisors and administrators: who did what, filterable, and a check
that nobody edited the trail behind the kiosk's back. It shows codes and record numbers; the
trail holds no names or NIKs to show."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.audit_chain import ChainCheck
from kiosk.changes import Kind
from kiosk.formatting import angka
from kiosk.services.actor import Actor
from kiosk.services.audit_log import AuditFilter, AuditRow, audit_actions, audit_log, verify_audit
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel


class AuditPage(Page):
    """Filters on top, the newest 500 matching entries below."""

    shows = frozenset({Kind.AUDIT})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "audit_page", parent)
        clock = env.clock
        self.model: RowTableModel[AuditRow] = RowTableModel(
            [
                translate("audit", "No."),
                translate("audit", "Waktu"),
                translate("audit", "Petugas"),
                translate("audit", "Tindakan"),
                translate("audit", "Data"),
                translate("audit", "Rincian"),
            ],
            lambda r: (
                str(r.seq),
                f"{clock.local(r.at):%d-%m-%Y %H:%M:%S}",
                r.officer,
                r.action.replace("_", " "),
                f"{r.entity_type} {r.entity_id}",
                ", ".join(f"{k}: {v}" for k, v in r.detail.items()),
            ),
            self,
        )
        form = QFormLayout()
        row = QHBoxLayout()
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(translate("audit", "nama pengguna"))
        self.officer.setAccessibleName(translate("audit", "Saring menurut petugas"))
        self.action = QComboBox()
        self.action.setAccessibleName(translate("audit", "Saring menurut tindakan"))
        self.action.addItem(translate("audit", "Semua tindakan"), NO_CHOICE)
        self.record = QLineEdit()
        self.record.setPlaceholderText(translate("audit", "nomor data"))
        self.record.setAccessibleName(translate("audit", "Saring menurut nomor data"))
        for w in (self.officer, self.action, self.record):
            row.addWidget(w)
        label = QLabel(translate("audit", "&Saring"))
        label.setBuddy(self.officer)
        form.addRow(label, row)
        # The office's day, not the computer's: a laptop set to UTC is a day behind after 17.00.
        day = env.clock.today()
        today = QDate(day.year, day.month, day.day)
        self.since = add_field(
            form, translate("audit", "&Dari tanggal"), QDateEdit(today.addDays(-30)), "since"
        )
        self.until = add_field(
            form, translate("audit", "Sa&mpai tanggal"), QDateEdit(today), "until"
        )
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd-MM-yyyy")
        show = QPushButton(translate("audit", "&Tampilkan"))
        show.setProperty("primary", True)
        show.clicked.connect(self.load)
        self.verify_button = QPushButton(translate("audit", "&Periksa keutuhan jejak audit"))
        self.verify_button.clicked.connect(self.on_verify)
        buttons = QHBoxLayout()
        buttons.addWidget(show)
        buttons.addWidget(self.verify_button)
        buttons.addStretch()
        # Number, time, officer and action show whole; the record and details give way.
        self.table, self.columns = self.make_table(
            self.model, "audit_table", translate("audit", "Jejak audit"), (0, 1, 2, 3), wrap=(2, 3)
        )
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(translate("audit", "Hasil pemeriksaan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.error)
        self.first_field = self.officer
        self.env.op(self, audit_actions, actor).success(self._actions).failure(self._failed).run()
        self.load()

    def _actions(self, actions: list[str]) -> None:
        for a in actions:
            self.action.addItem(a.replace("_", " "), a)

    def where(self) -> AuditFilter:
        tz = self.env.clock.local().tzinfo

        def start(d: QDate) -> datetime:
            return datetime.combine(cast(date, d.toPython()), time(), tz)  # a QDate's value

        return AuditFilter(
            self.officer.text(),
            chosen(self.action) or "",
            self.record.text(),
            start(self.since.date()),
            start(self.until.date().addDays(1)),
        )

    def reading(self) -> Op[list[AuditRow]]:
        return self.env.op(self, audit_log, self.actor, self.where())

    def loaded(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)

    def on_verify(self) -> None:
        """Every entry: an officer who asks wants the whole trail checked (the quick walk from
        the last sound check is for the commands a script runs often)."""
        self.env.op(self, verify_audit, self.actor, None, True).success(self._verified).failure(
            self._failed
        ).run()

    def _verified(self, check: ChainCheck) -> None:
        if check.ok:
            self.verdict.setText(
                translate("audit", "Jejak audit utuh: {0} entri diperiksa.").format(
                    angka(check.checked)
                )
            )
            show_error(self.error, "")
        else:
            show_error(
                self.error,
                translate(
                    "audit",
                    "JEJAK AUDIT RUSAK mulai entri no. {0}: {1} Laporkan ke supervisor dan "
                    "simpan cadangan hari ini sebagai bukti.",
                ).format(check.broken_at, check.reason),
            )
        self.load()
