"""``puskesos usulan PERIOD --out DIR``: the period's pre-list for DTKS verification, as the
workbook SIKS-NG data entry is typed from and the by-name-by-address PDF that goes with it."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.formatting import angka
from kiosk.periods import EXAMPLES, parse_period
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "usulan",
        parents=[common],
        help="ekspor usulan daftar awal (pre-list) DTKS satu periode: XLSX SIKS-NG dan PDF BNBA",
    )
    p.add_argument("period", help=f"periode, mis. {EXAMPLES}, 'bulan lalu'")
    p.add_argument("--out", required=True, help="folder tujuan")
    p.add_argument("--as", dest="as_user", required=True, help="koordinator, supervisor, admin")
    p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def _birth(place: str, day: date | None) -> str:
    return ", ".join(x for x in (place, day.strftime("%d-%m-%Y") if day else "") if x)


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.prelist import prelist_for_period
    from printing.documents import Header
    from printing.prelist import BnbaRow, PrelistFacts, prelist_bnba
    from printing.prelist_xlsx import prelist_xlsx

    actor = login(ctx, a.as_user, a.as_password)
    period = parse_period(a.period, ctx.clock.today())
    export = Gateway(ctx).call(prelist_for_period, actor, period)
    rows = [
        BnbaRow(
            r.nik,
            r.no_kk,
            r.name,
            ", ".join(
                x
                for x in (r.birth_place, r.birth_date.strftime("%d-%m-%Y") if r.birth_date else "")
                if x
            ),
            r.sex,
            " ".join(x for x in (r.address, f"RT {r.rt}/RW {r.rw}" if r.rt else "") if x),
            r.mother_name,
            r.disability,
            r.reason,
        )
        for r in export.rows
    ]
    header = Header(export.site, f"USULAN/{period.code}", ctx.clock.today())
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in (
        (f"usulan-{period.code}.xlsx", prelist_xlsx(export)),
        (f"usulan-{period.code}.pdf", prelist_bnba(header, PrelistFacts(rows))),
    ):
        target = out / name
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, target)  # never a half-written file under the real name
        if os.name == "posix":
            target.chmod(0o600)  # full NIKs: for the officer and the verifying office only
        written.append(str(target))
    print(
        f"Usulan daftar awal {period.label}: {angka(len(rows))} orang. Ditulis: "
        + ", ".join(written)
    )
    return 0
