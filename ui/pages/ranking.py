"""Peringkat calon: the coordinator ranks the village's households for a regional or village
programme (a quota and the weights of each fact), reads each rank's reasons, and saves the list
for the village meeting. The list is a proposal for the meeting, never a decision: submitted, it
is kept as ranked, the supervisor reviews it here, and the coordinator records what the
musyawarah desa decided for each household."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.formatting import angka
from kiosk.identity import mask_nik
from kiosk.ranking import DEFAULT_WEIGHTS, WORDS, Ranked, Ranking
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.ranking import rank_candidates
from kiosk.services.ranking_lists import (
    APPROVED,
    EntryView,
    ListView,
    StoredRanking,
    list_rankings,
    ranking_entries,
    review_ranking,
    stored_ranking,
    submit_ranking,
)
from kiosk.services.reference import Choice, programme_list
from kiosk.services.setup import require_site
from printing.report_values import shown
from ui import file_dialogs
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.pages.base import Page
from ui.ranking_files import write_ranking
from ui.row_model import RowTableModel

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
HEADERS = (
    QT_TRANSLATE_NOOP("ranking", "No"),
    QT_TRANSLATE_NOOP("ranking", "Kuota / putusan"),
    QT_TRANSLATE_NOOP("ranking", "Nama"),
    QT_TRANSLATE_NOOP("ranking", "NIK"),
    QT_TRANSLATE_NOOP("ranking", "No. KK"),
    QT_TRANSLATE_NOOP("ranking", "Desil"),
    QT_TRANSLATE_NOOP("ranking", "Skor"),
    QT_TRANSLATE_NOOP("ranking", "Alasan"),
)


# The facts' words (kiosk.ranking.WORDS) marked here for the window; the files for the
# village meeting keep kiosk's Indonesian.
WEIGHT_WORDS = {
    "decile": QT_TRANSLATE_NOOP("ranking", "desil"),
    "children": QT_TRANSLATE_NOOP("ranking", "balita"),
    "school": QT_TRANSLATE_NOOP("ranking", "anak usia sekolah"),
    "elderly": QT_TRANSLATE_NOOP("ranking", "lansia"),
    "disability": QT_TRANSLATE_NOOP("ranking", "disabilitas"),
    "need": QT_TRANSLATE_NOOP("ranking", "kebutuhan tercatat"),
    "size": QT_TRANSLATE_NOOP("ranking", "jumlah anggota"),
}


def weight_word(key: str) -> str:
    return translate("ranking", WEIGHT_WORDS.get(key, WORDS[key]))


class RankingPage(Page):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "ranking_page", parent)
        self.result: Ranking | None = None
        self.kept: StoredRanking | None = None  # a submitted list on show, else the live one
        title = self.title_label(
            translate("ranking", "Peringkat calon penerima program daerah / desa")
        )
        self.programme = QComboBox()
        self.programme.setObjectName("ranking_programme")
        self.programme.setAccessibleName(translate("ranking", "Program"))
        env.op(self, programme_list).success(self._programmes).run()  # off the window's thread
        # Long programme names must not widen the page past a small laptop's screen.
        self.programme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.programme.setMinimumContentsLength(24)
        self.quota = QSpinBox()
        self.quota.setRange(1, 100_000)
        self.quota.setValue(50)
        self.quota.setAccessibleName(translate("ranking", "Kuota keluarga"))
        self.run = QPushButton(translate("ranking", "&Hitung peringkat"))
        self.run.setProperty("primary", True)
        self.run.clicked.connect(self.on_run)
        self.save = QPushButton(translate("ranking", "&Simpan PDF dan XLSX…"))
        self.save.setEnabled(False)
        self.save.clicked.connect(self.on_save)
        top = QHBoxLayout()
        for text, field in (
            (translate("ranking", "&Program:"), self.programme),
            (translate("ranking", "K&uota:"), self.quota),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run)
        buttons.addWidget(self.save)
        self.submit = QPushButton(translate("ranking", "A&jukan ke supervisor"))
        self.submit.setObjectName("ranking_submit")
        self.submit.setEnabled(False)
        self.submit.clicked.connect(self.on_submit)
        if actor.can(Perm.APPROVE_COORDINATOR):
            buttons.addWidget(self.submit)
        buttons.addStretch(1)
        grid = self._weights_grid()
        self.model: RowTableModel[Ranked] = RowTableModel(
            HEADERS, self._cells, self, context="ranking"
        )
        # Rank, decision, name, NIK, decile and score show whole; KK and reason give way.
        self.table, self.columns = self.make_table(
            self.model,
            "ranking_table",
            translate("ranking", "Peringkat calon"),
            (0, 1, 2, 3, 5, 6),
            wrap=(1, 2),
        )
        self.info = QLabel(translate("ranking", "Pilih program, kuota dan bobot, lalu Hitung."))
        self.info.setObjectName("ranking_info")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addLayout(self._kept_row())
        if actor.can(Perm.APPROVE_SUPERVISOR):
            layout.addLayout(self._review_row())
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.refresh_kept()

    def _programmes(self, found: list[Choice]) -> None:
        for c in found:
            self.programme.addItem(f"{c.code} - {c.label}", c.code)
        self.programme.setCurrentIndex(max(0, self.programme.findData("BLT-DD")))

    def _weights_grid(self) -> QGridLayout:
        """One box per fact, its name above it: four to a row fit a netbook."""
        self.weights: dict[str, QDoubleSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("ranking", "Bobot:")), 0, 0)
        for i, (key, value) in enumerate(DEFAULT_WEIGHTS.items()):
            box = QDoubleSpinBox()
            box.setRange(0, 10)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setValue(value)
            box.setLocale(INDONESIAN)  # 5,0 not 5.0
            box.setAccessibleName(translate("ranking", "Bobot {0}").format(weight_word(key)))
            self.weights[key] = box
            label = QLabel(weight_word(key))  # above its box: four to a row fit a netbook
            label.setBuddy(box)
            grid.addWidget(label, 2 * (i // 4), 1 + i % 4)
            grid.addWidget(box, 2 * (i // 4) + 1, 1 + i % 4)
        return grid

    def _kept_row(self) -> QHBoxLayout:
        self.lists = QComboBox()
        self.lists.setObjectName("ranking_lists")
        self.lists.setAccessibleName(translate("ranking", "Daftar yang diajukan"))
        self.lists.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lists.setMinimumContentsLength(20)
        self.open_kept = QPushButton(translate("ranking", "&Buka"))
        self.open_kept.setObjectName("ranking_open")
        self.open_kept.clicked.connect(self.on_open_kept)
        self.decide = QPushButton(translate("ranking", "Keputusan &musdes…"))
        self.decide.setObjectName("ranking_decide")
        self.decide.clicked.connect(self.on_decide)
        label = QLabel(translate("ranking", "&Daftar diajukan:"))
        label.setBuddy(self.lists)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.lists, 1)
        row.addWidget(self.open_kept)
        if self.actor.can(Perm.APPROVE_COORDINATOR):
            row.addWidget(self.decide)
        return row

    def _review_row(self) -> QHBoxLayout:
        self.note = QLineEdit()
        self.note.setObjectName("ranking_note")
        self.note.setPlaceholderText(
            translate("ranking", "Catatan pemeriksaan (wajib bila ditolak)")
        )
        self.note.setAccessibleName(translate("ranking", "Catatan pemeriksaan"))
        self.approve = QPushButton(translate("ranking", "Se&tujui daftar"))
        self.approve.setObjectName("ranking_approve")
        self.approve.clicked.connect(lambda: self.on_review(True))
        self.refuse = QPushButton(translate("ranking", "T&olak daftar"))
        self.refuse.setObjectName("ranking_refuse")
        self.refuse.clicked.connect(lambda: self.on_review(False))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.approve)
        row.addWidget(self.refuse)
        return row

    @staticmethod
    def _in_quota(r: Ranked) -> str:
        return translate("ranking", "ya") if r.within_quota else ""

    def _cells(self, r: Ranked) -> tuple[str, ...]:
        c = r.candidate
        decisions = self.kept.decisions if self.kept else None
        return (
            str(r.rank),
            decisions.get(c.key, "")
            if decisions
            else (translate("ranking", "ya") if r.within_quota else ""),
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
        self.result, self.kept = result, None
        self.submit.setEnabled(True)
        self.model.set_rows(list(result.ranked))
        self.info.setText(
            translate(
                "ranking",
                "{0} keluarga diperingkat untuk {1}; {2} dalam kuota. Tidak diperingkat: "
                "{3} (alasannya ada di berkas). Daftar ini bahan musyawarah desa, bukan "
                "keputusan.",
            ).format(
                angka(len(result.ranked)),
                result.programme,
                angka(min(result.quota, len(result.ranked))),
                angka(len(result.excluded)),
            )
        )
        self.save.setEnabled(True)

    def choose_folder(self) -> str:
        """Where the two files go (a test answers this without a dialog)."""
        return file_dialogs.choose_folder(self, translate("ranking", "Simpan peringkat ke folder"))

    def on_save(self) -> None:
        folder = self.choose_folder() if self.result else ""
        if not self.result or not folder:
            return
        status, decisions = (
            (self.kept.status_line, self.kept.decisions or None) if self.kept else ("", None)
        )
        gateway, result, today = self.env.gateway, self.result, self.env.clock.today()

        def save() -> list[Path]:  # off the window's thread: the site and the files
            site = gateway.call(require_site)
            return write_ranking(result, site, Path(folder), today, status, decisions)

        self.env.run(self, save).success(
            lambda written: self.info.setText(
                translate("ranking", "Disimpan: {0}").format(", ".join(str(p) for p in written))
            )
        ).failure(self._failed).run()

    def refresh_kept(self, select: object = None) -> None:
        def fill(views: list[ListView]) -> None:
            chosen = select if select is not None else self.lists.currentData()
            self.lists.clear()
            for v in views:
                self.lists.addItem(f"{v.title} ({v.status_words})", v.id)
            if not views:
                self.lists.addItem(translate("ranking", "Belum ada daftar yang diajukan"), None)
            self.lists.setCurrentIndex(max(0, self.lists.findData(chosen)))

        self.env.op(self, list_rankings, self.actor, self.env.clock).success(fill).failure(
            self._failed
        ).run()

    def on_submit(self) -> None:
        show_error(self.error, "")
        if self.result is None:
            return
        r = self.result
        self.env.op(
            self, submit_ranking, self.actor, r.programme, r.quota, r.weights, self.env.clock
        ).success(self._submitted).failure(self._failed).run()

    def _submitted(self, kept: ListView) -> None:
        self.submit.setEnabled(False)
        self.info.setText(
            translate(
                "ranking",
                "Diajukan ke supervisor: {0}, {1} keluarga diperingkat. Supervisor "
                "memeriksanya di halaman ini.",
            ).format(kept.programme, angka(kept.ranked))
        )
        self.refresh_kept(kept.id)

    def on_open_kept(self) -> None:
        show_error(self.error, "")
        list_id = self.lists.currentData()
        if list_id is None:
            show_error(self.error, translate("ranking", "Belum ada daftar yang diajukan."))
            return
        self.env.op(self, stored_ranking, self.actor, list_id, self.env.clock).success(
            self._opened
        ).failure(self._failed).run()

    def _opened(self, kept: StoredRanking) -> None:
        self.result, self.kept = kept.ranking, kept
        self.submit.setEnabled(False)
        self.model.set_rows(list(kept.ranking.ranked))
        note = (
            translate("ranking", " Catatan supervisor: {0}").format(kept.view.review_note)
            if kept.view.review_note
            else ""
        )
        self.info.setText(
            translate("ranking", "{0}, diajukan oleh {1}. {2}{3}").format(
                kept.view.title, kept.view.created_by, kept.status_line, note
            )
        )
        self.save.setEnabled(True)

    def on_review(self, approve: bool) -> None:
        show_error(self.error, "")
        list_id = self.lists.currentData()
        if list_id is None:
            show_error(self.error, translate("ranking", "Pilih daftar yang diperiksa."))
            return
        self.env.op(
            self, review_ranking, self.actor, list_id, approve, self.note.text(), self.env.clock
        ).success(self._reviewed).failure(self._failed).run()

    def _reviewed(self, view: ListView) -> None:
        self.note.clear()
        self.info.setText(f"{view.title}: {view.status_words}.")
        self.refresh_kept(view.id)

    def on_decide(self) -> None:
        show_error(self.error, "")
        list_id = self.lists.currentData()
        if list_id is None:
            show_error(self.error, translate("ranking", "Pilih daftar yang diputuskan musyawarah."))
            return
        self.env.op(self, list_rankings, self.actor, self.env.clock).success(
            lambda views: self._decide_on({v.id: v for v in views}.get(list_id))
        ).failure(self._failed).run()

    def _decide_on(self, kept: ListView | None) -> None:
        """Only a reviewed list not yet decided goes to the meeting's dialog."""
        if kept is None or kept.status != APPROVED:
            show_error(
                self.error,
                translate(
                    "ranking",
                    "Keputusan musyawarah dicatat untuk daftar yang sudah disetujui supervisor "
                    "dan belum diputuskan.",
                ),
            )
            return
        self.env.op(self, ranking_entries, self.actor, kept.id).success(
            lambda entries: self.ask_decision(kept, entries)
        ).failure(self._failed).run()

    def ask_decision(self, kept: ListView, entries: list[EntryView]) -> None:
        """Open the meeting's dialog (a test drives the dialog it opens)."""
        from ui.pages.ranking_decision import DecisionDialog

        dialog = DecisionDialog(self.env, self.actor, kept, entries, self)
        self.decision_dialog = dialog
        dialog.finished.connect(lambda _code: self._decided(dialog.result_view))
        dialog.open()

    def _decided(self, view: ListView | None) -> None:
        if view is None:
            return
        self.info.setText(
            translate(
                "ranking",
                "Keputusan musdes {0} dicatat: {1} keluarga ditetapkan. Dikirim ke "
                "kabupaten pada sinkronisasi berikutnya.",
            ).format(view.meeting_ref, angka(view.selected))
        )
        self.refresh_kept(view.id)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            show_error(
                self.error,
                translate("ranking", "Berkas tidak dapat ditulis ({0}). Pilih folder lain.").format(
                    exc.strerror
                ),
            )
            return
        super()._failed(exc)
