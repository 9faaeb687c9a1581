"""``puskesos usulan PERIOD --out DIR``: the period's pre-list for DTKS verification, as the
workbook SIKS-NG data entry is typed from and the by-name-by-address PDF that goes with it."""

from __future__ import annotations

import argparse
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


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.prelist import prelist_for_period
    from ui.prelist_files import write_prelist

    actor = login(ctx, a.as_user, a.as_password)
    period = parse_period(a.period, ctx.clock.today())
    export = Gateway(ctx).call(prelist_for_period, actor, period)
    written = write_prelist(export, Path(a.out), ctx.clock.today())
    rows = export.rows
    print(
        f"Usulan daftar awal {period.label}: {angka(len(rows))} orang. Ditulis: "
        + ", ".join(str(w) for w in written)
    )
    return 0
