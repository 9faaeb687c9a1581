"""Small helpers every form uses: labelled fields, error labels, Indonesian error text."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.errors import KioskError


def error_label(parent: QWidget | None = None) -> QLabel:
    """A label that shows what went wrong, announced by screen readers when it changes."""
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setAccessibleName("Pesan kesalahan")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


def add_field(form: QFormLayout, text: str, widget: QWidget, name: str) -> QWidget:
    """Add a row with a buddy label (Alt+letter reaches the field) and an accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
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
    return (
        "Terjadi kesalahan yang tidak terduga; data tidak disimpan. Coba lagi, dan bila "
        "berulang hubungi administrator."
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
