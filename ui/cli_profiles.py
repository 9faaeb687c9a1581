"""``puskesos profile``: the regional profiles (one per regulation, issue #32), what each says
with its articles, and the administrator's choice of the one the office follows."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.profiles.reading import lines
from kiosk.services.profiles import list_profiles, show_profile, use_profile
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    prof = sub.add_parser(
        "profile", parents=[common], help="profil daerah: peraturan yang diikuti kantor"
    ).add_subparsers(dest="profile_cmd", required=True)
    prof.add_parser("list", parents=[common], help="daftar profil daerah; * yang dipakai")
    show = prof.add_parser("show", parents=[common], help="isi satu profil dengan pasalnya")
    show.add_argument("name", help="nama profil, mis. kendal (lihat 'puskesos profile list')")
    show.add_argument("--json", action="store_true", help="dokumen utuh sebagai JSON")
    use = prof.add_parser("use", parents=[common], help="pakai profil ini (administrator)")
    use.add_argument("name", help="nama profil")
    use.add_argument("--as", dest="as_user", required=True, help="administrator")
    use.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    gateway = Gateway(ctx)
    if a.profile_cmd == "use":
        actor = login(ctx, a.as_user, a.as_password)
        p = gateway.call(use_profile, actor, a.name)
        print(f"Profil dipakai: {p.name} versi {p.version} ({p.title}), untuk kasus baru.")
        print("Kasus yang sudah berjalan tetap mengikuti profil saat kasus itu dibuka.")
        return 0
    if a.profile_cmd == "show":
        body = gateway.call(show_profile, a.name)
        print(json.dumps(body, ensure_ascii=False, indent=2) if a.json else "\n".join(lines(body)))
        return 0
    for p in gateway.call(list_profiles):
        mark = "*" if p.active else " "
        print(f"{mark} {p.name:16} {p.version:10} {p.title} ({p.source})")
    return 0
