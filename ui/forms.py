"""Small helpers every form uses: labelled fields, error labels, Indonesian error text."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from ui.i18n import translate

# PySide6 6.12 on Python 3.11 takes no reference to None stored as a combo item's data: every
# addItem(text, None), currentData() and itemData() returning it frees one reference to None,
# and a day at the counter ends with "deallocating None" (measured: -1 per call). Combos keep
# NO_CHOICE for "nothing chosen" and are read through chosen(), which gives None back.
NO_CHOICE = ""


def chosen(combo: QComboBox) -> Any:
    """The chosen item's data, or None for the "nothing chosen" item."""
    value = combo.currentData()
    return None if value == NO_CHOICE else value


def error_label(parent: QWidget | None = None) -> QLabel:
    """A label that shows what went wrong, announced by screen readers when it changes."""
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setAccessibleName(translate("forms", "Pesan kesalahan"))
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


W = TypeVar("W", bound=QWidget)


def add_field(form: QFormLayout, text: str, widget: W, name: str) -> W:
    """Add a row with a buddy label (Alt+letter reaches the field) and an accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    if isinstance(widget, QComboBox):  # a long choice must not widen the page past the screen
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(12)
    widget.setAccessibleName(text.replace("&", ""))
    widget.setObjectName(name)
    form.addRow(label, widget)
    return widget


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def message_of(exc: Exception) -> str:
    """Indonesian text for any failure; unexpected ones get a safe generic sentence."""
    if isinstance(exc, KioskError):
        return exc.message
    return translate(
        "forms",
        "Terjadi kesalahan yang tidak terduga; data tidak disimpan. Coba lagi, dan bila "
        "berulang hubungi administrator.",
    )


def narrow_layout(page: QWidget, width: int = 640) -> QVBoxLayout:
    """A centred column for short forms: eyes travel less than across a full-width form."""
    inner = QWidget(page)
    inner.setMaximumWidth(width)
    outer = QHBoxLayout(page)
    outer.addStretch()
    outer.addWidget(inner, 10)
    outer.addStretch()
    return QVBoxLayout(inner)


def scrolled(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area: its minimum size never forces the window past a
    1366x768 (or 1024x600) screen. A page with a long form scrolls the form and keeps its
    button row outside, so the primary button stays in view; Tab scrolls to the focused field."""
    area = QScrollArea()
    area.setObjectName(f"scroll_{body.objectName()}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are deleted (buttons rebuilt per case)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
