"""``puskesos tinjauan`` and ``puskesos eskalasi`` (issue #32): what waits for the reviewer
before it goes to the kabupaten, the review itself, the village meeting and SIKS-NG number of
a pre-list proposal, and the escalation of overdue cases by hand (the daily run does it too)."""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.errors import ValidationError
from kiosk.services.approval_inbox import pending_approvals
from kiosk.services.escalation import escalate_overdue
from kiosk.services.prelist_review import record_prelist_progress, review_prelist
from kiosk.services.supervision import review_case
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers

COMMANDS = ("tinjauan", "eskalasi")


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
    p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def add_parsers(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    review = sub.add_parser(
        "tinjauan", parents=[common], help="tinjauan supervisor sebelum dikirim ke kabupaten"
    ).add_subparsers(dest="review_cmd", required=True)
    shown = review.add_parser("list", parents=[common], help="yang menunggu keputusan Anda")
    decide = []
    for name, what in (("kasus", "hasil back office satu kasus"), ("prelist", "usulan pre-list")):
        p = review.add_parser(name, parents=[common], help=f"setujui atau kembalikan {what}")
        p.add_argument("id", help="nomor dari 'tinjauan list'")
        verdict = p.add_mutually_exclusive_group(required=True)
        verdict.add_argument("--setuju", action="store_true")
        verdict.add_argument("--kembalikan", action="store_true")
        p.add_argument("--catatan", default="", help="wajib bila dikembalikan")
        decide.append(p)
    musdes = review.add_parser(
        "musdes", parents=[common], help="catat musyawarah desa dan nomor SIKS-NG usulan pre-list"
    )
    musdes.add_argument("id", help="nomor usulan pre-list")
    musdes.add_argument("--tanggal", required=True, help="tanggal musyawarah desa, TTTT-BB-HH")
    musdes.add_argument("--siksng", default="", help="nomor/ID usulan di SIKS-NG bila sudah")
    esc = sub.add_parser(
        "eskalasi", parents=[common], help="naikkan kasus yang lewat jatuh tempo (profil daerah)"
    )
    esc.add_argument("--tanggal", help="hari yang dihitung, TTTT-BB-HH (bawaan: hari ini)")
    for p in (shown, *decide, musdes, esc):
        _who(p)


def _id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as exc:
        raise ValidationError("Nomor tidak terbaca; salin dari 'tinjauan list'.") from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError("Tanggal ditulis TTTT-BB-HH, mis. 2026-08-07.") from exc


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.cmd == "eskalasi":
        today = _day(a.tanggal) if a.tanggal else ctx.clock.today()
        moved = gateway.call(escalate_overdue, actor, today, ctx.clock)
        for m in moved:
            print(f"{m.tracking_number}: dinaikkan ke {m.role_label}")
        print(f"{len(moved)} kasus dinaikkan.")
        return 0
    if a.review_cmd == "list":
        for p in gateway.call(pending_approvals, actor):
            what = f"{p.subject_label:32} {p.tracking_number:24}"
            print(f"{p.step_id}  {what} {p.role_label}: {p.summary}")
        return 0
    if a.review_cmd == "musdes":
        status = gateway.call(record_prelist_progress, actor, _id(a.id), _day(a.tanggal), a.siksng)
        print(f"Usulan dicatat: {status}")
        return 0
    service = review_case if a.review_cmd == "kasus" else review_prelist
    state = gateway.call(service, actor, _id(a.id), a.setuju, a.catatan, ctx.clock)
    print(
        "Disetujui; dikirim ke kabupaten saat sinkronisasi."
        if a.setuju
        else f"Dikembalikan ({state})."
    )
    return 0
