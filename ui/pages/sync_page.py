"""Sync with the kabupaten: where things stand, "sync now", and enrolling this kiosk.

Officers see the last success, how many records wait, and which need attention (refused by the
server, kept here, holding back only later changes to the same record).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.formatting import desimal
from kiosk.roles import Perm
from kiosk.services import quarantine
from kiosk.services.actor import Actor
from kiosk.services.outbox import SyncOverview, configure_upstream, sync_overview
from kiosk.services.setup import get_site
from ui.env import UiEnv
from ui.forms import add_field, message_of, password_edit, show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.table_fit import fit_columns

if TYPE_CHECKING:  # requests and the engine load on a worker, never as this page is built
    from sync.engine import SyncReport


def when(iso: str, env: UiEnv) -> str:
    from datetime import datetime

    if not iso:
        return translate("sync_page", "belum pernah")
    try:
        return env.clock.local(datetime.fromisoformat(iso.split(" ")[0])).strftime("%d-%m-%Y %H.%M")
    except ValueError:
        return iso


class SyncPage(Page):
    shows = frozenset({Kind.SYNC})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "sync_page", parent)
        title = self.title_label(translate("sync_page", "Sinkronisasi dengan kabupaten"))
        self.summary = QLabel("")
        self.summary.setObjectName("sync_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("sync_page", "Keadaan sinkronisasi"))
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.now = QPushButton(translate("sync_page", "&Sinkronkan sekarang"))
        self.now.setObjectName("sync_now")
        self.now.clicked.connect(self.sync_now)
        self.held_model = QStandardItemModel(0, 4, self)
        self.held_model.setHorizontalHeaderLabels(
            [
                translate("sync_page", "No."),
                translate("sync_page", "Data"),
                translate("sync_page", "Perubahan"),
                translate("sync_page", "Alasan server"),
            ]
        )
        self.attention = QTableView()
        self.attention.setObjectName("sync_attention")
        self.attention.setAccessibleName(translate("sync_page", "Data yang ditolak server"))
        self.attention.setModel(self.held_model)
        self.attention.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attention.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attention.verticalHeader().hide()
        # The record and the server's reason show whole (the officer fixes or drops it by
        # them); the kind of change gives way.
        self.attention_columns = fit_columns(self.attention, (0, 1, 3), wrap=(1, 3))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addWidget(self.now)
        label = QLabel(
            translate("sync_page", "Perlu &perhatian (ditolak server, disimpan di sini):")
        )
        label.setBuddy(self.attention)
        layout.addWidget(label)
        layout.addWidget(self.attention, 1)
        self.held_note = QLabel("")
        self.held_note.setObjectName("sync_held_note")
        self.held_note.setWordWrap(True)
        self.held_note.setAccessibleName(
            translate("sync_page", "Hasil tindakan atas data karantina")
        )
        layout.addWidget(self.held_note)
        if actor.can(Perm.MANAGE_SITE):
            self._admin_parts(layout)
        runner = env.sync
        if runner is not None:
            runner.reported.connect(self._report)
            runner.running_changed.connect(lambda on: self.now.setEnabled(not on))
        self.load()

    def _admin_parts(self, layout: QVBoxLayout) -> None:
        """The administrator's: quarantined data sent again or dropped, and the enrolment."""
        held_buttons = QHBoxLayout()
        self.retry = QPushButton(translate("sync_page", "Kirim &ulang yang dipilih"))
        self.retry.setObjectName("sync_retry")
        self.retry.setToolTip(
            translate("sync_page", "Setelah data atau server diperbaiki: kirim lagi")
        )
        self.retry.clicked.connect(self.retry_selected)
        self.drop = QPushButton(translate("sync_page", "&Buang yang dipilih…"))
        self.drop.setObjectName("sync_drop")
        self.drop.setToolTip(
            translate("sync_page", "Tidak dikirim lagi; alasannya dicatat di audit")
        )
        self.drop.clicked.connect(self.drop_selected)
        held_buttons.addWidget(self.retry)
        held_buttons.addWidget(self.drop)
        held_buttons.addStretch(1)
        layout.addLayout(held_buttons)
        form = QFormLayout()
        self.url = add_field(
            form, translate("sync_page", "&Alamat server"), QLineEdit(), "sync_url"
        )
        self.code = add_field(
            form, translate("sync_page", "K&ode pendaftaran"), password_edit(), "sync_code"
        )
        enrol = QPushButton(translate("sync_page", "&Daftarkan kios ini"))
        enrol.setObjectName("sync_enrol")
        enrol.clicked.connect(self.enrol)
        form.addRow(enrol)
        layout.addWidget(
            QLabel(translate("sync_page", "Pendaftaran ke server SLRT kabupaten (administrator):"))
        )
        layout.addLayout(form)

    def reading(self) -> Op[tuple[SyncOverview, list[quarantine.QuarantinedOp]]]:
        gateway, actor = self.env.gateway, self.actor
        return self.env.run(
            self,
            lambda: (
                gateway.call(sync_overview, actor),
                gateway.call(quarantine.quarantined, actor),
            ),
        )

    def loaded(self, both: tuple[SyncOverview, list[quarantine.QuarantinedOp]]) -> None:
        self._show(both[0])
        self._show_held(both[1])

    def _show_held(self, held: list[quarantine.QuarantinedOp]) -> None:
        self.held_model.removeRows(0, self.held_model.rowCount())
        for q in held:
            cells = [QStandardItem(f"#{q.seq}"), QStandardItem(q.record)]
            cells += [QStandardItem(q.op_type), QStandardItem(q.reason)]
            cells[0].setData(q.seq)
            self.held_model.appendRow(cells)

    def selected_seqs(self) -> list[int]:
        rows = {i.row() for i in self.attention.selectionModel().selectedRows()}
        return [int(self.held_model.item(r, 0).data()) for r in sorted(rows)]

    def retry_selected(self) -> None:
        seqs = self.selected_seqs()
        if not seqs:
            show_error(
                self.error, translate("sync_page", "Pilih dulu baris yang akan dikirim ulang.")
            )
            self.attention.setFocus()
            return
        self.env.op(self, quarantine.retry, self.actor, seqs).success(self._retried).failure(
            self._failed
        ).run()

    def _retried(self, count: int) -> None:
        show_error(self.error, "")
        self.held_note.setText(
            translate(
                "sync_page", "{0} data diantrekan lagi; dikirim pada sinkronisasi berikutnya."
            ).format(count)
        )
        self.load()
        if self.env.sync is not None:
            self.env.sync.sync_now()

    def ask_reason(self, count: int) -> str | None:
        """Why these are dropped (kept in the audit); None when the officer cancels."""
        text, ok = QInputDialog.getText(
            self,
            translate("sync_page", "Buang data karantina"),
            translate(
                "sync_page", "{0} data tidak akan dikirim lagi. Tulis alasannya (dicatat di audit):"
            ).format(count),
        )
        return text if ok else None

    def drop_selected(self) -> None:
        seqs = self.selected_seqs()
        if not seqs:
            show_error(self.error, translate("sync_page", "Pilih dulu baris yang akan dibuang."))
            self.attention.setFocus()
            return
        reason = self.ask_reason(len(seqs))
        if reason is None:
            return
        self.env.op(self, quarantine.drop, self.actor, seqs, reason).success(self._dropped).failure(
            self._failed
        ).run()

    def _dropped(self, count: int) -> None:
        show_error(self.error, "")
        self.held_note.setText(
            translate("sync_page", "{0} data dibuang; alasannya dicatat di audit.").format(count)
        )
        self.load()

    def _show(self, o: SyncOverview) -> None:
        if not o.upstream_url:
            text = translate(
                "sync_page",
                "Server kabupaten belum diatur. Data tetap tersimpan di sini dan antre dikirim.",
            )
        else:
            text = translate(
                "sync_page",
                "Server: {0}. Terakhir berhasil: {1}. Menunggu dikirim: {2}. Perlu perhatian: {3}.",
            ).format(o.upstream_url, when(o.last_success, self.env), o.waiting, o.attention)
            if not o.enrolled:
                text += translate("sync_page", " Kios belum terdaftar.")
        if o.held:
            text += translate(
                "sync_page", " Ditahan sampai ditinjau supervisor (profil daerah): {0}."
            ).format(o.held)
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)
        skew = o.skew_seconds
        self.notes.setText(
            translate(
                "sync_page", "Jam komputer ini berbeda {0} jam dari jam server; perbaiki jam."
            ).format(desimal(abs(skew) / 3600))
            if skew is not None and abs(skew) > 300
            else ""
        )

    def sync_now(self) -> None:
        show_error(self.error, "")
        if self.env.sync is not None:
            self.env.sync.sync_now()

    def _report(self, report: SyncReport) -> None:
        show_error(self.error, report.error)
        if report.notes:
            self.notes.setText(" ".join(report.notes))
        self.load()

    def enrol(self) -> None:
        url, code = self.url.text().strip(), self.code.text()
        if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            show_error(
                self.error,
                translate(
                    "sync_page", "Alamat server harus diawali https:// (sambungan terenkripsi)."
                ),
            )
            self.url.setFocus()
            return
        if not code:
            show_error(
                self.error,
                translate("sync_page", "Isi kode pendaftaran dari pengelola SLRT kabupaten."),
            )
            self.code.setFocus()
            return

        def work() -> None:  # on the device/network threads: a slow link holds no database call
            from sync.engine import engine_for

            site = self.env.gateway.call(get_site)
            kiosk_id = site.office_code if site else ""
            self.env.gateway.call(configure_upstream, self.actor, url, kiosk_id)
            engine_for(self.env.gateway, self.env.clock).enrol(kiosk_id, code)

        self.env.device(self, work).success(self._enrolled).failure(self._enrol_failed).run()

    def _enrolled(self, _r: object) -> None:
        self.code.clear()
        if self.env.sync is not None:
            self.env.sync.reset()
            self.env.sync.sync_now()
        self.load()

    def _enrol_failed(self, exc: Exception) -> None:
        show_error(self.error, getattr(type(exc), "message", "") or message_of(exc))
