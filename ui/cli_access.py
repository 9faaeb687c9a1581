"""``puskesos akses``: the access needs of disabled visitors and the office's guide for each
(Empat Lawang art. 7 (2) e and 9 (5)). The guide shows on the capture screen and the case."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.services.access import access_needs, set_access_guide
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    akses = sub.add_parser(
        "akses", parents=[common], help="kebutuhan akses warga disabilitas dan panduannya"
    ).add_subparsers(dest="akses_cmd", required=True)
    akses.add_parser("list", parents=[common], help="daftar kebutuhan akses dan panduannya")
    guide = akses.add_parser(
        "panduan", parents=[common], help="tulis panduan kantor untuk satu kebutuhan akses"
    )
    guide.add_argument("code", help="kode, mis. kursi_roda (lihat 'puskesos akses list')")
    guide.add_argument("text", help='panduan singkat; kosong ("") kembali ke panduan bawaan')
    guide.add_argument("--as", dest="as_user", required=True, help="administrator")
    guide.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    gateway = Gateway(ctx)
    if a.akses_cmd == "panduan":
        actor = login(ctx, a.as_user, a.as_password)
        need = gateway.call(set_access_guide, actor, a.code, a.text)
        print(f"Panduan {need.label}: {need.guide}")
        return 0
    for need in gateway.call(access_needs):
        print(f"{need.code:16} {need.label}\n{'':16} {need.guide}")
    return 0
