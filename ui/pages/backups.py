"""The administrator's backup page: make a verified copy, see the copies, restore one, name
a second folder (a USB drive) for the automatic copies, and set the recovery passphrase that
opens the (encrypted) copies on another laptop.

On PostgreSQL the page says how the server's own tools back up instead of offering buttons
that would only be refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.backup import BackupInfo, sqlite_file
from kiosk.backup_keys import NeedsPassphrase
from kiosk.formatting import desimal
from kiosk.services.actor import Actor
from kiosk.services.backups import (
    POSTGRES_MESSAGE,
    BackupResult,
    create_backup,
    list_backups,
    restore_backup,
    set_backup_mirror,
    set_recovery_passphrase,
)
from ui import file_dialogs
from ui.env import UiEnv
from ui.forms import show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.ops import Op
from ui.pages.base import Page
from ui.row_model import RowTableModel

REASONS = {
    "harian": QT_TRANSLATE_NOOP("backups", "Otomatis harian"),
    "migrasi": QT_TRANSLATE_NOOP("backups", "Sebelum pembaruan program"),
    "manual": QT_TRANSLATE_NOOP("backups", "Dibuat petugas"),
    "sebelum-pulih": QT_TRANSLATE_NOOP("backups", "Sebelum pemulihan"),
}


class BackupPage(Page):
    """Signals: none; the table refreshes after each action."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "backup_page", parent)
        self.ctx = env.gateway.ctx
        clock = env.clock
        self.model: RowTableModel[BackupInfo] = RowTableModel(
            [
                translate("backups", "Waktu"),
                translate("backups", "Jenis"),
                translate("backups", "Ukuran"),
                translate("backups", "Berkas"),
            ],
            lambda b: (
                f"{clock.local(b.made_at):%d-%m-%Y %H:%M} {clock.zone_label()}",
                translate("backups", REASONS.get(b.reason, b.reason)),
                f"{desimal(b.size / 1_048_576, 1)} MB",
                b.path.name,
            ),
            self,
        )
        # When, why and how large show whole; the file's name gives way.
        self.table, self.columns = self.make_table(
            self.model,
            "backup_table",
            translate("backups", "Daftar cadangan"),
            (0, 1, 2),
            wrap=(1,),
        )
        intro = QLabel(
            translate(
                "backups",
                "Cadangan otomatis dibuat saat kiosk pertama dibuka setiap hari dan sebelum "
                "program diperbarui; setiap salinan diperiksa keutuhannya dan disandikan. "
                "Disimpan 7 harian, 4 mingguan, 12 bulanan; salinan buatan petugas disimpan "
                "satu tahun. Salinan di diska USB yang lebih tua dari satu tahun: musnahkan.",
            )
        )
        intro.setWordWrap(True)
        self.create_button = QPushButton(translate("backups", "&Buat cadangan sekarang"))
        self.create_button.setProperty("primary", True)
        self.create_button.clicked.connect(self.on_create)
        self.restore_button = QPushButton(translate("backups", "&Pulihkan yang dipilih…"))
        self.restore_button.clicked.connect(self.on_restore)
        self.mirror_button = QPushButton(translate("backups", "&Folder kedua (diska USB)…"))
        self.mirror_button.clicked.connect(self.on_mirror)
        self.passphrase_button = QPushButton(translate("backups", "Frasa pe&mulihan…"))
        self.passphrase_button.clicked.connect(self.on_passphrase)
        # Two rows: the copy itself, then where it goes and what opens it elsewhere.
        buttons, keeping = QHBoxLayout(), QHBoxLayout()
        for row, pair in (
            (buttons, (self.create_button, self.restore_button)),
            (keeping, (self.mirror_button, self.passphrase_button)),
        ):
            for b in pair:
                row.addWidget(b)
            row.addStretch()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("backups", "Keadaan cadangan"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addLayout(keeping)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        if sqlite_file(self.ctx.url) is None:
            for b in (
                self.create_button,
                self.restore_button,
                self.mirror_button,
                self.passphrase_button,
            ):
                b.setEnabled(False)
            self.status.setText(POSTGRES_MESSAGE)
        else:
            self.load()

    def reading(self) -> Op[list[BackupInfo]]:
        return self.env.run(self, list_backups, self.ctx, self.actor)

    def loaded(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)

    def on_create(self) -> None:
        self.status.setText(translate("backups", "Membuat dan memeriksa cadangan…"))
        # A large register takes seconds to copy and check: not on the database's worker.
        self.env.device(self, create_backup, self.ctx, self.actor).success(self._created).failure(
            self._failed
        ).run()

    def _created(self, result: BackupResult) -> None:
        text = translate("backups", "Cadangan terverifikasi: {0}").format(result.info.path)
        seq, _sep, head = result.info.audit_head.partition(":")
        text += translate("backups", "; kepala rantai audit: entri no. {0}, {1}").format(seq, head)
        if result.mirrored_to:
            text += translate("backups", "; salinan kedua: {0}").format(result.mirrored_to)
        self.status.setText(text)
        warning = result.warning
        if not result.passphrase_set:
            warning = " ".join(filter(None, (warning, self.no_passphrase_text())))
        show_error(self.error, warning)
        self.load()

    @staticmethod
    def no_passphrase_text() -> str:
        return translate(
            "backups",
            "Frasa pemulihan belum ditetapkan: cadangan hanya dapat dibuka di komputer ini. "
            "Tetapkan dengan tombol Frasa pemulihan.",
        )

    def ask_passphrase(self, title: str) -> str:
        """A passphrase typed hidden; empty when the officer cancels."""
        text, ok = QInputDialog.getText(
            self,
            title,
            translate("backups", "Frasa pemulihan (tulis juga di kertas, simpan terpisah):"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else ""

    def on_passphrase(self) -> None:
        phrase = self.ask_passphrase(translate("backups", "Frasa pemulihan baru"))
        if not phrase:
            return
        if self.ask_passphrase(translate("backups", "Ulangi frasa pemulihan")) != phrase:
            show_error(self.error, translate("backups", "Kedua frasa tidak sama; tidak diubah."))
            return
        self.env.run(self, set_recovery_passphrase, self.ctx, self.actor, phrase).success(
            lambda _r: self._passphrase_set()
        ).failure(self._failed).run()

    def _passphrase_set(self) -> None:
        show_error(self.error, "")
        self.status.setText(
            translate(
                "backups",
                "Frasa pemulihan ditetapkan. Cadangan berikutnya dapat dipulihkan di komputer "
                "lain dengan frasa itu.",
            )
        )

    def confirm_restore(self, info: BackupInfo) -> bool:
        local = self.env.clock.local(info.made_at)
        answer = QMessageBox.question(
            self,
            translate("backups", "Pulihkan cadangan?"),
            translate(
                "backups",
                "Data akan dikembalikan ke keadaan {0:%d-%m-%Y %H:%M}. Semua yang "
                "dicatat sesudah itu hilang dari komputer ini (data yang sudah terkirim "
                "tetap ada di kabupaten). Basis data sekarang disalin dulu agar bisa "
                "dikembalikan.\n\nLanjutkan?",
            ).format(local),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            show_error(self.error, translate("backups", "Pilih cadangan di tabel terlebih dahulu."))
            return
        info = self.model.row(rows[0].row())
        if not self.confirm_restore(info):
            return
        self._restore(info, None)

    def _restore(self, info: BackupInfo, passphrase: str | None) -> None:
        def failed(exc: Exception) -> None:
            if isinstance(exc, NeedsPassphrase) and passphrase is None:
                typed = self.ask_passphrase(translate("backups", "Cadangan dari komputer lain"))
                if typed:
                    self._restore(info, typed)
                    return
            self._failed(exc)

        self.env.run(self, restore_backup, self.ctx, self.actor, info.path, passphrase).success(
            self._restored
        ).failure(failed).run()

    def _restored(self, aside: BackupInfo) -> None:
        show_error(self.error, "")
        self.status.setText(
            translate(
                "backups",
                "Data dipulihkan. Basis data sebelumnya disimpan sebagai {0}. Keluar "
                "akun lalu masuk lagi agar semua halaman memuat data yang dipulihkan.",
            ).format(aside.path.name)
        )
        self.load()

    def choose_mirror(self) -> str:
        return file_dialogs.choose_folder(
            self, translate("backups", "Pilih folder kedua untuk cadangan")
        )

    def on_mirror(self) -> None:
        folder = self.choose_mirror()
        if not folder:
            return
        self.env.op(self, set_backup_mirror, self.actor, str(Path(folder))).success(
            lambda _r: self.status.setText(
                translate("backups", "Salinan otomatis juga ke {0}.").format(folder)
            )
        ).failure(self._failed).run()
