"""Step 3: DTKS answer, then the complaint, needs, participation, documents and consent.

Signals: ``saved(WalkInResult)``, ``changed()`` (for the draft), ``back()``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.clock import tanggal
from kiosk.services.access import AccessNeed, access_needs
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksResult, OnlineAnswer
from kiosk.services.eligibility import Eligibility, eligible_programmes
from kiosk.services.reference import Choice, choices, programme_list
from kiosk.services.walk_in import CaptureInput, WalkInResult, record_walk_in
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, error_label, message_of, scrolled, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.walkin.checklist import CheckList

COMBOS = (
    ("complaint_kind", QT_TRANSLATE_NOOP("capture_step", "&Jenis"), "jenis_keluhan"),
    ("category", QT_TRANSLATE_NOOP("capture_step", "Ka&tegori"), "kategori_keluhan"),
    ("sector", QT_TRANSLATE_NOOP("capture_step", "S&ektor"), "sektor"),
    ("urgency", QT_TRANSLATE_NOOP("capture_step", "&Urgensi"), "urgensi"),
    ("channel", QT_TRANSLATE_NOOP("capture_step", "Salura&n"), "saluran"),
    ("consent_basis", QT_TRANSLATE_NOOP("capture_step", "&Dasar data"), "dasar_pemrosesan"),
)


def programme_choices(programmes: Sequence[Choice]) -> list[Choice]:
    """Options led by the code (PKH, BPNT …): what officers and citizens actually say."""
    return [Choice(c.code, f"{c.code} - {c.label}", c.extra) for c in programmes]


def online_line(dtks: DtksResult) -> str:
    """What the kabupaten said, or why it said nothing (empty when it was not asked)."""
    o = dtks.online
    if o is None:
        return dtks.online_note
    state = (
        translate("capture_step", "TERDAFTAR")
        if o.found
        else translate("capture_step", "TIDAK TERDAFTAR")
    )
    detail = (
        translate("capture_step", " - desil {0}; program: {1}").format(
            o.decile or "-", ", ".join(o.programmes) or "-"
        )
        if o.found
        else ""
    )
    newer = (
        translate("capture_step", "lebih baru dari data lokal; ini yang dipakai.")
        if dtks.online_is_newer
        else translate("capture_step", "tidak lebih baru dari data lokal.")
    )
    return translate("capture_step", "Server kabupaten: {0}{1} (data {2}), {3}").format(
        state, detail, tanggal(o.snapshot_date), newer
    )


class CaptureStep(QWidget):
    saved = Signal(object)
    changed = Signal()
    back = Signal()

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.person_id: uuid.UUID | None = None
        self.ticket_id: uuid.UUID | None = None
        self.setObjectName("capture_step")
        self.who = QLabel()
        self.who.setProperty("role", "title")
        self.dtks = QLabel()
        self.dtks.setWordWrap(True)
        self.dtks.setObjectName("dtks_panel")
        self.dtks.setAccessibleName(translate("capture_step", "Hasil pemeriksaan DTKS"))
        self.hints = QLabel()
        self.hints.setObjectName("programme_hints")
        self.hints.setAccessibleName(
            translate("capture_step", "Program yang mungkin memenuhi syarat")
        )
        self.hints.setWordWrap(True)
        self.hints.hide()
        self.prelist = QCheckBox(
            translate("capture_step", "Usulkan masuk DTKS sebagai daftar awal (pre-&list)")
        )
        self.prelist.setObjectName("propose_prelist")
        self.prelist_reason = QLineEdit()
        self.prelist_reason.setPlaceholderText(
            translate("capture_step", "Alasan usulan, mis. buruh harian, 4 anak")
        )
        self.prelist_reason.setAccessibleName(
            translate("capture_step", "Alasan usulan daftar awal")
        )

        access_row = self._access_row()
        form = self._form()
        lists = self._lists()

        self.error = error_label(self)
        self.save = QPushButton(
            translate("capture_step", "&Simpan dan cetak tanda terima (Ctrl+Enter)")
        )
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        back = QPushButton(translate("capture_step", "Kem&bali"))
        back.clicked.connect(self.back.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.save, 1)
        body = QWidget()
        body.setObjectName("capture_body")
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.who)
        inner.addWidget(self.dtks)
        inner.addWidget(self.hints)
        inner.addWidget(self.prelist)
        inner.addWidget(self.prelist_reason)
        inner.addLayout(access_row)
        inner.addWidget(self.access_guide)
        inner.addLayout(form)
        inner.addWidget(lists, 1)  # the lists take what height is left
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)  # outside the scrolled form: Save is always in view
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.on_save)
        self._read_lists()

    def _access_row(self) -> QGridLayout:
        """The visitor's access needs (two to a row: they fit in large text), and the office's
        guide for each one ticked."""
        self.access_needs: list[AccessNeed] = []  # ticked boxes come with the lists
        self.access: dict[str, QCheckBox] = {}
        row = self.access_grid = QGridLayout()
        row.addWidget(QLabel(translate("capture_step", "Kebutuhan akses:")), 0, 0)
        row.setColumnStretch(3, 1)
        self.access_guide = QLabel()
        self.access_guide.setObjectName("access_guide")
        self.access_guide.setAccessibleName(translate("capture_step", "Panduan melayani warga"))
        self.access_guide.setWordWrap(True)
        self.access_guide.setProperty("role", "note")
        self.access_guide.hide()
        return row

    def _access_boxes(self, needs: list[AccessNeed]) -> None:
        self.access_needs = needs
        before: QWidget = self.prelist_reason
        for i, need in enumerate(needs):
            box = QCheckBox(need.label)
            box.setObjectName(f"access_{need.code}")
            box.setAccessibleDescription(need.guide)
            box.toggled.connect(self._show_guide)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.access[need.code] = box
            self.access_grid.addWidget(box, i // 2, 1 + i % 2)
            QWidget.setTabOrder(before, box)  # Tab: where the row stands, not where it came last
            before = box

    def _read_lists(self) -> None:
        """The form's reference lists (tens of rows each) off the window's thread; the fields
        fill when they arrive, before any visitor reaches this step (the database's one thread
        reads them first)."""
        gateway = self.env.gateway
        names = [name for _key, _label, name in COMBOS] + ["dokumen"]
        self.env.run(
            self,
            lambda: (
                gateway.call(programme_list),
                gateway.call(access_needs),
                {name: gateway.call(choices, name) for name in names},
            ),
        ).success(self._fill).failure(self._failed).run()

    def _fill(self, lists: tuple[list[Choice], list[AccessNeed], dict[str, list[Choice]]]) -> None:
        raw, needs, named = lists
        programmes = programme_choices(raw)
        for key, _label, name in COMBOS:
            combo = self.combos[key]
            with QSignalBlocker(combo):  # filling is not the officer changing the form
                for c in named[name]:
                    combo.addItem(c.label, c.code)
        for c in programmes:
            self.programme.addItem(c.label, c.code)
        self.needs.set_items(programmes)
        self.participation.set_items(programmes)
        self.documents.set_items(named["dokumen"])
        self._access_boxes(needs)
        self.clear()  # the form's defaults, now that there is something to choose

    def _show_guide(self) -> None:
        lines = [
            f"{n.label}: {n.guide}" for n in self.access_needs if self.access[n.code].isChecked()
        ]
        self.access_guide.setText("\n".join(lines))
        self.access_guide.setVisible(bool(lines))

    def _form(self) -> QFormLayout:
        """Kind, sector, channel, urgency ..., the programme it is about, and what happened."""
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for key, label, _list_name in COMBOS:
            combo = add_field(form, translate("capture_step", label), QComboBox(), key)
            if key == "category":
                combo.addItem("-", NO_CHOICE)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.combos[key] = combo
        self.programme = add_field(
            form, translate("capture_step", "Pro&gram"), QComboBox(), "programme"
        )
        self.programme.addItem("-", NO_CHOICE)
        self.about_membership = QCheckBox(
            translate("capture_step", "Tentang kepesertaan program (&m)")
        )
        self.about_membership.setObjectName("about_membership")
        self.sensitive = QCheckBox(
            translate("capture_step", "Rahasia (kekerasan, kesehatan jiwa, dll.) (&r)")
        )
        self.sensitive.setObjectName("sensitive")
        form.addRow(self.about_membership)
        form.addRow(self.sensitive)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setAccessibleName(translate("capture_step", "Uraian keluhan"))
        self.description.setTabChangesFocus(True)
        self.description.textChanged.connect(self.changed.emit)
        desc_label = QLabel(translate("capture_step", "Ura&ian"))
        desc_label.setBuddy(self.description)
        form.addRow(desc_label, self.description)
        return form

    def _lists(self) -> QGroupBox:
        """Programmes needed and received, documents shown: three check lists side by side."""
        lists = QGroupBox(translate("capture_step", "Program dan dokumen"))
        grid = QGridLayout(lists)
        self.needs = CheckList("program_dibutuhkan", [])  # the choices come with the lists
        self.participation = CheckList("program_diterima", [])
        self.documents = CheckList("dokumen_ditunjukkan", [])
        for col, (title, widget) in enumerate(
            (
                (translate("capture_step", "Dibutuhkan"), self.needs),
                (translate("capture_step", "Sudah diterima"), self.participation),
                (translate("capture_step", "Dokumen ada"), self.documents),
            )
        ):
            grid.addWidget(QLabel(title), 0, col)
            grid.addWidget(widget, 1, col)
        return lists

    def start(
        self,
        person_id: uuid.UUID,
        name: str,
        ticket_id: uuid.UUID | None,
        dtks: DtksResult,
        channel: str,
        access: Sequence[str] = (),
    ) -> None:
        self.person_id, self.ticket_id = person_id, ticket_id
        self.who.setText(translate("capture_step", "Warga: {0}").format(name))
        self.show_dtks(dtks)
        self.set_access(access)  # what the ticket was issued with
        self.hints.hide()
        self.env.op(self, eligible_programmes, self.actor, person_id, None, self.env.clock).success(
            self.show_hints
        ).failure(lambda _exc: self.hints.hide()).run()
        self.combos["channel"].setCurrentIndex(max(0, self.combos["channel"].findData(channel)))
        show_error(self.error, "")
        self.combos["category"].setFocus()

    def show_hints(self, found: Eligibility) -> None:
        """Programmes the family may qualify for, with why: a hint to tell the citizen about."""
        parts = [
            _hint(h.code, h.met[:2], h.unknown[:1] if h.verdict is None else ())
            for h in found.hints[:4]
        ]
        self.hints.setText(
            translate("capture_step", "Mungkin memenuhi syarat (petunjuk): {0}.").format(
                ", ".join(parts)
            )
        )
        self.hints.setVisible(bool(parts))

    def show_dtks(self, dtks: DtksResult) -> None:
        if dtks.snapshot_id is None:
            text = translate(
                "capture_step",
                "Belum ada data DTKS di komputer ini: status DTKS tidak dapat diperiksa.",
            )
        else:
            when = (
                tanggal(dtks.snapshot_date)
                if dtks.snapshot_date
                else translate("capture_step", "tanggal tidak diketahui")
            )
            if dtks.found and dtks.person is not None:
                progs = ", ".join(dtks.person.programmes) or translate(
                    "capture_step", "belum menerima program"
                )
                text = translate(
                    "capture_step",
                    "TERDAFTAR di {0} - desil {1}; program: {2}; {3} anggota keluarga. (data {4})",
                ).format(dtks.snapshot_kind, dtks.decile or "-", progs, len(dtks.household), when)
            else:
                text = translate("capture_step", "TIDAK TERDAFTAR di {0} (data {1}).").format(
                    dtks.snapshot_kind, when
                )
        text = f"{text}\n{online_line(dtks)}".strip()
        self.online = dtks.online if dtks.online_is_newer else None
        in_dtks = dtks.registered
        checked = dtks.snapshot_id is not None or dtks.online_is_newer
        self.prelist.setEnabled(not in_dtks)
        self.prelist.setChecked(not in_dtks and checked)
        self.prelist_reason.setEnabled(not in_dtks)
        self.dtks.setText(text)

    online: OnlineAnswer | None = None  # the kabupaten's newer answer, recorded with the visit

    def state(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: chosen(c) for k, c in self.combos.items()}
        out.update(
            programme=chosen(self.programme),
            about_membership=self.about_membership.isChecked(),
            sensitive=self.sensitive.isChecked(),
            description=self.description.toPlainText(),
            needs=self.needs.checked(),
            participation=self.participation.checked(),
            documents=self.documents.checked(),
            prelist=self.prelist.isChecked(),
            prelist_reason=self.prelist_reason.text(),
            access=[code for code, box in self.access.items() if box.isChecked()],
        )
        return out

    def restore(self, state: dict[str, Any]) -> None:
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(state.get(key))))
        self.programme.setCurrentIndex(max(0, self.programme.findData(state.get("programme"))))
        self.about_membership.setChecked(bool(state.get("about_membership")))
        self.sensitive.setChecked(bool(state.get("sensitive")))
        self.description.setPlainText(state.get("description", ""))
        self.needs.set_checked(state.get("needs", []))
        self.participation.set_checked(state.get("participation", []))
        self.documents.set_checked(state.get("documents", []))
        self.prelist_reason.setText(state.get("prelist_reason", ""))
        self.set_access(state.get("access", []))

    def set_access(self, codes: Sequence[str]) -> None:
        for code, box in self.access.items():
            box.setChecked(code in codes)

    def clear(self) -> None:
        self.restore(
            {
                "complaint_kind": "pengaduan",
                "sector": "sosial",
                "urgency": "biasa",
                "channel": "datang",
                "consent_basis": "persetujuan",
            }
        )
        self.prelist.setChecked(False)

    def on_save(self) -> None:
        if self.person_id is None:
            return
        s = self.state()
        shown = set(s["documents"])
        docs = {code: code in shown for code in self.documents.codes()}
        data = CaptureInput(
            person_id=self.person_id,
            ticket_id=self.ticket_id,
            complaint_kind=s["complaint_kind"],
            sector=s["sector"],
            channel=s["channel"],
            about_membership=s["about_membership"],
            category=s["category"],
            programme_code=s["programme"],
            description=s["description"],
            urgency=s["urgency"],
            sensitivity="rahasia" if s["sensitive"] else "biasa",
            needs=s["needs"],
            participation=s["participation"],
            documents=docs,
            consent_basis=s["consent_basis"],
            propose_prelist=s["prelist"],
            prelist_reason=s["prelist_reason"],
            online=self.online,
            access_needs=s["access"],
        )
        self.save.setEnabled(False)
        self.env.op(self, record_walk_in, self.actor, data, self.env.clock).success(
            self._done
        ).failure(self._failed).run()

    def _done(self, result: WalkInResult) -> None:
        self.save.setEnabled(True)
        self.saved.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.save.setEnabled(True)
        show_error(self.error, message_of(exc))
        field = getattr(exc, "field", None)
        target: QWidget | None = {
            "description": self.description,
            "needs": self.needs,
            "participation": self.participation,
        }.get(field or "")
        if target is None and field in self.combos:
            target = self.combos[field]
        if target is not None:
            target.setFocus()


def _hint(code: str, met: Sequence[str], unknown: Sequence[str]) -> str:
    """One programme of the hint, with why and what is still to check, in whole words: never
    an empty bracket or a bracket opening on a semicolon."""
    why = "; ".join(met)
    if why and unknown:
        return translate("capture_step", "{0} ({1}; perlu dicek: {2})").format(
            code, why, unknown[0]
        )
    if unknown:
        return translate("capture_step", "{0} (perlu dicek: {1})").format(code, unknown[0])
    if why:
        return translate("capture_step", "{0} ({1})").format(code, why)
    return code
