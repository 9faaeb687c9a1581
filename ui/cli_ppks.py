"""``puskesos ppks``: record a person, a family or a community as PPKS, and list the records."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.services.ppks import SOURCES, PpksInput, list_ppks, record_ppks
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    cmd = sub.add_parser(
        "ppks", parents=[common], help="data PPKS (26 jenis Kemensos)"
    ).add_subparsers(dest="ppks_cmd", required=True)
    new = cmd.add_parser("catat", parents=[common], help="catat orang, keluarga atau komunitas")
    who = new.add_mutually_exclusive_group(required=True)
    who.add_argument("--orang", metavar="NIK")
    who.add_argument("--keluarga", metavar="NO_KK")
    who.add_argument(
        "--komunitas", metavar="NAMA", help="nama dan tempat, mis. 'Dusun Krajan RT 3'"
    )
    new.add_argument("--jenis", required=True, help="kode jenis PPKS, mis. lansia_terlantar")
    new.add_argument("--sumber", default="kunjungan", choices=SOURCES)
    new.add_argument("--anggota", type=int, help="jumlah anggota komunitas, bila diketahui")
    new.add_argument("--catatan", default="")
    shown = cmd.add_parser("list", parents=[common], help="catatan PPKS terbaru")
    for p in (new, shown):
        p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.ppks_cmd == "catat":
        subject = "orang" if a.orang else "keluarga" if a.keluarga else "komunitas"
        data = PpksInput(
            subject,
            a.jenis,
            a.sumber,
            a.orang or "",
            a.keluarga or "",
            a.komunitas or "",
            a.anggota,
            a.catatan,
        )
        v = gateway.call(record_ppks, actor, data, ctx.clock)
        print(f"Dicatat: {v.who} - {v.type_label}")
        return 0
    for v in gateway.call(list_ppks, actor):
        print(f"{v.recorded_on:%d-%m-%Y}  {v.subject:9} {v.who}: {v.type_label} ({v.source})")
    return 0
