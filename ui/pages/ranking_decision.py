"""The village meeting's decision, typed from the berita acara: the day, its number, and for
each ranked household *ditetapkan*, *cadangan* or *tidak ditetapkan* (the ones within the
quota start as ditetapkan, the rest as tidak). The dialog stays open until the decision is
recorded, so a refusal (over the quota, a day still to come) loses nothing typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.actor import Actor
from kiosk.services.ranking_lists import (
    DECISIONS,
    NOT_SELECTED,
    RESERVE,
    SELECTED,
    EntryView,
    ListView,
    record_meeting_decision,
)
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate

# kiosk's decision words, marked here for the window.
WORDS = {
    SELECTED: QT_TRANSLATE_NOOP("ranking_decision", "Ditetapkan"),
    RESERVE: QT_TRANSLATE_NOOP("ranking_decision", "Cadangan"),
    NOT_SELECTED: QT_TRANSLATE_NOOP("ranking_decision", "Tidak ditetapkan"),
}


class DecisionDialog(QDialog):
    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        kept: ListView,
        entries: list[EntryView],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.env, self.actor, self.kept = env, actor, kept
        self.result_view: ListView | None = None
        self.entries = [e for e in entries if e.rank is not None]
        self.setWindowTitle(translate("ranking_decision", "Keputusan musyawarah desa"))
        self.setAccessibleName(translate("ranking_decision", "Keputusan musyawarah desa"))
        today = env.clock.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ref = QLineEdit()
        self.ref.setObjectName("decision_ref")
        self.ref.setPlaceholderText(translate("ranking_decision", "mis. 140/05/BA/XI/2026"))
        form = QFormLayout()
        form.addRow(translate("ranking_decision", "&Tanggal musyawarah"), self.day)
        form.addRow(translate("ranking_decision", "&Nomor berita acara"), self.ref)
        intro = QLabel(
            translate(
                "ranking_decision",
                "{0}, kuota {1} keluarga. Pilih keputusan tiap keluarga; yang ditetapkan "
                "tidak boleh melebihi kuota. Keputusan dikirim ke kabupaten.",
            ).format(kept.programme, kept.quota)
        )
        intro.setWordWrap(True)
        self._fill_table()
        self.error = error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("ranking_decision", "Catat keputusan"))
        ok.setObjectName("decision_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("ranking_decision", "Batal")
        )
        buttons.accepted.connect(self.on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _fill_table(self) -> None:
        """One row per ranked household: rank, name, No. KK and a choice of decision (those
        within the quota start as selected)."""
        self.table = QTableWidget(len(self.entries), 4)
        self.table.setObjectName("decision_table")
        self.table.setAccessibleName(translate("ranking_decision", "Keputusan per keluarga"))
        self.table.setHorizontalHeaderLabels(
            (
                translate("ranking_decision", "No"),
                translate("ranking_decision", "Nama"),
                translate("ranking_decision", "No. KK"),
                translate("ranking_decision", "Keputusan"),
            )
        )
        self.table.verticalHeader().hide()  # the rank is the row's number
        self.combos: list[QComboBox] = []
        for i, e in enumerate(self.entries):
            for col, text in enumerate((str(e.rank), e.head, e.no_kk)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, col, item)
            combo = QComboBox()
            combo.setAccessibleName(
                translate("ranking_decision", "Keputusan untuk {0}").format(e.head)
            )
            for code, label in DECISIONS.items():
                combo.addItem(translate("ranking_decision", WORDS.get(code, label)), code)
            combo.setCurrentIndex(combo.findData(SELECTED if e.within_quota else NOT_SELECTED))
            self.combos.append(combo)
            self.table.setCellWidget(i, 3, combo)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def choices(self) -> dict[str, str]:
        """The decision per household key, as the service takes it."""
        return {
            e.household_key: str(combo.currentData())
            for e, combo in zip(self.entries, self.combos, strict=True)
        }

    def on_ok(self) -> None:
        show_error(self.error, "")
        q = self.day.date()
        day = date(q.year(), q.month(), q.day())
        self.env.op(
            self,
            record_meeting_decision,
            self.actor,
            self.kept.id,
            day,
            self.ref.text(),
            self.choices(),
            None,
            self.env.clock,
        ).success(self._done).failure(lambda exc: show_error(self.error, message_of(exc))).run()

    def _done(self, view: ListView) -> None:
        self.result_view = view
        self.accept()
