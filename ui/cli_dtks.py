"""``puskesos dtks import`` and ``puskesos dtks find``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from kiosk.context import Gateway, KioskContext
from kiosk.errors import KioskError
from kiosk.formatting import angka
from kiosk.services.actor import Actor
from ui.cli_common import login as _login


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    """Dispatch ``dtks find`` / ``dtks import`` after the officer has logged in."""
    actor = _login(ctx, a.as_user, a.as_password)
    if a.dtks_cmd == "find":
        return _find(ctx, actor, a)
    return _import(ctx, actor, a)


def _find(ctx: KioskContext, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.identity import mask_nik
    from kiosk.services.dtks_check import active_snapshot

    village = a.village.replace(".", "") if a.village else None
    hits = ctx.register.search(actor, a.query, 30, village, a.birth_year)
    snap = Gateway(ctx).call(active_snapshot)
    when = snap.snapshot_date.isoformat() if snap and snap.snapshot_date else None
    if a.json:
        print(
            json.dumps(
                {
                    "snapshot_date": when,
                    "results": [
                        {
                            "nik": h.nik,
                            "no_kk": h.no_kk,
                            "name": h.name,
                            "birth_date": h.birth_date.isoformat() if h.birth_date else None,
                            "sex": h.sex,
                            "decile": h.decile,
                            "programmes": list(h.programmes),
                            "relationship": h.relationship,
                        }
                        for h in hits
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Data DTKS per {when or 'tanggal tidak diketahui'}: {len(hits)} hasil")
        for h in hits:
            progs = ",".join(h.programmes) or "-"
            born = h.birth_date.strftime("%d-%m-%Y") if h.birth_date else "-"
            print(
                f"{mask_nik(h.nik):<17} {h.name:<30} {h.sex or '-'} {born:<10} "
                f"desil {h.decile or '-':<3} {progs}"
            )
    return 0


def _import(ctx: KioskContext, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.dtks.importer import import_snapshot

    snapshot_date = date.fromisoformat(a.date) if a.date else _ask_date(Path(a.file))

    def progress(done: int, total: int, rows: int) -> None:
        if not a.json and sys.stderr.isatty():
            print(
                f"\r{angka(rows)} baris ({100 * done // max(total, 1)}%)", end="", file=sys.stderr
            )

    report = import_snapshot(
        ctx,
        actor,
        Path(a.file),
        kind=a.kind,
        snapshot_date=snapshot_date,
        progress=progress,
        exclusive=True,  # this command does nothing else meanwhile
        replace_smaller=a.replace_smaller,
    )
    if a.report:
        from ui.rejection_files import write_rejections

        write_rejections(Path(a.report), report)
    if a.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"Diimpor {angka(report.imported)} baris dari {angka(report.rows_read)}; "
            f"ditolak {angka(sum(report.rejected.values()))}; "
            f"baris kembar {angka(report.duplicates)}."
        )
        when = report.snapshot_date
        print(
            f"Tanggal data: {when.strftime('%d-%m-%Y')} (dari {report.snapshot_date_from})"
            if when
            else "Tanggal data: tidak diketahui (isi dengan --date TTTT-BB-HH)"
        )
        examples = report.examples()
        for reason, count in report.rejected.most_common():
            shown = "; ".join(f"baris {line}: {value}" for line, value in examples.get(reason, []))
            print(f"  ditolak: {reason}: {angka(count)}" + (f" (mis. {shown})" if shown else ""))
        for flag, count in report.flagged.most_common():
            print(f"  ditandai: {flag}: {angka(count)}")
    return 0


def _ask_date(path: Path) -> date | None:
    """The data's date when neither ``--date`` nor the file gives it: asked at a terminal.
    None otherwise: the import reads the file's date itself (and says where it found it), or
    says in its summary that the date is unknown."""
    from kiosk.dtks.importer import preview

    if not sys.stdin.isatty():  # a script: nothing to ask, and no second read of the file
        return None
    try:
        found = preview(path, rows=1).snapshot_date
    except KioskError:
        return None  # the import itself explains what is wrong with the file
    if found is not None:
        return None
    while True:
        text = input(
            "Tanggal data tidak tertulis di berkas. Tanggal data (HH-BB-TTTT, kosong bila "
            "tidak tahu): "
        ).strip()
        if not text:
            return None
        try:
            return datetime.strptime(text, "%d-%m-%Y").date()
        except ValueError:
            print("Tulis tanggal seperti 31-10-2026.")
