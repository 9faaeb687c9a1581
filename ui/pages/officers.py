"""Officer management: add, change roles, deactivate, reset a password; and the office's
letterhead facts (name, address, head of village, idle lock), which only the administrator
changes after set-up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.changes import Kind
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import (
    OfficerView,
    add_officer,
    list_officers,
    reset_password,
    set_active,
    set_roles,
)
from kiosk.services.setup import SiteView, get_site, update_site
from ui import words
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.forms import add_field, password_edit, show_error
from ui.i18n import translate
from ui.officer_model import OfficerTableModel
from ui.ops import Op
from ui.pages.base import Page


class OfficersPage(Page):
    """Administrator's page; the service refuses anyone else even if they reach it."""

    shows = frozenset({Kind.OFFICERS})

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None):
        super().__init__(env, actor, "officers_page", parent)
        self.model = OfficerTableModel(self)
        # Every column matters to the administrator: names and roles wrap, none is cut.
        self.table, self.columns = self.make_table(
            self.model,
            "officer_table",
            translate("officers", "Daftar petugas"),
            (0, 1, 2, 3),
            wrap=(1, 2),
        )

        self.toggle = QPushButton(translate("officers", "&Nonaktifkan / aktifkan"))
        self.toggle.clicked.connect(self.on_toggle_active)
        self.reset_pw = QLineEdit()
        self.reset_pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_pw.setPlaceholderText(translate("officers", "sandi sementara baru"))
        self.reset_pw.setAccessibleName(translate("officers", "Sandi sementara baru"))
        reset = QPushButton(translate("officers", "&Reset sandi"))
        reset.clicked.connect(self.on_reset_password)
        roles_button = QPushButton(translate("officers", "&Ubah peran…"))
        roles_button.clicked.connect(self.on_change_roles)
        site_button = QPushButton(translate("officers", "Ubah &data kantor…"))
        site_button.clicked.connect(self.on_site)
        row_actions = QHBoxLayout()
        for w in (self.toggle, roles_button, self.reset_pw, reset, site_button):
            row_actions.addWidget(w)

        box = QGroupBox(translate("officers", "Tambah petugas"))
        form = QFormLayout(box)
        self.username = add_field(
            form, translate("officers", "Nama &pengguna"), QLineEdit(), "new_username"
        )
        self.full_name = add_field(
            form, translate("officers", "Nama &lengkap"), QLineEdit(), "new_full_name"
        )
        self.password = add_field(
            form, translate("officers", "Sandi &sementara"), password_edit(), "new_password"
        )
        roles = QWidget()
        grid = QGridLayout(roles)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for i, role in enumerate(Role):
            cb = QCheckBox(words.role(role))
            cb.setObjectName(f"role_{role.value}")
            self.role_boxes[role] = cb
            grid.addWidget(cb, i // 2, i % 2)  # two a row: fits 1024 px in English too
        form.addRow(QLabel(translate("officers", "Peran")), roles)
        self.add_button = QPushButton(translate("officers", "&Tambah petugas"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.on_add)
        form.addRow(self.add_button)
        self.status = QLabel()
        self.status.setAccessibleName(translate("officers", "Status"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row_actions)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.env.op(self, get_site).success(self._use_names).failure(self._no_names).run()

    def _use_names(self, site: SiteView | None) -> None:
        """The roles as the office's regional profile names them (Depok: Ketua Puskesos)."""
        self.model.names = dict(site.role_names) if site else {}
        for role, cb in self.role_boxes.items():
            cb.setText(words.role(role, self.model.names))
        self.load()

    def _no_names(self, exc: Exception) -> None:
        self._failed(exc)
        self.load()

    def reading(self) -> Op[list[OfficerView]]:
        return self.env.op(self, list_officers, self.actor)

    def loaded(self, rows: list[OfficerView]) -> None:
        self.model.set_rows(rows)

    def _selected(self) -> OfficerView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def on_add(self) -> None:
        roles = [r for r, cb in self.role_boxes.items() if cb.isChecked()]
        self.env.op(
            self,
            add_officer,
            self.actor,
            self.username.text(),
            self.full_name.text(),
            self.password.text(),
            roles,
        ).success(self._added).failure(self._failed).run()

    def _added(self, view: OfficerView) -> None:
        show_error(self.error, "")
        self.status.setText(
            translate(
                "officers",
                "Petugas {0} ditambahkan. Sandi sementara wajib diganti saat pertama masuk.",
            ).format(view.username)
        )
        for edit in (self.username, self.full_name, self.password):
            edit.clear()
        for cb in self.role_boxes.values():
            cb.setChecked(False)
        self.username.setFocus()
        self.load()

    def on_toggle_active(self) -> None:
        view = self._selected()
        if view is None:
            show_error(self.error, translate("officers", "Pilih petugas di tabel terlebih dahulu."))
            return
        self.env.op(self, set_active, self.actor, view.id, not view.active).success(
            lambda _v: self.load()
        ).failure(self._failed).run()

    def on_change_roles(self) -> None:
        view = self._selected()
        if view is None:
            show_error(self.error, translate("officers", "Pilih petugas di tabel terlebih dahulu."))
            return
        fields = [
            Field(
                role.value,
                words.role(role, self.model.names),
                "check",
                required=False,
                value=role in view.roles,
            )
            for role in Role
        ]
        answer = FormDialog.ask(
            self,
            translate("officers", "Peran {0}").format(view.username),
            fields,
            translate("officers", "Simpan peran"),
            translate("officers", "Centang peran yang dipegang; yang tidak dicentang dicabut."),
        )
        if answer is None:
            return
        chosen = [role for role in Role if answer[role.value]]
        self.env.op(self, set_roles, self.actor, view.id, chosen).success(self._roles_done).failure(
            self._failed
        ).run()

    def _roles_done(self, view: OfficerView) -> None:
        show_error(self.error, "")
        roles = ", ".join(words.role(r, self.model.names) for r in view.roles)
        self.status.setText(translate("officers", "Peran {0}: {1}.").format(view.username, roles))
        self.load()

    def on_site(self) -> None:
        self.env.op(self, get_site).success(self._ask_site).failure(self._failed).run()

    def _ask_site(self, site: SiteView | None) -> None:
        """The letterhead facts the administrator may change after set-up."""
        if site is None:
            return
        fields = [
            Field("name", translate("officers", "Nama Puskesos"), value=site.name),
            Field("address", translate("officers", "Alamat"), required=False, value=site.address),
            Field(
                "head_name",
                translate("officers", "Nama Kepala Desa/Lurah"),
                required=False,
                value=site.head_name,
            ),
            Field(
                "idle_lock_minutes",
                translate("officers", "Kunci layar setelah diam (menit)"),
                value=site.idle_lock_minutes,
            ),
        ]
        answer = FormDialog.ask(
            self, translate("officers", "Data kantor"), fields, translate("officers", "Simpan")
        )
        if answer is None:
            return
        minutes = answer.pop("idle_lock_minutes")
        if not minutes.isdigit() or not 1 <= int(minutes) <= 120:
            show_error(self.error, translate("officers", "Menit kunci layar: angka 1 sampai 120."))
            return
        self.env.op(
            self, update_site, self.actor, idle_lock_minutes=int(minutes), **answer
        ).success(self._site_done).failure(self._failed).run()

    def _site_done(self, site: SiteView) -> None:
        show_error(self.error, "")
        self.status.setText(
            translate("officers", "Data kantor disimpan: {0}, {1}.").format(
                site.name, site.head_name or "-"
            )
        )

    def on_reset_password(self) -> None:
        view = self._selected()
        if view is None:
            show_error(self.error, translate("officers", "Pilih petugas di tabel terlebih dahulu."))
            return
        self.env.op(self, reset_password, self.actor, view.id, self.reset_pw.text()).success(
            self._reset_done
        ).failure(self._failed).run()

    def _reset_done(self, view: OfficerView) -> None:
        self.reset_pw.clear()
        show_error(self.error, "")
        self.status.setText(
            translate("officers", "Sandi {0} direset; wajib diganti saat masuk.").format(
                view.username
            )
        )
        self.load()
