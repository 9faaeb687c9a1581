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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.number16 import typed_digits
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksEntry
from kiosk.services.people import PersonInput, PersonView, PossibleDuplicate, register_person
from kiosk.services.reference import choices
from ui.env import UiEnv
from ui.forms import NO_CHOICE, add_field, chosen, error_label, message_of, scrolled, show_error
from ui.i18n import translate

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
    "override_reason",
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
        "override_reason": translate("register_step", "Alasan menerima nomor yang janggal"),
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
        for key in TEXT_FIELDS[:5]:
            self.edits[key] = add_field(form, labels[key], QLineEdit(), f"reg_{key}")
        self.sex = add_field(
            form, translate("register_step", "&Jenis kelamin"), QComboBox(), "reg_sex"
        )
        for label, code in (
            ("-", NO_CHOICE),
            (translate("register_step", "Laki-laki"), "L"),
            (translate("register_step", "Perempuan"), "P"),
        ):
            self.sex.addItem(label, code)
        for key in TEXT_FIELDS[5:]:
            self.edits[key] = add_field(form, labels[key], QLineEdit(), f"reg_{key}")
        self.relationship = add_field(
            form, translate("register_step", "&Hubungan dalam KK"), QComboBox(), "reg_relationship"
        )
        for c in env.gateway.call(choices, "hubungan_keluarga"):
            self.relationship.addItem(c.label, c.code)
        self.disability = add_field(
            form, translate("register_step", "&Disabilitas"), QComboBox(), "reg_disability"
        )
        self.disability.addItem(translate("register_step", "Tidak ada"), NO_CHOICE)
        for c in env.gateway.call(choices, "disabilitas"):
            self.disability.addItem(c.label, c.code)
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
        buttons = QHBoxLayout()
        buttons.addWidget(back)
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

    def start(self, entry: DtksEntry | None = None, query: str = "") -> None:
        for edit in self.edits.values():
            edit.clear()
        self.photo_path = None
        self.photo_button.setText(translate("register_step", "&Foto rumah…"))
        self.not_duplicate.setChecked(False)
        self.not_duplicate.hide()
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
        target = "name" if not self.edits["name"].text() else "phone"
        self.edits[target].setFocus()

    def on_choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("register_step", "Pilih foto rumah"),
            "",
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
        out["sex"] = chosen(self.sex)
        out["relationship"] = chosen(self.relationship)
        out["disability"] = chosen(self.disability)
        return out

    def restore(self, state: dict[str, Any]) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(state.get(key) or ""))
        for key, combo in (
            ("sex", self.sex),
            ("relationship", self.relationship),
            ("disability", self.disability),
        ):
            combo.setCurrentIndex(max(0, combo.findData(state.get(key))))

    def on_save(self) -> None:
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
            override_reason=v["override_reason"],
            confirm_not_duplicate=self.not_duplicate.isChecked(),
            latitude=lat,
            longitude=lon,
            house_photo_path=self.photo_path,
        )
        self.save.setEnabled(False)
        self.env.op(self, register_person, self.actor, data, self.env.clock).success(
            self._done
        ).failure(self._failed).run()

    def acknowledge(self, warnings: list[str]) -> None:
        """Show what the officer must check against the KTP; Enter acknowledges."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("register_step", "Periksa sebelum melanjutkan"),
            translate("register_step", "Warga sudah terdaftar, tetapi periksa dengan KTP/KK:\n\n- ")
            + "\n- ".join(warnings),
            QMessageBox.StandardButton.Ok,
            self,
        )
        ok = box.button(QMessageBox.StandardButton.Ok)
        ok.setText(translate("register_step", "Sudah saya periksa"))
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def _done(self, person: PersonView) -> None:
        self.save.setEnabled(True)
        show_error(self.error, "")
        if person.warnings:  # a warning is shown and acknowledged, never dropped
            self.acknowledge(list(person.warnings))
        self.registered.emit(person)

    def _failed(self, exc: Exception) -> None:
        self.save.setEnabled(True)
        text = message_of(exc)
        if isinstance(exc, PossibleDuplicate):
            names = "; ".join(
                f"{m.name} ({m.birth_date:%d-%m-%Y})" for m in exc.matches if m.birth_date
            )
            text = translate("register_step", "{0} Sudah ada: {1}.").format(text, names)
            self.not_duplicate.show()
            self.not_duplicate.setFocus()
        show_error(self.error, text)
        field = getattr(exc, "field", None)
        if field == "nik" and "alasan" in text:
            self.edits["override_reason"].setFocus()
        elif field in self.edits:
            self.edits[field].setFocus()
