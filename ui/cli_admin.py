"""``puskesos site`` and ``puskesos reference``: the administrator's changes after set-up.

The office's letterhead facts (name, address, head of village, idle lock) and the reference
lists (adding a local choice, reloading the shipped lists after an upgrade) are the same
services the window's Pengaturan kantor page calls.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.services.reference import add_choice, reload_reference
from kiosk.services.setup import update_site
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers

COMMANDS = ("site", "reference")

# option -> the site's field (update_site refuses any other)
SITE_FIELDS = {
    "name": "name",
    "address": "address",
    "head_name": "head_name",
    "head_title": "head_title",
    "phone": "phone",
    "idle_lock_minutes": "idle_lock_minutes",
}


def _who(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--as", dest="as_user", required=True, help="nama pengguna administrator")
    p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
    return p


def add_parsers(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    site = sub.add_parser("site", parents=[common], help="data kantor (kop surat)")
    ssub = site.add_subparsers(dest="site_cmd", required=True)
    upd = _who(ssub.add_parser("update", parents=[common], help="ubah data kantor"))
    upd.add_argument("--name", help="nama Puskesos")
    upd.add_argument("--address", help="alamat kantor")
    upd.add_argument("--head-name", help="nama Kepala Desa/Lurah")
    upd.add_argument("--head-title", help="jabatan penanda tangan, mis. Kepala Desa")
    upd.add_argument("--phone", help="telepon kantor")
    upd.add_argument("--idle-lock-minutes", type=int, help="kunci layar setelah menit diam")

    ref = sub.add_parser("reference", parents=[common], help="daftar rujukan (pilihan)")
    rsub = ref.add_subparsers(dest="reference_cmd", required=True)
    _who(rsub.add_parser("reload", parents=[common], help="muat ulang daftar rujukan bawaan"))
    choice = _who(rsub.add_parser("add-choice", parents=[common], help="tambah pilihan daftar"))
    choice.add_argument("list_name", help="nama daftar, mis. sektor, lembaga_rujukan")
    choice.add_argument("code", help="kode pilihan (huruf kecil)")
    choice.add_argument("label", help="nama yang ditampilkan")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.cmd == "site":
        changes = {
            field: getattr(a, option)
            for option, field in SITE_FIELDS.items()
            if getattr(a, option) is not None
        }
        if not changes:
            print("Tidak ada yang diubah: sebutkan paling sedikit satu opsi (mis. --address).")
            return 1
        view = gateway.call(update_site, actor, **changes)
        print(f"Data kantor diubah: {view.name}, {view.address or '-'}, {view.head_name or '-'}.")
        return 0
    if a.reference_cmd == "reload":
        counts = gateway.call(reload_reference, actor)
        print("Daftar rujukan dimuat ulang: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        return 0
    added = gateway.call(add_choice, actor, a.list_name, a.code, a.label)
    print(f"Pilihan {added.code} ({added.label}) ditambahkan ke daftar {a.list_name}.")
    return 0
