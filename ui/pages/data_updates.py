"""Pemutakhiran DTKS: a change to a person already on DTKS/DTSEN (died, moved, household split,
NIK or name corrected, no longer poor), proposed by the front office or the facilitator with
the documents seen, and reviewed here by the supervisor. Only approved ones go upstream."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.data_updates import (
    UpdateInput,
    UpdateView,
    list_data_updates,
    propose_data_update,
    review_data_update,
)
from kiosk.services.reference import Choice, choices
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel

EVIDENCE = ("ktp", "kk", "akta_lahir", "surat_kematian", "surat_pindah", "sktm")
STATUSES = (
    ("diajukan", QT_TRANSLATE_NOOP("data_updates", "Menunggu supervisor")),
    ("disetujui", QT_TRANSLATE_NOOP("data_updates", "Disetujui")),
    ("ditolak", QT_TRANSLATE_NOOP("data_updates", "Ditolak")),
)


class DataUpdatesPage(Page):
    shows = frozenset({Kind.PROPOSALS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "data_updates_page", parent)
        title = self.title_label(translate("data_updates", "Pemutakhiran data warga DTKS/DTSEN"))
        self.info = QLabel()
        self.info.setObjectName("data_updates_info")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if actor.can(Perm.PROPOSE_PRELIST):
            layout.addWidget(self._propose_box())
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(self._list_row())
        layout.addWidget(self.table, 1)
        if actor.can(Perm.APPROVE_SUPERVISOR):
            layout.addLayout(self._review_row())
        self.load()

    def _propose_box(self) -> QGroupBox:
        box = QGroupBox(translate("data_updates", "Usulkan perubahan"))
        form = QFormLayout(box)
        self.nik = QLineEdit()
        self.nik.setObjectName("update_nik")
        self.nik.setPlaceholderText(translate("data_updates", "NIK di DTKS/DTSEN"))
        self.kind = QComboBox()
        self.kind.setObjectName("update_kind")
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(
            translate("data_updates", "NIK/nama/KK baru atau alamat tujuan, bila ada")
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            translate("data_updates", "Apa yang berubah dan kapan, mis. meninggal 3 Nov 2026")
        )
        self.docs: dict[str, QCheckBox] = {}
        self.docs_grid = QGridLayout()  # two to a row: fits a netbook and large text
        self.propose = QPushButton(translate("data_updates", "&Usulkan"))
        self.propose.setEnabled(False)  # until the kinds are there to choose from
        self.propose.setProperty("primary", True)
        self.propose.clicked.connect(self.on_propose)
        for label, w in (
            (translate("data_updates", "&NIK"), self.nik),
            (translate("data_updates", "&Jenis"), self.kind),
            (translate("data_updates", "&Data baru"), self.new_value),
            (translate("data_updates", "&Alasan"), self.reason),
        ):
            form.addRow(label, w)
        form.addRow(translate("data_updates", "Dokumen dilihat"), self.docs_grid)
        form.addRow("", self.propose)
        gateway = self.env.gateway

        def lists() -> tuple[list[Choice], list[Choice]]:  # on the database thread
            return gateway.call(choices, "jenis_pemutakhiran"), gateway.call(choices, "dokumen")

        self.env.run(self, lists).success(self._fill_lists).run()
        return box

    def _fill_lists(self, lists: tuple[list[Choice], list[Choice]]) -> None:
        kinds, documents = lists
        for c in kinds:
            self.kind.addItem(c.label, c.code)
        docs = {c.code: c.label for c in documents}
        self.docs = {code: QCheckBox(docs.get(code, code)) for code in EVIDENCE if code in docs}
        for i, check in enumerate(self.docs.values()):
            self.docs_grid.addWidget(check, i // 2, i % 2)
        self.propose.setEnabled(True)

    def _list_row(self) -> QHBoxLayout:
        self.status = QComboBox()
        self.status.setObjectName("update_status")
        self.status.setAccessibleName(translate("data_updates", "Tampilkan usulan"))
        for code, label in STATUSES:
            self.status.addItem(translate("data_updates", label), code)
        self.status.addItem(translate("data_updates", "Semua"), "")
        self.status.currentIndexChanged.connect(lambda _i: self.load())
        self.model: RowTableModel[UpdateView] = RowTableModel(
            (
                translate("data_updates", "Tanggal"),
                translate("data_updates", "NIK"),
                translate("data_updates", "Nama"),
                translate("data_updates", "Jenis"),
                translate("data_updates", "Data baru"),
                translate("data_updates", "Alasan"),
                translate("data_updates", "Status"),
                translate("data_updates", "Catatan"),
            ),
            lambda v: (
                v.proposed_on.strftime("%d-%m-%Y"),
                v.nik_masked,
                v.name,
                v.kind_label,
                v.new_value,
                v.reason,
                v.status,
                v.review_note,
            ),
            self,
        )
        # Date, NIK, name, kind and status show whole; the new data, reason and note give way.
        self.table, self.columns = self.make_table(
            self.model,
            "data_updates_table",
            translate("data_updates", "Usulan pemutakhiran"),
            (0, 1, 2, 3, 6),
            wrap=(2, 3, 6),
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("data_updates", "Tampilkan:")))
        row.addWidget(self.status)
        row.addStretch(1)
        return row

    def _review_row(self) -> QHBoxLayout:
        self.note = QLineEdit()
        self.note.setObjectName("update_note")
        self.note.setPlaceholderText(translate("data_updates", "Catatan (wajib bila ditolak)"))
        self.approve = QPushButton(translate("data_updates", "&Setujui"))
        self.approve.clicked.connect(lambda: self.on_review(True))
        self.reject = QPushButton(translate("data_updates", "&Tolak"))
        self.reject.clicked.connect(lambda: self.on_review(False))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.approve)
        row.addWidget(self.reject)
        return row

    def reading(self) -> Op[list[UpdateView]]:
        status = str(self.status.currentData() or "") or None
        return self.env.op(self, list_data_updates, self.actor, status, self.env.clock)

    def loaded(self, rows: list[UpdateView]) -> None:
        self.model.set_rows(rows)

    def on_propose(self) -> None:
        show_error(self.error, "")
        data = UpdateInput(
            self.nik.text(),
            str(self.kind.currentData() or ""),
            self.reason.text(),
            self.new_value.text(),
            [code for code, check in self.docs.items() if check.isChecked()],
        )
        self.env.op(self, propose_data_update, self.actor, data, self.env.clock).success(
            self._proposed
        ).failure(self._failed).run()

    def _proposed(self, view: UpdateView) -> None:
        self.info.setText(
            translate("data_updates", "Diusulkan: {0} - {1}. Menunggu supervisor.").format(
                view.name, view.kind_label
            )
        )
        for w in (self.nik, self.new_value, self.reason):
            w.clear()
        self.load()

    def on_review(self, approve: bool) -> None:
        show_error(self.error, "")
        row = self.table.currentIndex().row()
        if row < 0:
            show_error(self.error, translate("data_updates", "Pilih usulan di tabel dulu."))
            return
        chosen = self.model.row(row)
        self.env.op(
            self,
            review_data_update,
            self.actor,
            chosen.id,
            approve,
            self.note.text(),
            self.env.clock,
        ).success(self._reviewed).failure(self._failed).run()

    def _reviewed(self, view: UpdateView) -> None:
        self.note.clear()
        self.info.setText(f"{view.name}: {view.status}.")
        self.load()
