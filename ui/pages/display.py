"""Display options: large text, high contrast and the queue board's voice, applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.forms import add_field
from ui.i18n import LANGUAGES, QT_TRANSLATE_NOOP, translate
from ui.local_settings import OPTIONS, LocalSettings

VOICE_HELP = QT_TRANSLATE_NOOP(
    "display",
    "Suara papan antrian: bila papan tampil tanpa suara, pasang mesin suara berbahasa "
    "Indonesia. Linux (Debian/Ubuntu): sudo apt install speech-dispatcher espeak-ng "
    "libpulse0, lalu buka ulang kiosk. Windows 10/11: Pengaturan > Waktu & bahasa > Bahasa, "
    "tambahkan Bahasa Indonesia dengan fitur Ucapan (Speech). Isi 'Mesin suara' hanya bila "
    "ingin memilih mesin lain (mis. speechd, sapi, winrt); kosong berarti bawaan sistem.",
)


class DisplayPage(QWidget):
    """Every officer may change how the screen looks for them."""

    def __init__(self, settings: LocalSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("display_page")
        layout = QVBoxLayout(self)
        title = QLabel(translate("display", "Tampilan"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        # Both words: whoever changed it by mistake can read the way back.
        self.language = add_field(
            form, translate("display", "&Bahasa / Language"), QComboBox(), "language"
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.language.currentIndexChanged.connect(
            lambda _i: settings.set("language", str(self.language.currentData()))
        )
        for opt in OPTIONS:
            if opt.page != "display":
                continue
            if opt.kind is bool:
                cb = QCheckBox(translate("local_settings", opt.label))
                cb.setObjectName(opt.key)
                cb.setChecked(bool(settings.get(opt.key)))
                cb.toggled.connect(lambda on, key=opt.key: settings.set(key, on))
                self.boxes[opt.key] = cb
                layout.addWidget(cb)
            elif opt.kind is int:
                spin = QSpinBox()
                spin.setRange(0, 100)
                spin.setValue(int(settings.get(opt.key)))
                spin.valueChanged.connect(lambda v, key=opt.key: settings.set(key, v))
                self.fields[opt.key] = add_field(
                    form, translate("local_settings", opt.label), spin, opt.key
                )
            else:
                edit = QLineEdit(str(settings.get(opt.key)))
                edit.editingFinished.connect(
                    lambda key=opt.key, e=edit: settings.set(key, e.text().strip())
                )
                self.fields[opt.key] = add_field(
                    form, translate("local_settings", opt.label), edit, opt.key
                )
        layout.addLayout(form)
        hint = QLabel(
            translate(
                "display",
                "Kalimat panggilan memakai {huruf}, {angka} dan {loket}, misalnya: "
                "Nomor antrian {huruf}, {angka}, silakan ke {loket}.",
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.voice_help = QLabel(translate("display", VOICE_HELP))
        self.voice_help.setObjectName("voice_help")
        self.voice_help.setWordWrap(True)
        self.voice_help.setAccessibleName(translate("display", "Cara memasang suara papan antrian"))
        layout.addWidget(self.voice_help)
        layout.addStretch()
