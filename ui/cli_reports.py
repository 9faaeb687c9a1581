"""``puskesos usulan PERIOD --out DIR``: the period's pre-list for DTKS verification, as the
workbook SIKS-NG data entry is typed from and the by-name-by-address PDF that goes with it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.formatting import angka
from kiosk.periods import EXAMPLES, Period, parse_period
from kiosk.services.actor import Actor
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
    households = len({r.no_kk or r.nik for r in rows})
    checks = sum(1 for r in rows if r.checks)
    print(
        f"Usulan daftar awal {period.label}: {angka(len(rows))} orang dari {angka(households)} "
        "keluarga"
        + (f", {angka(checks)} perlu diperiksa (lihat CATATAN PERIKSA)" if checks else "")
        + ". Ditulis: "
        + ", ".join(str(w) for w in written)
    )
    return 0


def add_report_parsers(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help="laporan satu periode: laporan-PERIODE.pdf dan laporan-PERIODE.xlsx; --submit "
        "mengirimnya ke penerima menurut profil daerah",
    )
    p.add_argument("period", help=f"periode, mis. {EXAMPLES}, 'bulan lalu'")
    p.add_argument("--out", help="folder tujuan PDF dan XLSX")
    p.add_argument(
        "--submit",
        action="store_true",
        help="kirim laporan ke kabupaten lewat sinkronisasi (kiriman ulang menggantikan)",
    )
    p.add_argument("--as", dest="as_user", required=True, help="koordinator, supervisor, admin")
    p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
    papan = sub.add_parser(
        "papan", parents=[common], help="papan visual web (angka gabungan saja)"
    ).add_subparsers(dest="papan_cmd", required=True)
    for name, text in (
        (
            "export",
            "tulis DIR/index.html mandiri (tanpa internet), untuk situs desa atau flashdisk",
        ),
        ("serve", "sajikan papan visual di jaringan kantor untuk peramban atau TV"),
    ):
        sp = papan.add_parser(name, parents=[common], help=text)
        if name == "export":
            sp.add_argument("out", help="folder tujuan")
        else:
            sp.add_argument("--port", type=int, default=8080, help="port (bawaan 8080)")
            sp.add_argument(
                "--host", default="0.0.0.0", help="alamat (bawaan: semua antarmuka kantor)"
            )
        sp.add_argument("--period", default="bulan ini", help=f"periode, mis. {EXAMPLES}")
        sp.add_argument("--as", dest="as_user", required=True, help="koordinator, supervisor")
        sp.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run_report(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.reports import office_report
    from ui.report_files import write_report

    if not (a.out or a.submit):
        print("Sebutkan --out FOLDER (PDF dan XLSX), --submit (kirim ke kabupaten), atau keduanya.")
        return 2
    actor = login(ctx, a.as_user, a.as_password)
    period = parse_period(a.period, ctx.clock.today())
    if a.out:
        report = Gateway(ctx).call(office_report, actor, period, ctx.clock)
        written = write_report(report, Path(a.out))
        print(f"Laporan {period.label} ditulis: " + ", ".join(str(w) for w in written))
    if a.submit:
        submit(ctx, actor, period)
    return 0


def submit(ctx: KioskContext, actor: Actor, period: Period) -> None:
    """Queue the report for the profile's recipients and say when it goes (and what went)."""
    from kiosk.clock import tanggal_jam
    from kiosk.services.report_submit import report_submissions, submit_report

    gateway = Gateway(ctx)
    sent = gateway.call(submit_report, actor, period, ctx.clock)
    print(
        f"Laporan {period.label} versi {sent.version} untuk {'; '.join(sent.recipients)} masuk "
        "antrean kirim; terkirim pada sinkronisasi berikutnya (puskesos sync)."
    )
    for s in gateway.call(report_submissions, actor, period.code)[1:]:
        when = tanggal_jam(s.acknowledged_at, ctx.clock) if s.acknowledged_at else "belum"
        print(
            f"  versi {s.version}: diajukan {tanggal_jam(s.queued_at, ctx.clock)}, diterima "
            f"kabupaten {when}" + (f" (tanda terima {s.receipt})" if s.receipt else "")
        )


def run_papan(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.reports import public_report
    from printing.papan_html import papan_html
    from ui.papan_server import PapanCache, make_server
    from ui.report_files import write_papan

    actor = login(ctx, a.as_user, a.as_password)
    period = parse_period(a.period, ctx.clock.today())
    gateway = Gateway(ctx)
    if a.papan_cmd == "export":
        written = write_papan(gateway.call(public_report, actor, period, ctx.clock), Path(a.out))
        print(f"Papan visual {period.label} ditulis: {written}")
        return 0

    def build() -> str:
        fresh = parse_period(a.period, ctx.clock.today())  # "bulan ini" moves with the days
        return papan_html(gateway.call(public_report, actor, fresh, ctx.clock), 300)

    server = make_server(a.host, a.port, PapanCache(build))
    host, port = str(server.server_address[0]), server.server_address[1]
    print(f"Papan visual di http://{host}:{port}/ (Ctrl+C untuk berhenti)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
