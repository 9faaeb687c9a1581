"""Subcommands that keep the office's data safe and honour citizens' rights.

``backup`` (create, list, restore, passphrase), ``audit`` (verify, list), ``person`` (export,
give or withdraw consent, erase), ``password`` and ``summary``. Each calls the same kiosk service as
the window.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.errors import KioskError
from kiosk.formatting import angka
from kiosk.services.actor import Actor
from kiosk.services.person_rights import PURPOSES
from ui.cli_common import login, secret

if TYPE_CHECKING:
    from kiosk.audit_chain import Anchor
    from ui.cli_common import Subparsers

COMMANDS = ("backup", "audit", "person", "password", "summary")


def add_parsers(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """Register this module's subcommands on the ``puskesos`` parser."""

    def who(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
        return p

    backup = sub.add_parser("backup", parents=[common], help="cadangan basis data")
    bsub = backup.add_subparsers(dest="backup_cmd", required=True)
    who(
        bsub.add_parser("create", parents=[common], help="buat cadangan terverifikasi")
    ).add_argument("--to", help="folder kedua (mis. diska USB) untuk salinan tambahan")
    who(bsub.add_parser("list", parents=[common], help="daftar cadangan")).add_argument(
        "--json", action="store_true"
    )
    restore = bsub.add_parser("restore", parents=[common], help="pulihkan dari cadangan")
    restore.add_argument("file")
    restore.add_argument("--as", dest="as_user", help="petugas (tidak perlu di folder data baru)")
    restore.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
    who(bsub.add_parser("passphrase", parents=[common], help="tetapkan frasa pemulihan cadangan"))

    audit = sub.add_parser("audit", parents=[common], help="jejak audit")
    asub = audit.add_subparsers(dest="audit_cmd", required=True)
    averify = who(asub.add_parser("verify", parents=[common], help="periksa rantai audit"))
    averify.add_argument("--json", action="store_true")
    averify.add_argument(
        "--full", action="store_true", help="periksa semua entri, bukan hanya yang baru"
    )
    alist = who(asub.add_parser("list", parents=[common], help="daftar entri audit"))
    alist.add_argument("--officer", default="")
    alist.add_argument("--action", default="")
    alist.add_argument("--record", default="")
    alist.add_argument("--since", help="TTTT-BB-HH")
    alist.add_argument("--until", help="TTTT-BB-HH (tidak termasuk)")
    alist.add_argument("--json", action="store_true")

    person = sub.add_parser("person", parents=[common], help="hak warga atas datanya")
    psub = person.add_subparsers(dest="person_cmd", required=True)
    pexp = who(psub.add_parser("export", parents=[common], help="seluruh data seorang warga"))
    pexp.add_argument("nik")
    pexp.add_argument("--out", required=True, help="berkas .json (PDF dibuat di sebelahnya)")
    pwd = who(psub.add_parser("withdraw-consent", parents=[common], help="cabut persetujuan"))
    pwd.add_argument("nik")
    pwd.add_argument("--note", default="")
    pgive = who(psub.add_parser("give-consent", parents=[common], help="catat persetujuan baru"))
    pgive.add_argument("nik")
    pgive.add_argument(
        "--purpose", required=True, choices=list(PURPOSES), help="untuk apa data boleh dipakai"
    )
    perase = who(psub.add_parser("erase", parents=[common], help="hapus identitas atas permintaan"))
    perase.add_argument("nik")
    perase.add_argument("--reason", required=True)

    pw = who(sub.add_parser("password", parents=[common], help="ganti kata sandi sendiri"))
    pw.add_argument("--new-password", help="atau PUSKESOS_NEW_PASSWORD; ditanya bila kosong")

    summary = who(sub.add_parser("summary", parents=[common], help="ringkasan hari ini"))
    summary.add_argument("--day", help="TTTT-BB-HH (bawaan: hari ini)")
    summary.add_argument("--json", action="store_true")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    """Dispatch one of :data:`COMMANDS`."""
    if a.cmd == "password":
        return _password(ctx, a)
    if a.cmd == "backup" and a.backup_cmd == "restore" and not a.as_user:
        return _restore_new_laptop(ctx, a)
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.cmd == "backup":
        return _backup(ctx, actor, a)
    if a.cmd == "audit":
        return _audit(gateway, actor, a)
    if a.cmd == "person":
        return _person(ctx, gateway, actor, a)
    from kiosk.services.summary import office_summary

    day = date.fromisoformat(a.day) if a.day else None
    s = gateway.call(office_summary, actor, day, ctx.clock)
    if a.json:
        print(json.dumps({**asdict(s), "day": s.day.isoformat()}))
    else:
        print(
            f"Ringkasan {s.day.isoformat()}: {angka(s.tickets)} tiket, {angka(s.visits)} "
            f"kunjungan, {angka(s.cases_opened)} kasus baru; {angka(s.open_cases)} kasus "
            f"terbuka ({angka(s.overdue_cases)} lewat tenggat); {angka(s.prelist_proposals)} "
            f"usulan daftar awal; {angka(s.waiting_upstream)} data menunggu dikirim."
        )
    return 0


def _password(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.auth import change_password

    old = secret(a.as_password, "PUSKESOS_PASSWORD", f"Kata sandi {a.as_user} sekarang")
    actor = login(ctx, a.as_user, old, allow_temporary=True)
    new = secret(a.new_password, "PUSKESOS_NEW_PASSWORD", "Kata sandi baru")
    Gateway(ctx).call(change_password, actor, old, new)
    print(f"Kata sandi {actor.username} sudah diganti.")
    return 0


def _backup(ctx: KioskContext, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.services.backups import create_backup, restore_backup, set_recovery_passphrase

    if a.backup_cmd == "create":
        result = create_backup(ctx, actor, Path(a.to) if a.to else None)
        print(f"Cadangan terverifikasi: {result.info.path} ({angka(result.info.size)} bita)")
        seq, _, head = result.info.audit_head.partition(":")
        print(f"Kepala rantai audit: entri no. {seq}, {head}")
        if result.mirrored_to:
            print(f"Salinan kedua: {result.mirrored_to}")
        if result.warning:
            print(f"Peringatan: {result.warning}", file=sys.stderr)
        if not result.passphrase_set:
            print(f"Peringatan: {NO_PASSPHRASE}", file=sys.stderr)
        return 0
    if a.backup_cmd == "list":
        return _list(ctx, actor, a)
    if a.backup_cmd == "passphrase":
        phrase = _new_passphrase()
        set_recovery_passphrase(ctx, actor, phrase)
        print(
            "Frasa pemulihan ditetapkan. Tulis di kertas dan simpan terpisah dari laptop dan "
            "diska USB: tanpa frasa itu cadangan tidak dapat dipulihkan di laptop lain."
        )
        return 0
    aside = restore_backup(ctx, actor, Path(a.file), _passphrase())
    print(f"Dipulihkan dari {a.file}. Basis data sebelumnya disimpan sebagai {aside.path}.")
    return 0


def _upstream_anchor(gateway: Gateway) -> tuple[Anchor | None, str]:
    """The head the kabupaten acknowledged last, kept where this database cannot rewrite it,
    and a sentence saying what the chain was compared with."""
    from kiosk.sealing import SealError
    from kiosk.services import outbox
    from sync.client import UpstreamError
    from sync.engine import engine_for

    local = "hanya rantai di komputer ini yang diperiksa."
    if not gateway.call(lambda s: outbox.get_state(s, "upstream_url")):
        return None, f"Kios belum terhubung ke kabupaten: {local}"
    try:
        anchor = engine_for(gateway, timeout=5.0).acknowledged_head()
    except (UpstreamError, SealError) as exc:
        reason = exc.message if isinstance(exc, UpstreamError) else "token tidak terbaca"
        return None, f"Kepala jejak audit di kabupaten tidak dapat diambil ({reason}): {local}"
    if anchor is None:
        return None, f"Kabupaten belum menerima kepala jejak audit kios ini: {local}"
    return anchor, f"Dibandingkan dengan kepala no. {angka(anchor.seq)} yang diterima kabupaten."


NO_PASSPHRASE = (
    "frasa pemulihan belum ditetapkan: cadangan hanya dapat dibuka di laptop ini. "
    "Tetapkan dengan: puskesos backup passphrase --as admin"
)


def _passphrase() -> str | None:
    from kiosk.backup_keys import PASSPHRASE_ENV

    return os.environ.get(PASSPHRASE_ENV) or None


def _new_passphrase() -> str:
    from kiosk.backup_keys import PASSPHRASE_ENV

    phrase = secret(None, PASSPHRASE_ENV, "Frasa pemulihan baru")
    if not os.environ.get(PASSPHRASE_ENV) and secret(None, "", "Ulangi frasa") != phrase:
        raise KioskError("Kedua frasa tidak sama; tidak ada yang diubah.")
    return phrase


def _restore_new_laptop(ctx: KioskContext, a: argparse.Namespace) -> int:
    """A copy into a fresh data folder: the passphrase, asked when the copy needs it."""
    from kiosk.backup_keys import PASSPHRASE_ENV, NeedsPassphrase
    from kiosk.services.backups import restore_on_new_laptop

    try:
        restore_on_new_laptop(ctx, Path(a.file), _passphrase())
    except NeedsPassphrase:
        if _passphrase() or not sys.stdin.isatty():
            raise
        phrase = secret(None, PASSPHRASE_ENV, "Frasa pemulihan")
        restore_on_new_laptop(ctx, Path(a.file), phrase)
    print(f"Dipulihkan dari {a.file}. Masuklah dengan akun dari cadangan itu.")
    return 0


def _list(ctx: KioskContext, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.services.backups import list_backups, retention_notice

    copies = list_backups(ctx, actor)
    notice = retention_notice(ctx, actor)
    if a.json:
        rows = [
            {"file": str(b.path), "made_at": b.made_at.isoformat(), "reason": b.reason}
            | {"size": b.size, "encrypted": b.encrypted, "audit_head": b.audit_head}
            for b in copies
        ]
        print(json.dumps(rows, indent=2))
        return 0
    for b in copies:
        local = ctx.clock.local(b.made_at)
        lock = "" if b.encrypted else "  (tidak terenkripsi)"
        print(f"{local:%d-%m-%Y %H:%M}  {b.reason:<14} {angka(b.size):>14}  {b.path.name}{lock}")
    print(
        f"Salinan di diska USB atau tempat lain yang dibuat sebelum "
        f"{notice.destroy_before:%d-%m-%Y} sudah lewat masa simpan: musnahkan."
    )
    if notice.last_erasure:
        when = notice.last_erasure[:10]
        print(
            f"Salinan yang dibuat sebelum penghapusan data terakhir ({when}) masih memuat data "
            "warga yang dihapus; pemulihan menghapusnya ulang, tetapi sebaiknya musnahkan "
            "salinan lama di diska USB."
        )
    return 0


def _audit(gateway: Gateway, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.services.audit_log import AuditFilter, audit_log, verify_audit

    if a.audit_cmd == "verify":
        anchor, note = _upstream_anchor(gateway)
        check = gateway.call(verify_audit, actor, anchor, full=a.full)
        if a.json:
            print(json.dumps(asdict(check) | {"ok": check.ok, "catatan": note}))
        elif check.ok:
            print(f"Jejak audit utuh: {angka(check.checked)} entri diperiksa. {note}")
        else:
            print(f"JEJAK AUDIT RUSAK di entri no. {check.broken_at}: {check.reason} {note}")
        return 0 if check.ok else 3

    def day(text: str | None) -> datetime | None:
        if not text:
            return None
        return datetime.combine(date.fromisoformat(text), time(), gateway.ctx.clock.local().tzinfo)

    where = AuditFilter(a.officer, a.action, a.record, day(a.since), day(a.until))
    rows = gateway.call(audit_log, actor, where)
    if a.json:
        print(json.dumps([asdict(r) | {"at": r.at.isoformat()} for r in rows], indent=2))
        return 0
    for r in rows:
        local = gateway.ctx.clock.local(r.at)
        print(
            f"{r.seq:>7} {local:%d-%m-%Y %H:%M:%S} {r.officer:<14} {r.action:<24} "
            f"{r.entity_type}:{r.entity_id}"
        )
    return 0


def _person(ctx: KioskContext, gateway: Gateway, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.services import person_rights as rights

    if a.person_cmd == "withdraw-consent":
        n = gateway.call(rights.withdraw_consent, actor, a.nik, a.note, ctx.clock)
        print(f"{n} persetujuan dicabut; kabupaten diberi tahu saat sinkronisasi berikutnya.")
        return 0
    if a.person_cmd == "give-consent":
        gateway.call(rights.give_consent, actor, a.nik, a.purpose, clock=ctx.clock)
        print(f"Persetujuan '{a.purpose}' dicatat; kabupaten diberi tahu saat sinkronisasi.")
        return 0
    if a.person_cmd == "erase":
        view = gateway.call(rights.request_erasure, actor, a.nik, a.reason, ctx.clock)
        if view.erased_now:
            print("Identitas warga sudah dihapus; kasusnya tetap terhitung tanpa nama.")
        else:
            print(
                f"Permintaan dicatat; identitas dihapus pada {view.due_on.isoformat()} "
                "(akhir masa simpan)."
            )
        return 0
    from kiosk.services.dossier import person_dossier
    from kiosk.services.setup import get_site
    from printing.documents import Header
    from printing.dossier import save_dossier

    dossier = gateway.call(person_dossier, actor, a.nik, ctx.clock)
    site = gateway.call(get_site)
    if site is None:
        raise KioskError("Puskesos belum diatur.")
    header = Header(site, f"DP-{dossier.person_id.hex[:8].upper()}", ctx.clock.today())
    out, pdf = save_dossier(header, dossier, Path(a.out))
    print(f"Data warga ditulis ke {out} dan {pdf}.")
    return 0
