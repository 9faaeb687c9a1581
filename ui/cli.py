"""The ``puskesos`` command: composition root for the window and the administrator's scripts.

Qt is imported only when a window opens, so headless subcommands run on a server or in CI
without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from kiosk.clock import Clock
from kiosk.context import Gateway, KioskContext
from kiosk.db import current_revision, head_revision, make_engine, needs_upgrade, upgrade
from kiosk.errors import KioskError
from kiosk.formatting import angka
from kiosk.roles import ROLE_LABELS, Role
from kiosk.services.officers import add_officer, list_officers
from kiosk.services.setup import SiteInput, initialise, is_set_up
from ui import cli_data
from ui.cli_common import ask as _ask
from ui.cli_common import login as _login
from ui.cli_common import secret as _secret

log = logging.getLogger("puskesos")
ZONE_BY_LABEL = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def _parser() -> argparse.ArgumentParser:
    # --db and --data-dir are accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="URL basis data (atau PUSKESOS_DB_URL); bawaan SQLite lokal",
    )
    common.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="folder data (atau PUSKESOS_DATA_DIR)"
    )
    p = argparse.ArgumentParser(
        prog="puskesos", description="Puskesos Kiosk - layanan SLRT desa", parents=[common]
    )
    sub = p.add_subparsers(dest="cmd")

    demo = sub.add_parser(
        "demo", parents=[common], help="buka kiosk dengan basis data demo yang baru"
    )
    demo.add_argument("--no-gui", action="store_true", help="hanya buat data demo")
    demo.add_argument("--households", type=int, default=800, help="jumlah keluarga DTKS demo")

    init = sub.add_parser("init", parents=[common], help="atur Puskesos dan administrator pertama")
    init.add_argument("--village-code", help="kode desa Kemendagri 10 digit, mis. 33.24.01.2001")
    init.add_argument("--village-name", help="nama desa/kelurahan")
    init.add_argument("--name", default="", help="nama Puskesos (bawaan: Puskesos Desa <nama>)")
    init.add_argument("--office-code", default="", help="kode kantor pada nomor lacak")
    init.add_argument("--timezone", default="WIB", choices=sorted(ZONE_BY_LABEL))
    init.add_argument("--address", default="")
    init.add_argument("--head-name", default="", help="nama Kepala Desa/Lurah")
    init.add_argument("--admin-username")
    init.add_argument("--admin-name")
    init.add_argument("--admin-password", help="atau PUSKESOS_ADMIN_PASSWORD; ditanya bila kosong")

    officer = sub.add_parser(
        "officer", parents=[common], help="kelola akun petugas"
    ).add_subparsers(dest="officer_cmd")
    for name in ("add", "list"):
        sp = officer.add_parser(
            name, parents=[common], help="tambah petugas" if name == "add" else "daftar petugas"
        )
        sp.add_argument("--as", dest="as_user", required=True, help="nama pengguna administrator")
        sp.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
        if name == "add":
            sp.add_argument("--username", required=True)
            sp.add_argument("--name", required=True)
            sp.add_argument(
                "--role",
                action="append",
                required=True,
                choices=[r.value for r in Role],
                help="boleh diulang",
            )
            sp.add_argument("--password", help="sandi sementara (atau PUSKESOS_NEW_PASSWORD)")
            sp.add_argument("--pin")
        else:
            sp.add_argument("--json", action="store_true")

    printer = sub.add_parser("printer", parents=[common], help="printer termal").add_subparsers(
        dest="printer_cmd"
    )
    ptest = printer.add_parser("test", parents=[common], help="cetak tiket dan tanda terima contoh")
    ptest.add_argument("--printer", required=True, help="mis. usb:0416:5011, net:192.168.1.50")
    ptest.add_argument("--width", type=int, choices=[58, 80], default=58, help="lebar kertas mm")

    dtks = sub.add_parser("dtks", parents=[common], help="data DTKS/DTSEN lokal").add_subparsers(
        dest="dtks_cmd"
    )
    dimp = dtks.add_parser(
        "import", parents=[common], help="impor berkas ekspor DTKS/DTSEN (CSV atau XLSX)"
    )
    dimp.add_argument("file")
    dimp.add_argument("--kind", default="DTSEN", choices=["DTKS", "DTSEN"])
    dimp.add_argument("--date", help="tanggal data, TTTT-BB-HH")
    dimp.add_argument("--report", help="tulis daftar baris yang ditolak ke berkas CSV ini")
    dimp.add_argument(
        "--replace-smaller",
        action="store_true",
        help="setujui mengganti data dengan yang jauh lebih kecil atau dari kabupaten lain",
    )
    dfind = dtks.add_parser(
        "find", parents=[common], help="cari NIK, No. KK atau nama di data DTKS lokal"
    )
    dfind.add_argument("query")
    dfind.add_argument("--village", help="kode desa Kemendagri (10 digit) untuk mempersempit")
    dfind.add_argument("--birth-year", type=int, help="tahun lahir untuk mempersempit")
    for sp in (dimp, dfind):
        sp.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        sp.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
        sp.add_argument("--json", action="store_true")

    sync = sub.add_parser(
        "sync", parents=[common], help="kirim data ke dan terima status dari kabupaten"
    )
    sync.add_argument("--once", action="store_true", help="satu putaran lalu berhenti")
    sync.add_argument("--json", action="store_true")
    sync.add_argument("--enrol", metavar="URL", help="daftarkan kios ini ke server kabupaten")
    sync.add_argument("--kiosk-id", help="kode kantor (bawaan: kode kantor Puskesos)")
    sync.add_argument("--code", help="kode pendaftaran dari pengelola SLRT kabupaten")
    sync.add_argument("--as", dest="as_user", help="administrator (untuk --enrol, karantina)")
    sync.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
    held = sync.add_mutually_exclusive_group()
    held.add_argument(
        "--quarantined", action="store_true", help="daftar data yang ditolak server (karantina)"
    )
    held.add_argument(
        "--retry-quarantined",
        nargs="*",
        type=int,
        metavar="NO",
        help="kirim ulang data karantina (nomor dari --quarantined; tanpa nomor: semua)",
    )
    held.add_argument(
        "--drop-quarantined", nargs="+", type=int, metavar="NO", help="buang data karantina"
    )
    sync.add_argument("--reason", default="", help="alasan membuang (untuk --drop-quarantined)")

    cli_data.add_parsers(sub, common)

    queue = sub.add_parser(
        "antrian", parents=[common], help="layar ambil nomor antrian (layar sentuh di pintu)"
    )
    queue.add_argument("--as", dest="as_user", required=True, help="akun mesin antrian kantor")
    queue.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
    queue.add_argument("--windowed", action="store_true", help="jendela biasa, bukan layar penuh")

    db = sub.add_parser("db", parents=[common], help="basis data").add_subparsers(dest="db_cmd")
    db.add_parser("upgrade", parents=[common], help="perbarui skema tanpa kehilangan data")
    db.add_parser("status", parents=[common], help="revisi skema saat ini")
    return p


def _cmd_init(ctx: KioskContext, a: argparse.Namespace) -> int:
    site = SiteInput(
        village_code=_ask(a.village_code, "Kode desa (10 digit)"),
        village_name=_ask(a.village_name, "Nama desa/kelurahan"),
        name=a.name,
        office_code=a.office_code,
        timezone=ZONE_BY_LABEL[a.timezone],
        address=a.address,
        head_name=a.head_name,
    )
    username = _ask(a.admin_username, "Nama pengguna administrator")
    full = _ask(a.admin_name, "Nama lengkap administrator")
    password = _secret(a.admin_password, "PUSKESOS_ADMIN_PASSWORD", "Kata sandi administrator")
    admin = Gateway(ctx).call(initialise, site, username, full, password)
    print(f"Puskesos siap. Administrator: {admin.username}. Basis data: {ctx.url}")
    return 0


def _cmd_officer(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = _login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.officer_cmd == "add":
        pw = _secret(a.password, "PUSKESOS_NEW_PASSWORD", f"Sandi sementara {a.username}")
        view = gateway.call(add_officer, actor, a.username, a.name, pw, a.role, pin=a.pin)
        roles = ", ".join(ROLE_LABELS[r] for r in view.roles)
        print(f"Petugas {view.username} ({roles}) ditambahkan; wajib ganti sandi saat masuk.")
        return 0
    views = gateway.call(list_officers, actor)
    if a.json:
        print(
            json.dumps(
                [
                    {
                        "username": v.username,
                        "name": v.full_name,
                        "roles": [r.value for r in v.roles],
                        "active": v.active,
                    }
                    for v in views
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for v in views:
            state = "aktif" if v.active else "nonaktif"
            roles = ", ".join(r.value for r in v.roles)
            print(f"{v.username:<16} {v.full_name:<28} {state:<9} {roles}")
    return 0


def _cmd_db(a: argparse.Namespace) -> int:
    from kiosk.config import resolve_db_url, resolve_paths

    paths = resolve_paths(a.data_dir)
    engine = make_engine(resolve_db_url(a.db, paths))
    try:
        before = current_revision(engine)
        if a.db_cmd == "upgrade":
            if before is not None and needs_upgrade(engine):
                from kiosk.backup import create, sqlite_file

                db_file = sqlite_file(str(engine.url))
                if db_file is not None:
                    copy = create(db_file, paths.backups, "migrasi", Clock().now())
                    print(f"Cadangan sebelum pembaruan: {copy.path}")
            upgrade(engine)
            print(f"Skema diperbarui: {before or 'kosong'} -> {current_revision(engine)}")
        else:
            print(f"Revisi saat ini: {before or 'kosong'}; terbaru: {head_revision(engine)}")
    finally:
        engine.dispose()
    return 0


def _cmd_demo(a: argparse.Namespace) -> int:
    from kiosk.config import resolve_paths
    from kiosk.demo import DEMO_PASSWORD, generate

    paths = resolve_paths(a.data_dir)
    url = a.db
    if not url:
        demo_file = paths.data_dir / "demo.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            target = demo_file.with_name(demo_file.name + suffix)
            if target.exists():
                target.unlink()
        url = f"sqlite:///{demo_file}"
    ctx = KioskContext.open(url, a.data_dir)
    gateway = Gateway(ctx)
    if gateway.call(is_set_up):
        raise KioskError("Basis data ini sudah berisi Puskesos; demo butuh basis data kosong.")
    summary = gateway.call(generate, households=a.households)
    print(
        f"Data demo siap: {summary.officers} petugas, {summary.people} warga terdaftar, "
        f"{summary.dtks_rows} baris DTKS. Masuk dengan admin / depan / belakang / koordinator "
        f"/ supervisor, sandi {DEMO_PASSWORD}."
    )
    if a.no_gui:
        return 0
    return _open_window(ctx, demo=True)


def _cmd_printer(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.services.setup import get_site
    from printing.devices import PrinterFault, send
    from printing.paper import Paper
    from printing.samples import sample_receipt, sample_ticket
    from printing.thermal import render_receipt, render_ticket

    site = Gateway(ctx).call(get_site)
    office = site.name if site else "Puskesos Kiosk"
    paper = Paper.of(a.width)
    slips = [
        ("Tiket contoh", render_ticket(sample_ticket(office, ctx.clock), paper)),
        (
            "Tanda terima contoh",
            render_receipt(sample_receipt(office, site.address if site else "", ctx.clock), paper),
        ),
    ]
    for label, payload in slips:
        try:
            result = send(a.printer, payload, profile=paper.profile)
        except PrinterFault as fault:
            print(f"{label}: GAGAL - {fault.message}", file=sys.stderr)
            return 1
        print(f"{label}: {result.note}")
    return 0


def _cmd_dtks(ctx: KioskContext, a: argparse.Namespace) -> int:
    import csv

    from kiosk.dtks.importer import import_snapshot
    from kiosk.identity import mask_nik
    from kiosk.services.dtks_check import active_snapshot

    actor = _login(ctx, a.as_user, a.as_password)
    if a.dtks_cmd == "find":
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
        with open(a.report, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["baris", "alasan", "nilai"])
            writer.writerows(report.rejections)
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


def _quarantine(ctx: KioskContext, gateway: Gateway, a: argparse.Namespace) -> int:
    """List, send again or drop what the server refused (the sync page's buttons)."""
    from kiosk.services import quarantine

    if not a.as_user:
        raise KioskError("Data karantina memerlukan --as <administrator>.")
    actor = _login(ctx, a.as_user, a.as_password)
    if a.quarantined:
        held = gateway.call(quarantine.quarantined, actor)
        if a.json:
            rows = [
                {"no": q.seq, "operation": q.op_type, "record": q.record, "reason": q.reason}
                for q in held
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            print(f"{len(held)} data ditolak server (karantina).")
            for q in held:
                print(f"  #{q.seq} {q.op_type} ({q.record}): {q.reason}")
        return 0
    if a.drop_quarantined:
        count = gateway.call(quarantine.drop, actor, a.drop_quarantined, a.reason)
        print(f"{count} data karantina dibuang; alasan dicatat di audit.")
        return 0
    count = gateway.call(quarantine.retry, actor, a.retry_quarantined or None)
    print(f"{count} data karantina diantrekan lagi; dikirim pada sinkronisasi berikutnya.")
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


def _cmd_sync(ctx: KioskContext, a: argparse.Namespace) -> int:
    import time

    from kiosk.services.outbox import configure_upstream
    from kiosk.services.setup import get_site
    from sync.client import UpstreamError
    from sync.engine import engine_for

    gateway = Gateway(ctx)
    if a.quarantined or a.retry_quarantined is not None or a.drop_quarantined:
        return _quarantine(ctx, gateway, a)
    try:
        if a.enrol:
            if not a.as_user:
                raise KioskError("Pendaftaran memerlukan --as <administrator>.")
            actor = _login(ctx, a.as_user, a.as_password)
            site = gateway.call(get_site)
            kiosk_id = a.kiosk_id or (site.office_code if site else "")
            gateway.call(configure_upstream, actor, a.enrol, kiosk_id)
            engine_for(gateway, ctx.clock).enrol(
                kiosk_id, _secret(a.code, "PUSKESOS_ENROL_CODE", "Kode pendaftaran")
            )
            print(f"Kios {kiosk_id} terdaftar di {a.enrol}.")
            return 0
        engine = engine_for(gateway, ctx.clock)
    except UpstreamError as exc:
        print(f"Gagal: {type(exc).message}", file=sys.stderr)
        return 1
    while True:
        report = engine.run_once()
        if a.json:
            print(
                json.dumps(
                    {
                        "ok": report.ok,
                        "sent": report.sent,
                        "conflicts": report.conflicts,
                        "quarantined": report.quarantined,
                        "pulled": report.pulled,
                        "resent_after_restore": report.resent_after_restore,
                        "error": report.error,
                        "paused": report.paused,
                        "skew_seconds": report.skew_seconds,
                        "notes": report.notes,
                    }
                )
            )
        else:
            print(
                f"Terkirim {report.sent}, konflik {report.conflicts}, dikarantina "
                f"{report.quarantined}, status diterima {report.pulled}."
                + (f" Gagal: {report.error}" if report.error else "")
            )
            for note in report.notes:
                print(f"Catatan: {note}")
        if a.once or report.paused:
            return 0 if report.ok else 1
        time.sleep(report.next_delay if report.error else 30)


def _upkeep(ctx: KioskContext, background: bool = False) -> None:
    """The day's first start: a verified backup, and erasures whose day has come.

    For the window it runs beside the log-in screen (a large register takes seconds to copy and
    check); a command waits for it, so a script's backup is there when the command returns.
    """
    import threading

    def work() -> None:
        from kiosk.services.backups import automatic_backup
        from kiosk.services.person_rights import erase_due

        try:
            Gateway(ctx).call(erase_due, ctx.clock)
            result = automatic_backup(ctx)
            if result is not None and result.warning:
                log.warning("salinan kedua gagal: %s", result.warning)
        except KioskError as exc:
            log.error("pemeliharaan harian gagal: %s", exc.message)

    if background:
        threading.Thread(target=work, name="cadangan-harian", daemon=True).start()
    else:
        work()


def _open_window(ctx: KioskContext, demo: bool = False) -> int:
    from ui.app import run_app  # Qt is imported only here

    return run_app(ctx, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``puskesos`` command."""
    logging.basicConfig(level=os.environ.get("PUSKESOS_LOG", "WARNING"))
    a = _parser().parse_args(argv)
    a.db, a.data_dir = getattr(a, "db", None), getattr(a, "data_dir", None)
    try:
        if a.cmd == "db":
            return _cmd_db(a)
        if a.cmd == "demo":
            return _cmd_demo(a)
        ctx = KioskContext.open(a.db, a.data_dir)
        if a.cmd == "init":
            return _cmd_init(ctx, a)
        if a.cmd == "officer":
            return _cmd_officer(ctx, a)
        if a.cmd == "printer":
            return _cmd_printer(ctx, a)
        if a.cmd == "dtks":
            return _cmd_dtks(ctx, a)
        if a.cmd in cli_data.COMMANDS:
            if a.cmd != "backup":
                _upkeep(ctx)
            return cli_data.run(ctx, a)
        if a.cmd == "antrian":
            from ui.app import run_self_service

            return run_self_service(ctx, _login(ctx, a.as_user, a.as_password), a.windowed)
        _upkeep(ctx, background=a.cmd is None)
        if a.cmd == "sync":
            return _cmd_sync(ctx, a)
        return _open_window(ctx)
    except KioskError as exc:
        print(f"Gagal: {exc.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
