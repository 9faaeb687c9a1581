"""This computer's own settings (display, thermal printer, which counter it is, the board's
voice), each declared once with its type, default, label and the page that edits it. Kept in
QSettings, not in the database: two counters sharing one database differ in these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from kiosk.speech import DEFAULT_TEMPLATE
from ui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Option:
    key: str
    kind: type
    default: Any
    label: str
    page: str = "display"  # which page edits it


OPTIONS = (
    Option(
        "language", str, "id", QT_TRANSLATE_NOOP("local_settings", "Bahasa tampilan"), "language"
    ),
    Option("large_text", bool, False, QT_TRANSLATE_NOOP("local_settings", "Teks besar")),
    Option("high_contrast", bool, False, QT_TRANSLATE_NOOP("local_settings", "Kontras tinggi")),
    Option(
        "printer_uri",
        str,
        "",
        QT_TRANSLATE_NOOP("local_settings", "Alamat printer termal"),
        "printer",
    ),
    Option(
        "paper_width", int, 58, QT_TRANSLATE_NOOP("local_settings", "Lebar kertas (mm)"), "printer"
    ),
    Option(
        "counter",
        str,
        "loket_1",
        QT_TRANSLATE_NOOP("local_settings", "Loket komputer ini"),
        "queue",
    ),
    Option(
        "voice_template",
        str,
        DEFAULT_TEMPLATE,
        QT_TRANSLATE_NOOP("local_settings", "Kalimat panggilan papan antrian"),
    ),
    Option(
        "voice_volume",
        int,
        80,
        QT_TRANSLATE_NOOP("local_settings", "Volume suara papan antrian (0-100)"),
    ),
    Option(
        "voice_engine",
        str,
        "",
        QT_TRANSLATE_NOOP("local_settings", "Mesin suara (kosong: bawaan sistem)"),
    ),
)


class LocalSettings(QObject):
    """Typed access to this computer's QSettings; ``changed(key)`` lets the theme re-apply."""

    changed = Signal(str)

    def __init__(self, store: QSettings | None = None):
        super().__init__()
        self.store = store or QSettings("Puskesos", "Kiosk")
        self._options = {o.key: o for o in OPTIONS}

    def get(self, key: str) -> Any:
        opt = self._options[key]
        # No default passed to QSettings.value: PySide6 hands a passed default back without
        # taking a reference, and a few hundred reads of a bool default (False) free the
        # interpreter's False; the process then dies at exit ("deallocating True or False").
        value = self.store.value(key)
        if value is None:
            return opt.default
        if opt.kind is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return opt.kind(value)

    def set(self, key: str, value: Any) -> None:
        self.store.setValue(key, value)
        self.store.sync()
        self.changed.emit(key)
