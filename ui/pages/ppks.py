"""PPKS: record a person (by NIK), a family (by No. KK) or a community (by name and place) as
in need of social welfare services, by Kemensos type; the latest records below."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.services.actor import Actor
from kiosk.services.ppks import SOURCES, PpksInput, PpksView, list_ppks, record_ppks
from kiosk.services.reference import choices
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel

SUBJECTS = (
    ("orang", QT_TRANSLATE_NOOP("ppks", "Orang (NIK)")),
    ("keluarga", QT_TRANSLATE_NOOP("ppks", "Keluarga (No. KK)")),
    ("komunitas", QT_TRANSLATE_NOOP("ppks", "Komunitas")),
)
SOURCE_WORDS = {
    "kunjungan": QT_TRANSLATE_NOOP("ppks", "Kunjungan ke Puskesos"),
    "fasilitator": QT_TRANSLATE_NOOP("ppks", "Fasilitator / pendamping"),
    "laporan_rt": QT_TRANSLATE_NOOP("ppks", "Laporan RT/RW"),
    "laporan_warga": QT_TRANSLATE_NOOP("ppks", "Laporan warga"),
    "dinas": QT_TRANSLATE_NOOP("ppks", "Dinas / instansi"),
}


class PpksPage(Page):
    shows = frozenset({Kind.PPKS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "ppks_page", parent)
        title = self.title_label(translate("ppks", "PPKS - Pemerlu Pelayanan Kesejahteraan Sosial"))
        form = QFormLayout()
        self.subject = QComboBox()
        for code, label in SUBJECTS:
            self.subject.addItem(translate("ppks", label), code)
        self.who = QLineEdit()
        self.who.setObjectName("ppks_who")
        self.who.setPlaceholderText(
            translate("ppks", "NIK, No. KK, atau nama dan tempat komunitas")
        )
        self.kind = QComboBox()
        self.kind.setObjectName("ppks_kind")
        env.op(self, choices, "jenis_ppks").success(  # off the window's thread
            lambda found: [self.kind.addItem(c.label, c.code) for c in found]
        ).run()
        self.source = QComboBox()
        for code in SOURCES:
            self.source.addItem(translate("ppks", SOURCE_WORDS.get(code, code)), code)
        self.members = QSpinBox()
        self.members.setRange(0, 100_000)
        self.members.setSpecialValueText(translate("ppks", "tidak diketahui"))
        self.note = QLineEdit()
        for label, w in (
            (translate("ppks", "&Siapa"), self.subject),
            (translate("ppks", "&Identitas"), self.who),
            (translate("ppks", "&Jenis"), self.kind),
            (translate("ppks", "S&umber"), self.source),
            (translate("ppks", "Jumlah &anggota"), self.members),
            (translate("ppks", "&Catatan"), self.note),
        ):
            form.addRow(label, w)
        self.save = QPushButton(translate("ppks", "Ca&tat PPKS"))
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        self.info = QLabel()
        self.info.setObjectName("ppks_info")
        self.model: RowTableModel[PpksView] = RowTableModel(
            (
                translate("ppks", "Tanggal"),
                translate("ppks", "Siapa"),
                translate("ppks", "Jenis PPKS"),
                translate("ppks", "Sumber"),
            ),
            lambda v: (
                v.recorded_on.strftime("%d-%m-%Y"),
                v.who,
                v.type_label,
                SOURCE_WORDS.get(v.source, v.source),
            ),
            self,
        )
        # Date, who and the kind of PPKS show whole; the source gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "ppks_table",
            translate("ppks", "Catatan PPKS terbaru"),
            (0, 1, 2),
            wrap=(1, 2),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.load()

    def reading(self) -> Op[list[PpksView]]:
        return self.env.op(self, list_ppks, self.actor)

    def loaded(self, rows: list[PpksView]) -> None:
        self.model.set_rows(rows)

    def on_save(self) -> None:
        show_error(self.error, "")
        subject = str(self.subject.currentData())
        text = self.who.text()
        data = PpksInput(
            subject,
            str(self.kind.currentData()),
            str(self.source.currentData()),
            nik=text if subject == "orang" else "",
            no_kk=text if subject == "keluarga" else "",
            community=text if subject == "komunitas" else "",
            members=self.members.value() or None,
            note=self.note.text(),
        )
        self.env.op(self, record_ppks, self.actor, data, self.env.clock).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, view: PpksView) -> None:
        self.info.setText(
            translate("ppks", "Dicatat: {0} - {1}.").format(view.who, view.type_label)
        )
        self.who.clear()
        self.note.clear()
        self.members.setValue(0)
        self.load()
