"""A citizen's request about their own data, handled by the administrator: a copy of
everything held (JSON and PDF), withdrawal of consent, erasure after the retention period."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.clock import tanggal
from kiosk.services import person_rights as rights
from kiosk.services.actor import Actor
from kiosk.services.dossier import person_dossier
from kiosk.services.reference import Choice
from kiosk.services.setup import require_site
from ui import file_dialogs
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import add_field, show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.pages.base import Page

# What a consent is for: codes the core stores, words only here.
PURPOSE_WORDS = {
    "layanan": QT_TRANSLATE_NOOP("person_rights", "Layanan di kantor ini"),
    "rujukan": QT_TRANSLATE_NOOP("person_rights", "Rujukan ke lembaga lain"),
    "usulan_dtks": QT_TRANSLATE_NOOP("person_rights", "Usulan ke DTKS/DTSEN"),
    "foto_rumah": QT_TRANSLATE_NOOP("person_rights", "Foto rumah"),
}


class PersonRightsPage(Page):
    """NIK on top, one button per right; each result is said on the page."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "person_rights_page", parent)
        intro = QLabel(
            translate(
                "person_rights",
                "Warga berhak melihat seluruh datanya, mencabut persetujuan, dan meminta "
                "penghapusan (UU 27/2022). Periksa KTP pemohon sebelum memproses.",
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.nik = add_field(
            form, translate("person_rights", "&NIK warga"), QLineEdit(), "rights_nik"
        )
        self.nik.setMaxLength(20)
        self.note = add_field(
            form,
            translate("person_rights", "Ke&terangan / dasar permintaan"),
            QLineEdit(),
            "rights_note",
        )
        self.export_button = QPushButton(
            translate("person_rights", "&Ekspor seluruh data (JSON + PDF)…")
        )
        self.export_button.setProperty("primary", True)
        self.export_button.clicked.connect(self.on_export)
        self.withdraw_button = QPushButton(translate("person_rights", "&Cabut persetujuan"))
        self.withdraw_button.clicked.connect(self.on_withdraw)
        self.erase_button = QPushButton(translate("person_rights", "&Hapus identitas…"))
        self.erase_button.clicked.connect(self.on_erase)
        self.consent_button = QPushButton(translate("person_rights", "Catat persetujuan &baru…"))
        self.consent_button.clicked.connect(self.on_give_consent)
        buttons = QHBoxLayout()
        for b in (self.export_button, self.withdraw_button, self.erase_button):
            buttons.addWidget(b)
        buttons.addStretch()
        consent = QHBoxLayout()  # a row of its own: four buttons are too wide for 1024 px
        consent.addWidget(self.consent_button)
        consent.addStretch()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("person_rights", "Hasil"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(consent)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch()
        self.first_field = self.nik

    def choose_file(self) -> str:
        name = file_dialogs.save_file(
            self,
            translate("person_rights", "Simpan data warga"),
            "data-warga.json",
            translate("person_rights", "JSON (*.json)"),
        )
        return name

    def on_export(self) -> None:
        out = self.choose_file()
        if not out:
            return
        gateway, nik, clock = self.env.gateway, self.nik.text(), self.env.clock

        def export() -> tuple[Path, Path]:
            from printing.documents import Header
            from printing.dossier import save_dossier

            dossier = gateway.call(person_dossier, self.actor, nik, clock)
            site = gateway.call(require_site)
            header = Header(site, f"DP-{dossier.person_id.hex[:8].upper()}", clock.today())
            return save_dossier(header, dossier, Path(out))

        self.env.run(self, export).success(
            lambda paths: self._said(
                translate("person_rights", "Data warga ditulis ke {0} dan {1}.").format(*paths[:2])
            )
        ).failure(self._failed).run()

    def on_withdraw(self) -> None:
        self.env.op(
            self, rights.withdraw_consent, self.actor, self.nik.text(), self.note.text()
        ).success(
            lambda n: self._said(
                translate(
                    "person_rights",
                    "{0} persetujuan dicabut. Rujukan baru ditolak sampai warga setuju lagi; "
                    "kabupaten diberi tahu saat sinkronisasi.",
                ).format(n)
            )
        ).failure(self._failed).run()

    def on_give_consent(self) -> None:
        """The citizen agrees again (after a withdrawal), for one purpose at a time."""
        options = tuple(
            Choice(code, translate("person_rights", PURPOSE_WORDS.get(code, code)), {})
            for code in rights.PURPOSES
        )
        answer = FormDialog.ask(
            self,
            translate("person_rights", "Catat persetujuan warga"),
            [Field("purpose", translate("person_rights", "&Tujuan"), "choice", options=options)],
            translate("person_rights", "Catat"),
            translate("person_rights", "Warga menyetujui datanya dipakai untuk tujuan ini."),
        )
        if answer is None:
            return
        self.env.op(
            self,
            rights.give_consent,
            self.actor,
            self.nik.text(),
            answer["purpose"],
            clock=self.env.clock,
        ).success(
            lambda _r: self._said(
                translate(
                    "person_rights",
                    "Persetujuan dicatat; kabupaten diberi tahu saat sinkronisasi.",
                )
            )
        ).failure(self._failed).run()

    def confirm_erase(self) -> bool:
        answer = QMessageBox.question(
            self,
            translate("person_rights", "Hapus identitas warga?"),
            translate(
                "person_rights",
                "Nama, NIK, telepon dan uraian keluhan warga ini akan dihapus (setelah masa simpan "
                "kantor berakhir) dan tidak dapat dikembalikan. Kasusnya tetap terhitung tanpa "
                "nama. Lanjutkan?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_erase(self) -> None:
        if not self.note.text().strip():
            show_error(
                self.error,
                translate(
                    "person_rights", "Tuliskan dasar permintaan penghapusan di kolom keterangan."
                ),
            )
            self.note.setFocus()
            return
        if not self.confirm_erase():
            return
        self.env.op(
            self,
            rights.request_erasure,
            self.actor,
            self.nik.text(),
            self.note.text(),
            self.env.clock,
        ).success(self._erased).failure(self._failed).run()

    def _erased(self, view: rights.ErasureView) -> None:
        if view.erased_now:
            self._said(
                translate(
                    "person_rights", "Identitas warga dihapus; kasusnya tetap terhitung tanpa nama."
                )
            )
        else:
            self._said(
                translate(
                    "person_rights",
                    "Permintaan dicatat. Identitas dihapus pada {0}, akhir masa simpan yang "
                    "ditetapkan kantor.",
                ).format(tanggal(view.due_on))
            )

    def _said(self, text: str) -> None:
        show_error(self.error, "")
        self.status.setText(text)

    def _failed(self, exc: Exception) -> None:
        self.status.setText("")
        super()._failed(exc)
