"""``puskesos programmes``: which programmes a household may qualify for (a hint with its
reasons), and the catalogue's criteria as data for the administrator to change."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.errors import ValidationError
from kiosk.services.eligibility import eligible_programmes, set_programme_rules
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    progs = sub.add_parser(
        "programmes", parents=[common], help="program bantuan: syarat dan kemungkinan penerima"
    ).add_subparsers(dest="programmes_cmd", required=True)
    eligible = progs.add_parser(
        "eligible", parents=[common], help="program yang mungkin memenuhi syarat untuk satu NIK"
    )
    eligible.add_argument("nik", help="NIK warga yang sudah terdaftar")
    eligible.add_argument("--json", action="store_true", help="keluaran JSON")
    rules = progs.add_parser(
        "rules", parents=[common], help="ubah kriteria satu program (administrator)"
    )
    rules.add_argument("code", help="kode program, mis. BLT-DD")
    what = rules.add_mutually_exclusive_group(required=True)
    what.add_argument("--set", dest="rules", help='JSON, mis. {"all": [{"decile_max": 1}]}')
    what.add_argument("--reset", action="store_true", help="kembali ke kriteria bawaan")
    for p in (eligible, rules):
        p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.programmes_cmd == "rules":
        try:
            rules = None if a.reset else json.loads(a.rules)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"JSON kriteria tidak terbaca: {exc.msg}.") from exc
        print(json.dumps(gateway.call(set_programme_rules, actor, a.code, rules)))
        return 0
    found = gateway.call(eligible_programmes, actor, None, a.nik, ctx.clock)
    if a.json:
        print(json.dumps(asdict(found), ensure_ascii=False, indent=2))
        return 0
    print(
        f"{found.person}: desil {found.decile or '-'}; menerima {', '.join(found.receiving) or '-'}"
    )
    if not found.hints:
        print("Tidak ada program lain yang tampak memenuhi syarat.")
    for h in found.hints:
        mark = "mungkin memenuhi syarat" if h.verdict else "perlu dicek"
        print(f"- {h.code} ({h.name}): {mark}")
        for label, items in (
            ("terpenuhi", h.met),
            ("tidak", h.failed),
            ("belum diketahui", h.unknown),
        ):
            if items:
                print(f"    {label}: {'; '.join(items)}")
    print("Ini petunjuk, bukan keputusan: kepesertaan ditetapkan oleh pengelola program.")
    return 0
