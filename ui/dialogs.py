"""A small form dialog for the back office's one-off questions (a reason, a destination …).

Fields are declared as data so each action is a few lines; the dialog refuses to close while a
required field is empty and says which one, in Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.reference import Choice
from ui.forms import NO_CHOICE, add_field, chosen, error_label, show_error
from ui.i18n import translate


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "line"  # line, text, choice, check
    required: bool = True
    options: tuple[Choice, ...] = ()
    value: Any = None
    hint: str = ""


class FormDialog(QDialog):
    """``FormDialog.ask(parent, title, fields, ok_text)`` → dict of values, or ``None``."""

    def __init__(
        self, parent: QWidget, title: str, fields: list[Field], ok_text: str, intro: str = ""
    ):
        QDialog.__init__(self, parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields = fields
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        for f in fields:
            widget: QWidget
            if f.kind == "text":
                edit = QPlainTextEdit(str(f.value or ""))
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(90)
                widget = edit
            elif f.kind == "choice":
                combo = QComboBox()
                combo.addItem(translate("dialogs", "(pilih)"), NO_CHOICE)
                for c in f.options:
                    combo.addItem(c.label, c.code)
                if f.value is not None:
                    combo.setCurrentIndex(max(0, combo.findData(f.value)))
                widget = combo
            elif f.kind == "check":
                box = QCheckBox(f.hint or f.label)
                box.setChecked(bool(f.value))
                widget = box
            else:
                widget = QLineEdit(str(f.value or ""))
            add_field(form, f.label, widget, f"dialog_{f.key}")
            if f.hint and f.kind != "check":
                widget.setToolTip(f.hint)
                widget.setAccessibleDescription(f.hint)
            self.widgets[f.key] = widget
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("dialogs", "Batal")
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText().strip()
            elif isinstance(w, QComboBox):
                out[f.key] = chosen(w)
            elif isinstance(w, QCheckBox):
                out[f.key] = w.isChecked()
            elif isinstance(w, QLineEdit):
                out[f.key] = w.text().strip()
        return out

    def _accept(self) -> None:
        values = self.values()
        for f in self.fields:
            if f.required and f.kind != "check" and not values[f.key]:
                show_error(
                    self.error,
                    translate("dialogs", "{0} wajib diisi.").format(f.label.replace("&", "")),
                )
                self.widgets[f.key].setFocus()
                return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget, title: str, fields: list[Field], ok_text: str, intro: str = ""
    ) -> dict[str, Any] | None:
        dialog = cls(parent, title, fields, ok_text, intro)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
