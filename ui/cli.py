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
from pathlib import Path

from kiosk.clock import Clock
from kiosk.context import Gateway, KioskContext
from kiosk.db import (
    at_head,
    current_revision,
    head_revision,
    make_engine,
    needs_upgrade,
    shipped_head,
    upgrade,
)
from kiosk.errors import KioskError
from kiosk.roles import ROLE_LABELS, Role
from kiosk.services.officers import add_officer, list_officers, set_roles
from kiosk.services.setup import SiteInput, initialise, is_set_up
from ui import (
    cli_access,
    cli_admin,
    cli_data,
    cli_dtks,
    cli_ppks,
    cli_profiles,
    cli_programmes,
    cli_reports,
    cli_supervision,
    cli_sync,
    cli_updates,
)
from ui.cli_common import ask as _ask
from ui.cli_common import login as _login
from ui.cli_common import secret as _secret
from ui.cli_parser import ZONE_BY_LABEL, build_parser

log = logging.getLogger("puskesos")


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
    if a.officer_cmd == "roles":
        found = next((v for v in views if v.username == a.username.strip().lower()), None)
        if found is None:
            raise KioskError(f"Petugas {a.username} tidak ditemukan.")
        view = gateway.call(set_roles, actor, found.id, a.role)
        print(f"Peran {view.username}: {', '.join(ROLE_LABELS[r] for r in view.roles)}.")
        return 0
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
                from kiosk.backup_keys import for_folder

                db_file = sqlite_file(str(engine.url))
                if db_file is not None:
                    keys = for_folder(paths.data_dir, paths.secret_key)
                    copy = create(db_file, paths.backups, "migrasi", Clock().now(), keys)
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
        url = f"sqlite:///{demo_file}"
        if not a.fresh and a.households is None and _demo_is_current(demo_file, url):
            print(
                f"Data demo dipakai lagi ({demo_file}): masuk dengan admin / depan / belakang / "
                f"koordinator / supervisor, sandi {DEMO_PASSWORD}. Buat ulang dengan "
                "`puskesos demo --fresh`."
            )
            return 0 if a.no_gui else _open_window(KioskContext.open(url, a.data_dir), demo=True)
        _remove_demo(demo_file)
    ctx = KioskContext.open(url, a.data_dir)
    gateway = Gateway(ctx)
    if gateway.call(is_set_up):
        raise KioskError("Basis data ini sudah berisi Puskesos; demo butuh basis data kosong.")
    print("Membuat data demo...", flush=True)
    summary = gateway.call(generate, households=a.households or DEMO_HOUSEHOLDS)
    if not a.db:
        _demo_stamp(demo_file).write_text(_demo_version(), encoding="utf-8")
    print(
        f"Data demo siap: {summary.officers} petugas, {summary.people} warga terdaftar, "
        f"{summary.dtks_rows} baris DTKS. Masuk dengan admin / depan / belakang / koordinator "
        f"/ supervisor, sandi {DEMO_PASSWORD}."
    )
    if a.no_gui:
        return 0
    return _open_window(ctx, demo=True)


DEMO_HOUSEHOLDS = 800  # ``puskesos demo``'s register: a village's DTKS families


def _demo_stamp(demo_file: Path) -> Path:
    """Beside the demo database: the program version and schema it was generated by. The
    demo is built once (15 s on a village laptop) and reused until either changes."""
    return demo_file.with_name(demo_file.name + ".versi")


def _demo_version() -> str:
    from kiosk import __version__

    return f"{__version__} {shipped_head()}"


def _demo_is_current(demo_file: Path, url: str) -> bool:
    """A complete demo from this version of the program, at the current schema."""
    stamp = _demo_stamp(demo_file)
    if not (demo_file.is_file() and stamp.is_file()):
        return False  # never built, or interrupted before it finished
    engine = make_engine(url)
    try:
        expected = _demo_version()
        return stamp.read_text(encoding="utf-8") == expected and at_head(engine)
    except Exception:  # an unreadable file: build a new one
        log.warning("demo lama tidak terbaca; dibuat ulang", exc_info=True)
        return False
    finally:
        engine.dispose()


def _remove_demo(demo_file: Path) -> None:
    for suffix in (".versi", "", "-wal", "-shm"):
        target = demo_file.with_name(demo_file.name + suffix)
        if target.exists():
            target.unlink()


def _cmd_printer(ctx: KioskContext, a: argparse.Namespace) -> int:
    from kiosk.ports import PrinterFault
    from kiosk.services.setup import get_site
    from printing.devices import send
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
    if a.a4:
        from printing.samples import sample_a4

        if site is None:
            print("Contoh A4 memakai kop kantor: jalankan `puskesos init` dulu.", file=sys.stderr)
            return 1
        Path(a.a4).write_bytes(sample_a4(site))
        print(f"Contoh A4: {a.a4} (buka dan cetak dari pembaca PDF)")
    return 0


def _cmd_roles(a: argparse.Namespace) -> int:
    """Who may do what, read from the services' own declarations (``@action``)."""
    from kiosk.services.registry import policy

    table = policy()
    if a.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    for role in Role:
        print(f"{ROLE_LABELS[role]} ({role.value})")
    print()
    actions = table["actions"]
    assert isinstance(actions, list)
    for entry in actions:
        print(f"{entry['name']:<34} {entry['label']}")
        print(f"{'':<34} izin: {', '.join(entry['permissions']) or 'akun sendiri'}")
        print(f"{'':<34} peran: {', '.join(entry['roles'])}")
    return 0


def _upkeep(ctx: KioskContext, background: bool = False, escalation: bool = False) -> None:
    """The day's first start: erasures whose day has come, a verified backup, and (from the
    daily process, or here for the window) the escalation of overdue cases.

    For the window both run beside the log-in screen (a large register takes seconds to copy
    and check). A command does the erasures (a query) and leaves the copy to a detached process
    of its own (:mod:`kiosk.daily`): no command waits for a copy it did not ask for. On
    PostgreSQL, where no such process runs, ``puskesos sync`` (``escalation``) escalates
    itself (a query; each rule fires once per case); a data command (``audit verify`` above
    all) writes no escalation before it has looked.
    """
    import threading

    def work() -> None:
        from kiosk.services.backups import automatic_backup
        from kiosk.services.person_rights import erase_due

        try:
            Gateway(ctx).call(erase_due, ctx.clock)
            if not background:
                from kiosk.backup import sqlite_file
                from kiosk.daily import escalate, start_apart

                if escalation and sqlite_file(ctx.url) is None:  # no daily copy process on
                    escalate(ctx)  # PostgreSQL (pg_dump makes its copies): sync escalates
                start_apart(ctx.url, ctx.paths.data_dir, ctx.paths.backups, ctx.clock.now().date())
                return
            from kiosk.daily import escalate  # the window's day: overdue cases escalated

            escalate(ctx)
            result = automatic_backup(ctx)
            if result is not None and result.warning:
                log.warning("salinan kedua gagal: %s", result.warning)
        except KioskError as exc:
            log.error("pemeliharaan harian gagal: %s", exc.message)
        except OSError as exc:  # the copy's process could not start: tomorrow, or by hand
            log.error("cadangan harian tidak dapat dimulai: %s", exc)

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
    a = build_parser().parse_args(argv)
    a.db, a.data_dir = getattr(a, "db", None), getattr(a, "data_dir", None)
    try:
        if a.cmd == "db":
            return _cmd_db(a)
        if a.cmd == "demo":
            return _cmd_demo(a)
        if a.cmd == "roles":
            return _cmd_roles(a)
        ctx = KioskContext.open(a.db, a.data_dir)
        if a.cmd == "init":
            return _cmd_init(ctx, a)
        if a.cmd == "officer":
            return _cmd_officer(ctx, a)
        if a.cmd == "printer":
            return _cmd_printer(ctx, a)
        if a.cmd == "dtks":
            return cli_dtks.run(ctx, a)
        if a.cmd == "usulan":
            return cli_reports.run(ctx, a)
        if a.cmd == "ppks":
            return cli_ppks.run(ctx, a)
        if a.cmd == "pemutakhiran":
            return cli_updates.run(ctx, a)
        if a.cmd == "programmes":
            return cli_programmes.run(ctx, a)
        if a.cmd in cli_admin.COMMANDS:
            return cli_admin.run(ctx, a)
        if a.cmd == "akses":
            return cli_access.run(ctx, a)
        if a.cmd == "profile":
            return cli_profiles.run(ctx, a)
        if a.cmd in cli_supervision.COMMANDS:
            return cli_supervision.run(ctx, a)
        if a.cmd == "report":
            return cli_reports.run_report(ctx, a)
        if a.cmd == "papan":
            return cli_reports.run_papan(ctx, a)
        if a.cmd in cli_data.COMMANDS:
            if a.cmd != "backup":
                _upkeep(ctx)
            return cli_data.run(ctx, a)
        if a.cmd == "antrian":
            from ui.app import run_self_service

            return run_self_service(ctx, _login(ctx, a.as_user, a.as_password), a.windowed)
        _upkeep(ctx, background=a.cmd is None, escalation=True)
        if a.cmd == "sync":
            return cli_sync.run(ctx, a)
        return _open_window(ctx)
    except KioskError as exc:
        print(f"Gagal: {exc.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
