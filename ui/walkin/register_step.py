"""Step 2 (new citizens only): the basic profile, pre-filled from DTKS when chosen there.

Signals: ``registered(PersonView)``, ``back()``.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.number16 import typed_digits
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksEntry
from kiosk.services.people import (
    CheckAgainstCard,
    FieldWarning,
    NikRegistered,
    PersonInput,
    PersonView,
    PossibleDuplicate,
    register_person,
)
from kiosk.services.reference import Choice, choices
from ui import file_dialogs
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, error_label, message_of, scrolled, show_error
from ui.i18n import translate
from ui.walkin.card_check import ReasonRows, confirm_warnings

TEXT_FIELDS = (
    "name",
    "nik",
    "no_kk",
    "birth_place",
    "birth_date",
    "phone",
    "address",
    "rt",
    "rw",
    "mother_name",
    "location",
)


def parse_date(text: str) -> date | None:
    """``17-08-1990`` or ``17081990`` (fast to type) or empty."""
    text = text.strip().replace("/", "-").replace(".", "-")
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%d%m%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise KioskError(
        translate("register_step", "Tanggal lahir ditulis HH-BB-TTTT, mis. 17-08-1990."),
        field="birth_date",
    )


def parse_location(text: str) -> tuple[float | None, float | None]:
    """``-6.9912, 110.2012`` (as phones show it) or empty."""
    text = text.strip()
    if not text:
        return None, None
    parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError as exc:
        raise KioskError(
            translate("register_step", "Lokasi ditulis lintang, bujur, mis. -6.9912, 110.2012."),
            field="location",
        ) from exc
    return lat, lon


def field_labels() -> dict[str, str]:
    """The registration form's labels, in the chosen language."""
    return {
        "name": translate("register_step", "&Nama lengkap"),
        "nik": translate("register_step", "N&IK"),
        "no_kk": translate("register_step", "N&o. KK"),
        "birth_place": translate("register_step", "Tempat &lahir"),
        "birth_date": translate("register_step", "Tanggal lahir (HH-BB-TTTT)"),
        "phone": translate("register_step", "&Telepon"),
        "address": translate("register_step", "&Alamat"),
        "rt": "RT",
        "rw": "RW",
        "mother_name": translate("register_step", "Nama ibu kandung"),
        "location": translate("register_step", "Lokasi rumah (lintang, bujur)"),
        "sex": translate("register_step", "&Jenis kelamin"),
    }


class RegisterStep(QWidget):
    registered = Signal(object)
    changed = Signal()
    back = Signal()

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("register_step")
        form = QFormLayout()
        labels = field_labels()
        self.edits: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS[:2]:
            self.edits[key] = add_field(form, labels[key], QLineEdit(), f"reg_{key}")
        self.reason = ReasonRows(form)  # under the NIK: one Tab away when a number needs it
        self.edits["override_reason"] = self.reason.words
        for key in TEXT_FIELDS[2:5]:
            self.edits[key] = add_field(form, labels[key], QLineEdit(), f"reg_{key}")
        self.sex = add_field(form, labels["sex"], QComboBox(), "reg_sex")
        for label, code in (
            ("-", NO_CHOICE),
            (translate("register_step", "Laki-laki"), "L"),
            (translate("register_step", "Perempuan"), "P"),
        ):
            self.sex.addItem(label, code)
        self.checked_warnings: set[str] = set()  # warnings the officer kept after checking
        for key in TEXT_FIELDS[5:]:
            self.edits[key] = add_field(form, labels[key], QLineEdit(), f"reg_{key}")
        self.relationship = add_field(
            form, translate("register_step", "&Hubungan dalam KK"), QComboBox(), "reg_relationship"
        )
        self.disability = add_field(
            form, translate("register_step", "&Disabilitas"), QComboBox(), "reg_disability"
        )
        self.disability.addItem(translate("register_step", "Tidak ada"), NO_CHOICE)
        self.edits["location"].setPlaceholderText(
            translate("register_step", "-6.9912, 110.2012 (boleh kosong)")
        )
        self.photo_path: str | None = None
        self.photo_button = QPushButton(translate("register_step", "&Foto rumah…"))
        self.photo_button.setObjectName("reg_photo")
        self.photo_button.clicked.connect(self.on_choose_photo)
        form.addRow(
            QLabel(translate("register_step", "Foto rumah (boleh kosong)")), self.photo_button
        )
        self.not_duplicate = QCheckBox(
            translate("register_step", "Saya sudah memeriksa: ini orang yang berbeda")
        )
        self.not_duplicate.setObjectName("reg_not_duplicate")
        self.not_duplicate.hide()
        form.addRow(self.not_duplicate)
        for edit in self.edits.values():
            edit.returnPressed.connect(self.on_save)
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.error = error_label(self)
        self.save = QPushButton(translate("register_step", "&Simpan pendaftaran (Enter)"))
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        back = QPushButton(translate("register_step", "Kem&bali ke pencarian"))
        back.clicked.connect(self.back.emit)
        # The NIK is someone's already (or another counter registered it a moment ago): open
        # that person rather than register twice. A button, not a jump: the NIK may be mistyped.
        self.existing: PersonView | None = None
        self.open_existing = QPushButton()
        self.open_existing.setObjectName("reg_open_existing")
        self.open_existing.clicked.connect(self.on_open_existing)
        self.open_existing.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.open_existing)
        buttons.addWidget(self.save)
        body = QWidget()
        body.setObjectName("register_body")
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)  # outside the scrolled form: Save is always in view
        self._read_lists()

    def _read_lists(self) -> None:
        """The two lists (tens of rows) off the window's thread."""
        gateway = self.env.gateway
        self.env.run(
            self,
            lambda: (
                gateway.call(choices, "hubungan_keluarga"),
                gateway.call(choices, "disabilitas"),
            ),
        ).success(self._lists).failure(lambda exc: show_error(self.error, message_of(exc))).run()

    def _lists(self, lists: tuple[list[Choice], list[Choice]]) -> None:
        """The relationship and disability choices arrived (before any visitor reaches this
        step: the database's one thread reads them first)."""
        relationships, disabilities = lists
        for c in relationships:
            self.relationship.addItem(c.label, c.code)
        self.relationship.setCurrentIndex(max(0, self.relationship.findData("kepala_keluarga")))
        for c in disabilities:
            self.disability.addItem(c.label, c.code)

    def start(self, entry: DtksEntry | None = None, query: str = "") -> None:
        """A new citizen: every field empty or at the form's default, never the previous
        citizen's; the cursor where the work starts."""
        for edit in self.edits.values():
            edit.clear()
        self.reason.clear()
        self.checked_warnings.clear()
        self.sex.setCurrentIndex(0)
        self.disability.setCurrentIndex(0)
        self.photo_path = None
        self.photo_button.setText(translate("register_step", "&Foto rumah…"))
        self.not_duplicate.setChecked(False)
        self.not_duplicate.hide()
        self.existing = None
        self.open_existing.hide()
        show_error(self.error, "")
        self.relationship.setCurrentIndex(max(0, self.relationship.findData("kepala_keluarga")))
        if entry is not None:
            values = {
                "name": entry.name,
                "nik": entry.nik or "",
                "no_kk": entry.no_kk or "",
                "birth_place": entry.birth_place,
                "address": entry.address,
                "rt": entry.rt,
                "rw": entry.rw,
                "birth_date": entry.birth_date.strftime("%d-%m-%Y") if entry.birth_date else "",
            }
            for key, value in values.items():
                self.edits[key].setText(value)
            self.sex.setCurrentIndex(max(0, self.sex.findData(entry.sex)))
            rel = self.relationship.findData(entry.relationship)
            if rel >= 0:
                self.relationship.setCurrentIndex(rel)
        elif (digits := typed_digits(query)) is not None:
            self.edits["nik"].setText(digits)
        elif query:
            self.edits["name"].setText(query)
        self.start_focus()

    def start_focus(self) -> None:
        """The first of name and NIK still empty (a name from the search goes on to the NIK),
        else the telephone, the first field DTKS never fills."""
        target = next((k for k in ("name", "nik") if not self.edits[k].text()), "phone")
        self.edits[target].setFocus()

    def on_choose_photo(self) -> None:
        name = file_dialogs.open_file(
            self,
            translate("register_step", "Pilih foto rumah"),
            translate("register_step", "Gambar (*.jpg *.jpeg *.png)"),
        )
        if not name or self.env.drafts_dir is None:
            return
        folder = self.env.drafts_dir.parent / "foto"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
        shutil.copyfile(name, target)  # keep a copy: the original may be on a phone or stick
        self.photo_path = str(target)
        self.photo_button.setText(
            translate("register_step", "Foto rumah: {0}").format(Path(name).name)
        )

    def state(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: e.text() for k, e in self.edits.items()}
        out["override_choice"] = chosen(self.reason.choice)
        out["sex"] = chosen(self.sex)
        out["relationship"] = chosen(self.relationship)
        out["disability"] = chosen(self.disability)
        return out

    def restore(self, state: dict[str, Any]) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(state.get(key) or ""))
        for key, combo in (
            ("override_choice", self.reason.choice),
            ("sex", self.sex),
            ("relationship", self.relationship),
            ("disability", self.disability),
        ):
            combo.setCurrentIndex(max(0, combo.findData(state.get(key))))
        self.reason.set_shown(bool(state.get("override_choice") or state.get("override_reason")))

    def on_save(self) -> None:
        show_error(self.error, "")  # an answer to the last try would stay beside the next
        v = self.state()
        try:
            born = parse_date(v["birth_date"])
            lat, lon = parse_location(v["location"])
        except KioskError as exc:
            self._failed(exc)
            return
        data = PersonInput(
            name=v["name"],
            nik=v["nik"],
            no_kk=v["no_kk"],
            birth_place=v["birth_place"],
            birth_date=born,
            sex=v["sex"],
            phone=v["phone"],
            address=v["address"],
            rt=v["rt"],
            rw=v["rw"],
            mother_name=v["mother_name"],
            relationship=v["relationship"],
            disability=v["disability"],
            override_choice=v["override_choice"] or "",
            override_reason=v["override_reason"],
            checked_warnings=tuple(sorted(self.checked_warnings)),
            confirm_not_duplicate=self.not_duplicate.isChecked(),
            latitude=lat,
            longitude=lon,
            house_photo_path=self.photo_path,
        )
        self.save.setEnabled(False)
        self.env.op(self, register_person, self.actor, data, self.env.clock).success(
            self._done
        ).failure(self._failed).run()

    def confirm_warnings(self, warnings: list[FieldWarning]) -> bool:
        """Asked before saving: True when the officer keeps the form as it is."""
        return confirm_warnings(self, warnings, field_labels())

    def _done(self, person: PersonView) -> None:
        self.save.setEnabled(True)
        show_error(self.error, "")
        self.registered.emit(person)

    def on_open_existing(self) -> None:
        """Go on with the person already registered under this NIK."""
        if self.existing is not None:
            self.registered.emit(self.existing)

    def _failed(self, exc: Exception) -> None:
        self.save.setEnabled(True)
        if isinstance(exc, CheckAgainstCard) and self.confirm_warnings(exc.warnings):
            self.checked_warnings.update(w.message for w in exc.warnings)
            self.on_save()  # asked again only about what changed since
            return
        text = message_of(exc)
        if isinstance(exc, PossibleDuplicate):
            names = "; ".join(
                f"{m.name} ({m.birth_date:%d-%m-%Y})" for m in exc.matches if m.birth_date
            )
            text = translate("register_step", "{0} Sudah ada: {1}.").format(text, names)
            self.not_duplicate.show()
            self.not_duplicate.setFocus()
        if isinstance(exc, NikRegistered):
            self.existing = exc.existing
            self.open_existing.setText(
                translate("register_step", "B&uka data {0}").format(
                    exc.existing.name.replace("&", "&&")
                )
            )
            self.open_existing.show()
        show_error(self.error, text)
        if getattr(exc, "code", "").endswith("_perlu_alasan"):
            self.reason.set_shown(True)  # the way to accept it, one Tab below the NIK
        self.focus_field(getattr(exc, "field", None))

    def focus_field(self, field: str | None) -> None:
        """Back to the field in error; its text selected, so retyping replaces it."""
        widget: QWidget | None = {"sex": self.sex, "override_choice": self.reason.choice}.get(
            field or "", self.edits.get(field or "")
        )
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
