"""``puskesos pemutakhiran``: propose a change to a person on DTKS/DTSEN, list the proposals,
and the supervisor's review (approved ones go upstream and into ``puskesos usulan``)."""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.errors import ValidationError
from kiosk.services.data_updates import (
    UpdateInput,
    UpdateView,
    list_data_updates,
    propose_data_update,
    review_data_update,
)
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    cmd = sub.add_parser(
        "pemutakhiran", parents=[common], help="usulan pemutakhiran data warga DTKS/DTSEN"
    ).add_subparsers(dest="update_cmd", required=True)
    new = cmd.add_parser("usul", parents=[common], help="usulkan perubahan data satu NIK")
    new.add_argument("nik")
    new.add_argument(
        "--jenis",
        required=True,
        help="meninggal, pindah, pecah_kk, gabung_kk, "
        "koreksi_nik, koreksi_nama, tidak_layak, lainnya",
    )
    new.add_argument("--alasan", required=True, help="apa yang berubah dan kapan")
    new.add_argument("--baru", default="", help="data baru (NIK/nama/KK baru, alamat tujuan)")
    new.add_argument("--dokumen", default="", help="dokumen yang dilihat, mis. kk,akta_kematian")
    shown = cmd.add_parser("list", parents=[common], help="daftar usulan")
    shown.add_argument("--status", choices=("diajukan", "disetujui", "ditolak"))
    check = cmd.add_parser("periksa", parents=[common], help="setujui atau tolak (supervisor)")
    check.add_argument("id", help="nomor usulan (dari 'list')")
    verdict = check.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--setuju", action="store_true")
    verdict.add_argument("--tolak", action="store_true")
    check.add_argument("--catatan", default="", help="wajib bila ditolak")
    for p in (new, shown, check):
        p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def _line(v: UpdateView) -> str:
    extra = f" -> {v.new_value}" if v.new_value else ""
    who = f"{v.nik_masked} {v.name}"
    return f"{v.id}  {v.proposed_on:%d-%m-%Y}  {v.status:10} {who}: {v.kind_label}{extra}"


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.update_cmd == "usul":
        docs = [d.strip() for d in a.dokumen.split(",") if d.strip()]
        data = UpdateInput(a.nik, a.jenis, a.alasan, a.baru, docs)
        print(
            "Diusulkan, menunggu supervisor: "
            + _line(gateway.call(propose_data_update, actor, data))
        )
        return 0
    if a.update_cmd == "periksa":
        try:
            proposal = uuid.UUID(a.id)
        except ValueError as exc:
            raise ValidationError("Nomor usulan tidak terbaca; salin dari 'list'.") from exc
        done = gateway.call(review_data_update, actor, proposal, a.setuju, a.catatan)
        print(_line(done))
        return 0
    for v in gateway.call(list_data_updates, actor, a.status):
        print(_line(v))
    return 0
