"""Profil daerah: the administrator chooses which regulation the office follows (issue #32)
and reads what it says, every value with its article. A switch applies to new cases only; the
page says so, and the core keeps each earlier case on its own profile."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.profiles.reading import lines
from kiosk.services.actor import Actor
from kiosk.services.profiles import ProfileSummary, list_profiles, show_profile, use_profile
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page


class ProfilesPage(Page):
    shows = frozenset({Kind.REFERENCE})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "profiles_page", parent)
        title = self.title_label(
            translate("profiles", "Profil daerah: peraturan yang diikuti kantor")
        )
        note = QLabel(
            translate(
                "profiles",
                "Profil menentukan siapa menyetujui, jatuh tempo, sebutan jabatan dan "
                "penanda tangan surat. Profil baru berlaku untuk kasus baru; kasus yang "
                "sudah berjalan tetap mengikuti profil saat dibuka.",
            )
        )
        note.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setObjectName("profile_choice")
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(24)  # long regulation names must not widen the page
        self.choice.currentIndexChanged.connect(self._chosen)
        self.use = QPushButton(translate("profiles", "&Pakai profil ini"))
        self.use.setProperty("primary", True)
        self.use.clicked.connect(self.on_use)
        self.info = QLabel()
        self.info.setObjectName("profiles_info")
        self.info.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("profile_text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("profiles", "Isi profil dan pasalnya"))
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 6)
        form = QFormLayout()
        label = QLabel(translate("profiles", "Pro&fil"))
        label.setBuddy(self.choice)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.use)
        form.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.text, 1)
        self.profiles: list[ProfileSummary] = []
        self.load()

    def reading(self) -> Op[list[ProfileSummary]]:
        return self.env.op(self, list_profiles)

    def loaded(self, profiles: list[ProfileSummary]) -> None:
        self._show(profiles)

    def _show(self, profiles: list[ProfileSummary]) -> None:
        self.profiles = profiles
        self.choice.blockSignals(True)
        self.choice.clear()
        for p in profiles:
            mark = translate("profiles", " (dipakai)") if p.active else ""
            self.choice.addItem(f"{p.title}, {p.version}{mark}", p.name)
        now = next((i for i, p in enumerate(profiles) if p.active), 0)
        self.choice.setCurrentIndex(now)
        self.choice.blockSignals(False)
        self._chosen()

    def chosen(self) -> ProfileSummary | None:
        at = self.choice.currentIndex()
        return self.profiles[at] if 0 <= at < len(self.profiles) else None

    def _chosen(self) -> None:
        p = self.chosen()
        if p is None:
            return
        self.use.setEnabled(not p.active)
        self.env.op(self, show_profile, p.name).success(self._text).failure(self._failed).run()

    def _text(self, body: dict[str, Any]) -> None:
        self.text.setPlainText("\n".join(lines(body)))

    def on_use(self) -> None:
        show_error(self.error, "")
        p = self.chosen()
        if p is not None:
            op = self.env.op(self, use_profile, self.actor, p.name)
            op.success(self._used).failure(self._failed).run()

    def _used(self, p: ProfileSummary) -> None:
        self.info.setText(
            translate("profiles", "Dipakai: {0}, versi {1}. Berlaku untuk kasus baru.").format(
                p.title, p.version
            )
        )
        self.load()
