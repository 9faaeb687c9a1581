"""Import a DTKS/DTSEN export: check the column mapping, import with progress, cancel, report.

The import runs on its own worker thread (minutes for a large kabupaten), so the window and the
other pages stay responsive; the old snapshot answers DTKS checks until the new one is complete.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.dtks.columns import field_label
from kiosk.dtks.guard import NeedsConfirmation
from kiosk.dtks.import_process import import_in_process
from kiosk.dtks.importer import ImportReport, Preview, import_snapshot, preview
from kiosk.dtks.name_index import warm
from kiosk.dtks.reader import encoding_label
from kiosk.formatting import angka, tanggal_panjang
from kiosk.services.actor import Actor
from ui import file_dialogs
from ui.env import UiEnv
from ui.forms import add_field, show_error
from ui.i18n import translate
from ui.ops import Op, ThreadExecutor
from ui.pages.base import Page
from ui.rejection_files import write_rejections


class DtksImportPage(Page):
    """Administrator's or coordinator's page; the service checks the permission again."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "dtks_import_page", parent)
        self.worker = (
            ThreadExecutor(1) if isinstance(env.executor, ThreadExecutor) else env.executor
        )
        self.cancel_event = threading.Event()
        self.report: ImportReport | None = None
        form = QFormLayout()
        self.path = add_field(
            form, translate("dtks_import", "&Berkas ekspor (CSV/XLSX)"), QLineEdit(), "dtks_file"
        )
        self.path.returnPressed.connect(self.on_preview)
        self.kind = add_field(
            form, translate("dtks_import", "&Jenis data"), QComboBox(), "dtks_kind"
        )
        self.kind.addItems(["DTSEN", "DTKS"])  # names of registers, and the value stored
        self.date = add_field(
            form, translate("dtks_import", "&Tanggal data (HH-BB-TTTT)"), QLineEdit(), "dtks_date"
        )
        choose = QPushButton(translate("dtks_import", "&Pilih berkas…"))
        choose.clicked.connect(self.on_choose)
        check = QPushButton(translate("dtks_import", "Periksa k&olom"))
        check.clicked.connect(self.on_preview)
        self.start_button = QPushButton(translate("dtks_import", "&Impor"))
        self.start_button.setProperty("primary", True)
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(lambda: self.on_import())
        self.cancel_button = QPushButton(translate("dtks_import", "Bata&lkan impor"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_event.set)
        buttons = QHBoxLayout()
        for b in (choose, check, self.start_button, self.cancel_button):
            buttons.addWidget(b)
        self.mapping_model = QStandardItemModel(0, 2, self)
        self.mapping_model.setHorizontalHeaderLabels(
            [
                translate("dtks_import", "Kolom di berkas"),
                translate("dtks_import", "Dipakai sebagai"),
            ]
        )
        self.mapping = QTableView()
        self.mapping.setObjectName("dtks_mapping")
        self.mapping.setAccessibleName(translate("dtks_import", "Pemetaan kolom"))
        self.mapping.setModel(self.mapping_model)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAccessibleName(translate("dtks_import", "Keterangan berkas"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(translate("dtks_import", "Kemajuan impor"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("dtks_import", "Hasil impor"))
        self.save_report = QPushButton(
            translate("dtks_import", "Simpan daftar baris yang &ditolak…")
        )
        self.save_report.setEnabled(False)
        self.save_report.clicked.connect(self.on_save_report)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.save_report)
        layout.addWidget(self.error)

    def on_choose(self) -> None:
        name = file_dialogs.open_file(
            self,
            translate("dtks_import", "Pilih ekspor DTKS/DTSEN"),
            translate("dtks_import", "Data (*.csv *.txt *.xlsx)"),
        )
        if name:
            self.path.setText(name)
            self.on_preview()

    def on_preview(self) -> None:
        path = Path(self.path.text().strip())
        Op(self, self.worker, lambda: preview(path)).success(self._previewed).failure(
            self._failed
        ).run()

    def _previewed(self, p: Preview) -> None:
        self.mapping_model.removeRows(0, self.mapping_model.rowCount())
        for column, field in p.mapping:
            label = field_label(field)
            if column in p.matched_by_words:  # a guess from the header's words: check it
                label += translate("dtks_import", " (dari kata pada judul kolom)")
            self.mapping_model.appendRow([QStandardItem(column), QStandardItem(label)])
        for column in p.unused_columns:
            self.mapping_model.appendRow(
                [QStandardItem(column), QStandardItem(translate("dtks_import", "(tidak dipakai)"))]
            )
        enc = encoding_label(p.encoding)
        sep = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}.get(
            p.delimiter or "", "-"
        )
        if p.snapshot_date is not None:
            self.date.setText(p.snapshot_date.strftime("%d-%m-%Y"))
            day = translate("dtks_import", " Tanggal data {0} (dari {1}).").format(
                tanggal_panjang(p.snapshot_date), p.snapshot_date_from
            )
        elif not self.date.text().strip():
            day = translate(
                "dtks_import",
                " Tanggal data tidak tertulis di berkas: isi Tanggal data dari surat pengantarnya.",
            )
        else:
            day = ""
        self.info.setText(
            translate(
                "dtks_import", "Pengodean {0}, pemisah {1}.{2} Periksa pemetaan kolom, lalu Impor."
            ).format(enc, sep, day)
            + (f" {p.problem}" if p.problem else "")
        )
        self.start_button.setEnabled(p.usable)
        show_error(self.error, "" if p.usable else p.problem)
        if p.usable:
            (self.start_button if self.date.text().strip() else self.date).setFocus()

    def confirm_replace(self, message: str) -> bool:
        """Ask before a much smaller or foreign snapshot replaces the register (No is default:
        the citizens at the counter must not turn "not in DTKS" by accident)."""
        answer = QMessageBox.question(
            self,
            translate("dtks_import", "Ganti data DTKS?"),
            message.replace(" (baris perintah: --replace-smaller)", "")
            + translate("dtks_import", "\n\nGanti data DTKS yang dipakai dengan berkas ini?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_no_date(self) -> bool:
        """Importing without the data's date is allowed, after a question (default No): the
        counter then says "tanggal tidak diketahui" beside every DTKS answer."""
        answer = QMessageBox.question(
            self,
            translate("dtks_import", "Tanggal data kosong"),
            translate(
                "dtks_import",
                "Tanggal data tidak tertulis di berkas dan belum diisi. Tanpa tanggal, setiap "
                "pemeriksaan DTKS menyebut 'tanggal tidak diketahui'.\n\nImpor tanpa tanggal data?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_import(self, confirmed: bool = False) -> None:
        text = self.date.text().strip()
        try:
            day = datetime.strptime(text, "%d-%m-%Y").date() if text else None
        except ValueError:
            show_error(
                self.error,
                translate("dtks_import", "Tanggal data ditulis HH-BB-TTTT, mis. 08-10-2026."),
            )
            self.date.setFocus()
            return
        if day is None and not confirmed and not self.confirm_no_date():
            self.date.setFocus()
            return
        self.cancel_event.clear()
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        self.summary.setText(
            translate("dtks_import", "Mengimpor… data DTKS lama tetap dipakai sampai selesai.")
        )
        ctx, actor, path, kind = (
            self.env.gateway.ctx,
            self.actor,
            Path(self.path.text().strip()),
            self.kind.currentText(),
        )

        def run() -> ImportReport:
            def progress(done: int, total: int, rows: int) -> None:
                op.report((done, total, rows))

            if isinstance(self.worker, ThreadExecutor):  # the real window: a child process
                return import_in_process(
                    ctx.url,
                    str(ctx.paths.data_dir),
                    actor,
                    path,
                    kind=kind,
                    snapshot_date=day,
                    progress=progress,
                    cancel=self.cancel_event,
                    replace_smaller=confirmed,
                )
            return import_snapshot(
                ctx,
                actor,
                path,
                kind=kind,
                snapshot_date=day,
                cancel=self.cancel_event,
                progress=progress,
                replace_smaller=confirmed,
            )

        op = Op(self, self.worker, run, self.env.changes)
        op.on_progress(self._progress).success(self._done).failure(self._failed).run()

    def _progress(self, value: tuple[int, int, int]) -> None:
        done, total, rows = value
        self.bar.setValue(int(100 * done / max(total, 1)))
        self.bar.setFormat(translate("dtks_import", "%p% - {0} baris").format(angka(rows)))

    def _done(self, report: ImportReport) -> None:
        self.report = report
        if report.snapshot_id is not None:  # the child's import: build the search index here
            self.env.op(self, warm, report.snapshot_id, report.imported).run()
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)
        self.bar.setValue(100)
        rejected = sum(report.rejected.values())
        examples = report.examples()
        reasons = "; ".join(
            translate("dtks_import", "{0}: {1} (mis. baris {2})").format(
                r,
                angka(n),
                ", ".join(f"{line} {value}".strip() for line, value in examples.get(r, [])),
            )
            for r, n in report.rejected.most_common(5)
        )
        self.summary.setText(
            translate(
                "dtks_import",
                "Selesai: {0} baris diimpor dari {1}; {2} ditolak; {3} baris kembar "
                "dihitung sekali.",
            ).format(
                angka(report.imported),
                angka(report.rows_read),
                angka(rejected),
                angka(report.duplicates),
            )
            + (
                translate("dtks_import", " Alasan penolakan: {0}.").format(reasons)
                if reasons
                else ""
            )
        )
        self.save_report.setEnabled(bool(report.rejections))
        show_error(self.error, "")

    def on_save_report(self) -> None:
        if self.report is None:
            return
        name = file_dialogs.save_file(
            self,
            translate("dtks_import", "Simpan daftar baris ditolak"),
            "baris-ditolak.csv",
            translate("dtks_import", "CSV (*.csv)"),
        )
        if name:
            write_rejections(Path(name), self.report)
            self.summary.setText(
                self.summary.text() + translate("dtks_import", " Daftar disimpan: {0}").format(name)
            )

    def _failed(self, exc: Exception) -> None:
        self.cancel_button.setEnabled(False)
        self.start_button.setEnabled(True)
        if isinstance(exc, NeedsConfirmation) and self.confirm_replace(exc.message):
            self.on_import(confirmed=True)
            return
        super()._failed(exc)
