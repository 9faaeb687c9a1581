"""Peringkat calon: the coordinator ranks the village's households for a regional or village
programme (a quota and the weights of each fact), reads each rank's reasons, and saves the list
for the village meeting. The list is a proposal for the meeting, never a decision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.formatting import angka
from kiosk.identity import mask_nik
from kiosk.ranking import DEFAULT_WEIGHTS, WORDS, Ranked, Ranking
from kiosk.services.actor import Actor
from kiosk.services.ranking import rank_candidates
from kiosk.services.reference import programme_list
from kiosk.services.setup import require_site
from printing.report_values import shown
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.ranking_files import write_ranking
from ui.row_model import RowTableModel

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
HEADERS = ("No", "Kuota", "Nama", "NIK", "No. KK", "Desil", "Skor", "Alasan")


class RankingPage(QWidget):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.result: Ranking | None = None
        self.setObjectName("ranking_page")
        title = QLabel("Peringkat calon penerima program daerah / desa")
        title.setProperty("role", "title")
        self.programme = QComboBox()
        self.programme.setObjectName("ranking_programme")
        self.programme.setAccessibleName("Program")
        for c in env.gateway.call(programme_list):
            self.programme.addItem(f"{c.code} - {c.label}", c.code)
        self.programme.setCurrentIndex(max(0, self.programme.findData("BLT-DD")))
        # Long programme names must not widen the page past a small laptop's screen.
        self.programme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.programme.setMinimumContentsLength(24)
        self.quota = QSpinBox()
        self.quota.setRange(1, 100_000)
        self.quota.setValue(50)
        self.quota.setAccessibleName("Kuota keluarga")
        self.run = QPushButton("&Hitung peringkat")
        self.run.setProperty("primary", True)
        self.run.clicked.connect(self.on_run)
        self.save = QPushButton("&Simpan PDF dan XLSX…")
        self.save.setEnabled(False)
        self.save.clicked.connect(self.on_save)
        top = QHBoxLayout()
        for text, field in (("&Program:", self.programme), ("&Kuota:", self.quota)):
            label = QLabel(text)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        self.weights: dict[str, QDoubleSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("Bobot:"), 0, 0)
        for i, (key, value) in enumerate(DEFAULT_WEIGHTS.items()):
            box = QDoubleSpinBox()
            box.setRange(0, 10)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setValue(value)
            box.setLocale(INDONESIAN)  # 5,0 not 5.0
            box.setAccessibleName(f"Bobot {WORDS[key]}")
            self.weights[key] = box
            label = QLabel(WORDS[key])  # above its box: four to a row fit a netbook
            label.setBuddy(box)
            grid.addWidget(label, 2 * (i // 4), 1 + i % 4)
            grid.addWidget(box, 2 * (i // 4) + 1, 1 + i % 4)
        self.model: RowTableModel[Ranked] = RowTableModel(HEADERS, self._cells, self)
        self.table = QTableView()
        self.table.setObjectName("ranking_table")
        self.table.setAccessibleName("Peringkat calon")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.info = QLabel("Pilih program, kuota dan bobot, lalu Hitung.")
        self.info.setObjectName("ranking_info")
        self.info.setWordWrap(True)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    @staticmethod
    def _cells(r: Ranked) -> tuple[str, ...]:
        c = r.candidate
        return (
            str(r.rank),
            "ya" if r.within_quota else "",
            c.head,
            mask_nik(c.nik),
            c.no_kk,
            str(c.decile or "-"),
            shown(r.score),
            "; ".join(r.reasons),
        )

    def on_run(self) -> None:
        show_error(self.error, "")
        weights = {k: box.value() for k, box in self.weights.items()}
        code = str(self.programme.currentData() or "")
        self.env.op(
            self, rank_candidates, self.actor, code, self.quota.value(), weights, self.env.clock
        ).success(self._shown).failure(self._failed).run()

    def _shown(self, result: Ranking) -> None:
        self.result = result
        self.model.set_rows(list(result.ranked))
        self.table.resizeColumnsToContents()
        self.info.setText(
            f"{angka(len(result.ranked))} keluarga diperingkat untuk {result.programme}; "
            f"{angka(min(result.quota, len(result.ranked)))} dalam kuota. "
            f"Tidak diperingkat: {angka(len(result.excluded))} (alasannya ada di berkas). "
            "Daftar ini bahan musyawarah desa, bukan keputusan."
        )
        self.save.setEnabled(True)

    def choose_folder(self) -> str:
        """Where the two files go (a test answers this without a dialog)."""
        return QFileDialog.getExistingDirectory(self, "Simpan peringkat ke folder")

    def on_save(self) -> None:
        folder = self.choose_folder() if self.result else ""
        if not self.result or not folder:
            return
        site = self.env.gateway.call(require_site)
        self.env.run(
            self, write_ranking, self.result, site, Path(folder), self.env.clock.today()
        ).success(
            lambda written: self.info.setText("Disimpan: " + ", ".join(str(p) for p in written))
        ).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            show_error(
                self.error, f"Berkas tidak dapat ditulis ({exc.strerror}). Pilih folder lain."
            )
            return
        show_error(self.error, message_of(exc))
