"""Usulan DTKS: the period's pre-list proposals, shown with masked NIKs and saved as the
SIKS-NG workbook and the BNBA PDF for the verifying office (coordinator, supervisor, admin);
and the proposals the reviewer returned, with the reviewer's note, each corrected and sent back
for review from here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.errors import KioskError
from kiosk.formatting import angka
from kiosk.identity import mask_nik
from kiosk.periods import EXAMPLES, Period, parse_period
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.prelist import PrelistExport, PrelistRow, prelist_for_period
from kiosk.services.prelist_review import (
    ReturnedProposal,
    record_prelist_progress,
    resubmit_prelist,
    returned_prelist,
)
from ui import file_dialogs, words
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page
from ui.period_field import PeriodField
from ui.prelist_files import write_prelist
from ui.prelist_musdes import ask_musdes, parse_day
from ui.row_model import RowTableModel


class PrelistPage(Page):
    shows = frozenset({Kind.PROPOSALS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "prelist_page", parent)
        # The period's list and its files (full NIKs) are the report readers'; a proposing
        # officer sees only the proposals returned for correction.
        self.can_export = actor.can(Perm.VIEW_REPORTS)
        self.export: PrelistExport | None = None
        self.shown_period: Period | None = None
        title = self.title_label(translate("prelist", "Usulan daftar awal (pre-list) DTKS"))
        self.period = PeriodField()
        self.period.setObjectName("prelist_period")
        self.period.setAccessibleName(translate("prelist", "Periode usulan"))
        self.period.setToolTip(
            translate("prelist", "Mis. {0}, bulan lalu, kuartal lalu").format(EXAMPLES)
        )
        self.period.entered.connect(self.show_period)
        label = QLabel(translate("prelist", "&Periode:"))
        label.setBuddy(self.period)
        show = QPushButton(translate("prelist", "&Tampilkan"))
        show.clicked.connect(self.show_period)
        self.save = QPushButton(translate("prelist", "&Simpan XLSX dan PDF…"))
        self.save.setObjectName("prelist_save")
        self.save.setEnabled(False)
        self.save.clicked.connect(self.on_save)
        self.musdes = QPushButton(translate("prelist", "Catat &musyawarah desa…"))
        self.musdes.setObjectName("prelist_musdes")
        self.musdes.setToolTip(
            translate("prelist", "Tanggal musyawarah desa dan nomor SIKS-NG usulan yang dipilih")
        )
        self.musdes.clicked.connect(self.on_musdes)
        row = QHBoxLayout()
        for w in (label, self.period, show, self.save, self.musdes):
            row.addWidget(w)
        self.model: RowTableModel[PrelistRow] = RowTableModel(
            (
                translate("prelist", "Tanggal"),
                translate("prelist", "NIK"),
                translate("prelist", "Nama"),
                translate("prelist", "Alamat"),
                translate("prelist", "Alasan"),
                translate("prelist", "Status"),
            ),
            self._cells,
            self,
        )
        # Date, NIK and name show whole; address and reason give way.
        self.table, self.columns = self.make_table(
            self.model,
            "prelist_table",
            translate("prelist", "Usulan pada periode ini"),
            (0, 1, 2),
            wrap=(2,),
        )
        self.info = QLabel("")
        self.info.setObjectName("prelist_info")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self._returned_part(actor, layout)
        self._show_returned([])
        self.stale = True  # the returned proposals are read when the page is first shown
        if not self.can_export:
            for widget in (label, self.period, show, self.save, self.musdes, self.table):
                widget.hide()
            self.info.setText(
                translate(
                    "prelist",
                    "Usulan daftar awal yang dikembalikan peninjau tampil di sini untuk "
                    "diperbaiki. Belum ada yang dikembalikan.",
                )
            )

    def _returned_part(self, actor: Actor, layout: QVBoxLayout) -> None:
        """The proposals the reviewer returned, listed whatever the period, for those who may
        correct them, with the button that sends one back."""
        self.can_fix = actor.can(Perm.PROPOSE_PRELIST) or actor.can(Perm.WORK_CASE)
        self.returned: RowTableModel[ReturnedProposal] = RowTableModel(
            (
                translate("prelist", "NIK"),
                translate("prelist", "Nama"),
                translate("prelist", "Alasan"),
                translate("prelist", "Catatan peninjau"),
            ),
            lambda r: (r.nik_masked, r.name, r.reason, r.review_note),
            self,
        )
        self.returned_table, self.returned_columns = self.make_table(
            self.returned,
            "prelist_returned",
            translate("prelist", "Usulan yang dikembalikan peninjau"),
            (0, 1),
            wrap=(2, 3),
        )
        self.returned_label = QLabel(translate("prelist", "Dikembalikan peninjau:"))
        self.returned_label.setBuddy(self.returned_table)
        self.resubmit = QPushButton(translate("prelist", "Perbaiki dan a&jukan lagi…"))
        self.resubmit.setObjectName("prelist_resubmit")
        self.resubmit.clicked.connect(self.on_resubmit)
        self.returned_row = QHBoxLayout()
        self.returned_row.addWidget(self.returned_label, 1)
        self.returned_row.addWidget(self.resubmit)
        layout.addLayout(self.returned_row)
        layout.addWidget(self.returned_table)

    @staticmethod
    def _cells(r: PrelistRow) -> tuple[str, ...]:
        address = " ".join(x for x in (r.address, f"RT {r.rt}/RW {r.rw}" if r.rt else "") if x)
        status = words.prelist_status(r.status) if r.proposal_id else ""
        if r.musdes_date and r.proposal_id:
            status += f" ({r.musdes_date:%d-%m-%Y}{', ' + r.siksng_ref if r.siksng_ref else ''})"
        day = r.proposed_on.strftime("%d-%m-%Y")
        return (day, mask_nik(r.nik), r.name, address, r.reason, status)

    def show_period(self) -> None:
        show_error(self.error, "")
        try:
            period = parse_period(self.period.value(), self.env.clock.today())
        except KioskError as exc:
            show_error(self.error, exc.message)
            return
        self.shown_period = period
        self.load()

    def reading(self) -> Op[tuple[PrelistExport | None, list[ReturnedProposal]]]:
        """The period last shown (if any) and the returned proposals, read again when
        proposals change."""
        gateway, actor, period, can_fix = (
            self.env.gateway,
            self.actor,
            self.shown_period,
            self.can_fix,
        )

        def read() -> tuple[PrelistExport | None, list[ReturnedProposal]]:
            export = gateway.call(prelist_for_period, actor, period) if period else None
            return export, gateway.call(returned_prelist, actor) if can_fix else []

        return self.env.run(self, read)

    def loaded(self, result: tuple[PrelistExport | None, list[ReturnedProposal]]) -> None:
        export, returned = result
        self._show_returned(returned)
        if export is not None:
            self._show_export(export)

    def _show_returned(self, returned: list[ReturnedProposal]) -> None:
        self.returned.set_rows(returned)
        shown = bool(returned)
        for w in (self.returned_label, self.resubmit, self.returned_table):
            w.setVisible(shown)
        if not self.can_export:
            self.info.setVisible(not shown)  # "none returned yet" while none is
        if shown:
            self.returned_label.setText(
                translate(
                    "prelist", "Dikembalikan peninjau ({0}): perbaiki alasannya, lalu ajukan lagi."
                ).format(angka(len(returned)))
            )

    def _show_export(self, export: PrelistExport) -> None:
        self.export = export
        self.model.set_rows(list(export.rows))
        self.info.setText(
            translate(
                "prelist",
                "{0}: {1} orang diusulkan. Berkas yang disimpan memuat NIK lengkap untuk "
                "kantor verifikasi; simpan di tempat aman.",
            ).format(export.period.label, angka(len(export.rows)))
        )
        self.save.setEnabled(True)

    def on_save(self) -> None:
        if self.export is None:
            return
        folder = self.choose_folder()
        if not folder:
            return
        try:
            written = write_prelist(self.export, Path(folder), self.env.clock.today())
        except OSError as exc:
            show_error(
                self.error,
                translate("prelist", "Berkas tidak dapat ditulis ({0}). Pilih folder lain.").format(
                    exc.strerror
                ),
            )
            return
        self.info.setText(
            translate("prelist", "Disimpan: {0}").format(", ".join(str(p) for p in written))
        )

    def choose_folder(self) -> str:
        """The folder for the two files (a test answers this without a dialog)."""
        return file_dialogs.choose_folder(self, translate("prelist", "Simpan usulan ke folder"))

    def chosen(self) -> PrelistRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def on_musdes(self) -> None:
        """Record the village meeting (and SIKS-NG number) of the chosen proposal."""
        row = self.chosen()
        if row is None or row.proposal_id is None:
            show_error(self.error, translate("prelist", "Pilih dulu baris pengusul di daftar."))
            return
        answer = ask_musdes(self, row.musdes_date, row.siksng_ref)
        if answer is None:
            return
        day = parse_day(answer["musdes"])
        if day is None:
            show_error(self.error, translate("prelist", "Tulis tanggal sebagai HH-BB-TTTT."))
            return
        show_error(self.error, "")
        self.env.op(
            self,
            record_prelist_progress,
            self.actor,
            row.proposal_id,
            day,
            answer["siksng"],
            self.env.clock,
        ).success(lambda _s: self.show_period()).failure(self._failed).run()

    def on_resubmit(self) -> None:
        """Correct the chosen returned proposal's reason and send it back for review."""
        rows = self.returned_table.selectionModel().selectedRows()
        item = self.returned.row(rows[0].row()) if rows else None
        if item is None:
            show_error(
                self.error, translate("prelist", "Pilih dulu usulan yang dikembalikan di daftar.")
            )
            return
        answer = FormDialog.ask(
            self,
            translate("prelist", "Perbaiki usulan daftar awal"),
            [
                Field(
                    "reason",
                    translate("prelist", "&Alasan usulan"),
                    kind="text",
                    value=item.reason,
                )
            ],
            translate("prelist", "Ajukan lagi"),
            intro=translate("prelist", "{0}. Catatan peninjau: {1}").format(
                item.name, item.review_note
            ),
        )
        if answer is None:
            return
        show_error(self.error, "")
        self.env.op(
            self, resubmit_prelist, self.actor, item.id, str(answer["reason"]), self.env.clock
        ).success(lambda _s: self.load()).failure(self._failed).run()
