"""Panduan disabilitas: the office's own guide for each access need (Empat Lawang art. 7 (2) e
and 9 (5)), shown to the officer when a visitor needs a wheelchair, sign language, reading
help or comes with a companion. Empty text goes back to the shipped guide."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.services.access import (
    ACCESS_LIST,
    GUIDE_MAX,
    AccessNeed,
    access_needs,
    set_access_guide,
)
from kiosk.services.actor import Actor
from kiosk.services.reference import Choice, add_choice, reload_reference
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import translate
from ui.ops import Op
from ui.pages.base import Page


class AccessGuidesPage(Page):
    shows = frozenset({Kind.REFERENCE})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "access_guides_page", parent)
        title = self.title_label(translate("access_guides", "Panduan melayani warga disabilitas"))
        note = QLabel(
            translate(
                "access_guides",
                "Tulis panduan singkat kantor ini untuk tiap kebutuhan akses: tampil di "
                "layar petugas saat warga mendaftar dan di kasus. Paling panjang {0} "
                "huruf; kosongkan untuk kembali ke panduan bawaan.",
            ).format(GUIDE_MAX)
        )
        note.setWordWrap(True)
        self.form = QFormLayout()
        self.edits: dict[str, QPlainTextEdit] = {}
        self.save = QPushButton(translate("access_guides", "&Simpan panduan"))
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.on_save)
        self.info = QLabel()
        self.info.setObjectName("access_guides_info")
        self.info.setWordWrap(True)
        # The shipped lists: one button with a menu, beside Save (no line more on the page).
        self.lists = QPushButton(translate("access_guides", "Daftar &rujukan"))
        menu = QMenu(self.lists)
        self.add_need = menu.addAction(translate("access_guides", "Tambah kebutuhan akses…"))
        self.add_need.triggered.connect(self.on_add_need)
        self.reload = menu.addAction(translate("access_guides", "Muat ulang daftar bawaan"))
        self.reload.setToolTip(
            translate(
                "access_guides",
                "Memuat ulang daftar rujukan bawaan (kebutuhan akses, sektor, lembaga, hari "
                "libur, program), mis. setelah pembaruan aplikasi. Panduan kantor tetap.",
            )
        )
        menu.setToolTipsVisible(True)
        self.reload.triggered.connect(self.on_reload)
        self.lists.setMenu(menu)
        head = QHBoxLayout()  # Save beside the title: in view however large the text
        head.addWidget(title, 1)
        head.addWidget(self.lists)
        head.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(note)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.load()

    def reading(self) -> Op[list[AccessNeed]]:
        return self.env.op(self, access_needs)

    def loaded(self, needs: list[AccessNeed]) -> None:
        self._show(needs)

    def on_add_need(self) -> None:
        """A need the shipped list lacks (the office's own words); its guide is written here."""
        answer = FormDialog.ask(
            self,
            translate("access_guides", "Tambah kebutuhan akses"),
            [
                Field("label", translate("access_guides", "&Nama kebutuhan")),
                Field("code", translate("access_guides", "&Kode (huruf kecil, tanpa spasi)")),
            ],
            translate("access_guides", "Tambah"),
        )
        if answer is None:
            return
        self.env.op(
            self, add_choice, self.actor, ACCESS_LIST, answer["code"], answer["label"]
        ).success(self._need_added).failure(self._failed).run()

    def _need_added(self, added: Choice) -> None:
        show_error(self.error, "")
        self.info.setText(translate("access_guides", "Ditambahkan: {0}.").format(added.label))
        self.load()

    def on_reload(self) -> None:
        self.env.op(self, reload_reference, self.actor).success(self._reloaded).failure(
            self._failed
        ).run()

    def _reloaded(self, counts: dict[str, int]) -> None:
        show_error(self.error, "")
        self.info.setText(
            translate("access_guides", "Daftar rujukan bawaan dimuat ulang ({0} baris).").format(
                sum(counts.values())
            )
        )
        self.load()

    def _show(self, needs: list[AccessNeed]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        for need in needs:
            edit = QPlainTextEdit(need.guide)
            edit.setObjectName(f"guide_{need.code}")
            edit.setAccessibleName(translate("access_guides", "Panduan: {0}").format(need.label))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 2 + 16)  # fits 768 lines
            self.form.addRow(need.label, edit)
            self.edits[need.code] = edit
        self.shown = {n.code: n.guide for n in needs}

    def on_save(self) -> None:
        show_error(self.error, "")
        changed = {
            code: e.toPlainText()
            for code, e in self.edits.items()
            if " ".join(e.toPlainText().split()) != self.shown.get(code)
        }
        for code, text in changed.items():
            self.env.op(self, set_access_guide, self.actor, code, text).success(
                self._saved
            ).failure(self._failed).run()
        if not changed:
            self.info.setText(translate("access_guides", "Tidak ada yang berubah."))

    def _saved(self, need: AccessNeed) -> None:
        self.shown[need.code] = need.guide
        self.edits[need.code].setPlainText(need.guide)
        self.info.setText(translate("access_guides", "Tersimpan: {0}.").format(need.label))
