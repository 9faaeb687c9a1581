"""Display options: large text and high contrast, applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ui.settings import OPTIONS, DisplaySettings


class DisplayPage(QWidget):
    """Every officer may change how the screen looks for them."""

    def __init__(self, settings: DisplaySettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("display_page")
        layout = QVBoxLayout(self)
        title = QLabel("Tampilan")
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        for opt in OPTIONS:
            if opt.kind is not bool:
                continue
            cb = QCheckBox(opt.label)
            cb.setObjectName(opt.key)
            cb.setChecked(bool(settings.get(opt.key)))
            cb.toggled.connect(lambda on, key=opt.key: settings.set(key, on))
            self.boxes[opt.key] = cb
            layout.addWidget(cb)
        layout.addStretch()
