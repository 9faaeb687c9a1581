"""The registration form's answer to an odd number: the reason rows, and the warnings asked
before saving.

The rule (which reasons exist, what a valid reason is, which warnings there are) is the core's
(``kiosk.override``, ``kiosk.services.people``); this module only shows it. The reason rows
stay hidden until a number needs one, so an officer's Tab never lands in them by habit and a
retyped NIK goes back into the NIK box.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QMessageBox, QWidget

from kiosk.override import REASONS
from kiosk.services.people import FieldWarning
from ui.forms import NO_CHOICE, add_field
from ui.i18n import translate


class ReasonRows:
    """A choice from the core's list and the words with it, shown when a number needs them."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.choice = add_field(
            form,
            translate("card_check", "Alasan menerima nomor yang janggal"),
            QComboBox(),
            "reg_override_choice",
        )
        self.choice.addItem(translate("card_check", "- pilih alasan -"), NO_CHOICE)
        for reason in REASONS:  # the core's words: stored as they are shown
            self.choice.addItem(reason.label, reason.code)
        self.words = add_field(
            form, translate("card_check", "Keterangan alasan"), QLineEdit(), "reg_override_reason"
        )
        self.words.setPlaceholderText(
            translate("card_check", "kata-kata, bukan nomor; mis. KTP terbitan 2009")
        )
        self.set_shown(False)

    def set_shown(self, shown: bool) -> None:
        self.form.setRowVisible(self.choice, shown)
        self.form.setRowVisible(self.words, shown)

    def shown(self) -> bool:
        return not self.choice.isHidden()

    def clear(self) -> None:
        self.choice.setCurrentIndex(0)
        self.words.clear()
        self.set_shown(False)


def confirm_warnings(
    parent: QWidget, warnings: Sequence[FieldWarning], labels: dict[str, str]
) -> bool:
    """Ask, before saving, whether the form stands against the card. Enter (and Esc) go back
    to fix the first field named; saving as it is takes a deliberate choice. True: save."""
    first = labels.get(warnings[0].field, warnings[0].field).replace("&", "").split(" (")[0]
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("card_check", "Periksa sebelum menyimpan"),
        translate("card_check", "Belum disimpan. Cocokkan dengan KTP/KK:")
        + "\n\n- "
        + "\n- ".join(w.message for w in warnings),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("card_check_box")
    fix = box.addButton(
        translate("card_check", "&Perbaiki {0}").format(first),
        QMessageBox.ButtonRole.RejectRole,
    )
    keep = box.addButton(
        translate("card_check", "&Sudah cocok dengan kartu, simpan"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.setDefaultButton(fix)
    box.setEscapeButton(fix)
    _below_the_fields(box, parent.window())
    box.exec()
    parent.window().activateWindow()  # the cursor goes back into the form, not nowhere
    return box.clickedButton() is keep


def _below_the_fields(box: QMessageBox, window: QWidget) -> None:
    """Over the lower part of the window, not its middle: the name, the numbers and the sex
    (what the warnings are about) stay in sight while the officer compares them with the card."""
    box.adjustSize()
    frame = window.frameGeometry()
    x = frame.x() + (frame.width() - box.width()) // 2
    y = frame.y() + frame.height() - box.height() - 72
    box.move(x, max(frame.y(), y))
