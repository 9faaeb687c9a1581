"""``python -m kabupaten migrate | serve | kiosk add VILLAGE_CODE | demo``, each with ``--db URL``
(or ``KABUPATEN_DB_URL``): PostgreSQL in a kabupaten, an SQLite file for a quick try.

``serve`` runs waitress (``--workers N`` above 1: gunicorn with N processes on Linux, see
kabupaten/workers.py), not a development server: requests are read whole by one event loop
before a worker thread sees them, so a client trickling its headers holds no thread, and an
idle or stalled connection is closed after ``--channel-timeout`` seconds; at most
``--connections`` are open at once. The test hooks (``/_admin``) are never served here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from kabupaten.migrate import up_to_date, upgrade
from kabupaten.store import Store

ENV = "KABUPATEN_DB_URL"


def db_url(value: str | None) -> str:
    url = value or os.environ.get(ENV) or "kabupaten.sqlite"
    return url if "://" in url else f"sqlite:///{url}"


def waitress_options(args: argparse.Namespace) -> dict[str, Any]:
    """Bounds against slow and greedy clients (waitress's own names)."""
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "threads": args.threads,
        "connection_limit": args.connections,
        "channel_timeout": args.channel_timeout,
        "cleanup_interval": max(1, min(30, args.channel_timeout // 2)),
        "max_request_header_size": 32 * 1024,
        # waitress reads a body whole before the app sees it: above twice the app's body
        # limit it answers 413 itself, so a stranger's upload costs at most 4 MB of buffer.
        "max_request_body_size": 4_000_000,
        "ident": "kabupaten",
    }
    if args.trusted_proxy:  # behind nginx/Caddy: the client's address from X-Forwarded-For
        options["trusted_proxy"] = args.trusted_proxy
        options["trusted_proxy_headers"] = "x-forwarded-for x-forwarded-proto"
        options["clear_untrusted_proxy_headers"] = True
    return options


def serve(args: argparse.Namespace) -> int:
    from waitress import serve as waitress_serve  # type: ignore[import-untyped]

    from kabupaten.server import create_app

    store = Store(db_url(args.db), create=False)
    if not up_to_date(store.engine):
        print("Skema database belum terbaru: jalankan dulu `python -m kabupaten migrate`.")
        return 2
    if args.workers > 1:
        if sys.platform == "win32":
            print("--workers lebih dari 1 hanya di Linux (gunicorn); di Windows satu proses.")
            return 2
        from kabupaten import workers

        print(f"Server SLRT kabupaten di http://{args.host}:{args.port}, {args.workers} proses")
        sys.stdout.flush()
        workers.run(args, db_url(args.db))
        return 0
    options = waitress_options(args)
    # Refused enrolments and waitress's own warnings to the journal; no access log (a DTKS
    # lookup's path holds a NIK).
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    print(f"Server SLRT kabupaten di http://{args.host}:{args.port} (Ctrl+C berhenti)", flush=True)
    waitress_serve(create_app(store, {}), **options)
    return 0


def migrate(args: argparse.Namespace) -> int:
    store = Store(db_url(args.db), create=False)
    upgrade(store.engine)
    print("Skema database server kabupaten terbaru.")
    return 0


def office_code(text: str) -> str:
    """The office as the kiosk names itself (its office code, by default the village code
    without dots); "" when it cannot be one."""
    office = text.strip().upper()
    if office.replace(".", "").isdigit():
        office = office.replace(".", "")
    ok = (
        office.isascii() and 0 < len(office) <= 40 and all(c.isalnum() or c in "-_" for c in office)
    )
    return office if ok else ""


def kiosk_add(args: argparse.Namespace) -> int:
    """A one-time enrolment code for the office, alone on the last line (for scripts)."""
    office = office_code(args.village_code)
    if not office:
        print("Kode kantor: kode desa Kemendagri (mis. 3324012001 atau 33.24.01.2001) atau kode")
        print("kantor Puskesos (huruf, angka, - dan _; paling panjang 40).")
        return 2
    store = Store(db_url(args.db), create=False)
    if not up_to_date(store.engine):
        print("Skema database belum terbaru: jalankan dulu `python -m kabupaten migrate`.")
        return 2
    code = store.add_kiosk(office)
    print(f"Kode pendaftaran sekali pakai untuk kantor {office} (berlaku 7 hari; token lama")
    print("kantor ini dicabut begitu kios mendaftar dengan kode ini):")
    print(code)
    return 0


def _has_people_or_offices(url: str) -> bool:
    """Whether the database already serves someone (a kabupaten's, not a demo's)."""
    from sqlalchemy import create_engine, func, inspect, select

    from kabupaten.tables import enrolment_codes, tokens, web_users

    engine = create_engine(url)
    try:
        names = set(inspect(engine).get_table_names())
        with engine.connect() as c:
            return any(
                c.scalar(select(func.count()).select_from(t))
                for t in (enrolment_codes, tokens, web_users)
                if t.name in names
            )
    finally:
        engine.dispose()


def demo(args: argparse.Namespace) -> int:
    """Three villages' kiosks synced into a fresh database, and web accounts to look with."""
    from pathlib import Path

    from tools.kabupaten_demo import build

    # Never KABUPATEN_DB_URL: set for `serve`, it names the live database, and the demo would
    # enrol three fake villages and accounts with one printed password into it.
    url = db_url(args.db or "kabupaten-demo.sqlite")
    if _has_people_or_offices(url):
        print(f"Database {args.db or url} sudah berisi kantor atau akun: demo hanya untuk")
        print("database baru. Pilih --db lain (mis. kabupaten-demo.sqlite).")
        return 2
    folder = Path(args.folder)
    if folder.exists() and any(folder.iterdir()):
        print(f"Folder {folder} sudah berisi kios demo: hapus dulu atau pilih --folder lain.")
        return 2
    print("Menyiapkan tiga kios desa dan menyinkronkannya ke server (sekitar satu menit)...")
    made = build(url, folder, os.environ.get("KABUPATEN_PASSWORD", ""))
    print(f"Kantor tersinkron: {', '.join(made.offices)}; rujukan menunggu: {made.referrals}.")
    print("Akun web (kata sandi demo sama untuk semua):")
    for username, label in made.users:
        print(f"  {username:<12} {label}")
    print(f"Kata sandi demo: {made.password}")
    print("Jalankan server, lalu buka http://127.0.0.1:8080/web/ :")
    print(f"  python -m kabupaten serve --db {url}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m kabupaten", description=__doc__)
    top.add_argument("--db", help=f"URL database (atau {ENV}); berkas SQLite untuk mencoba")
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="buat/perbarui skema database (Alembic)")
    run = sub.add_parser("serve", help="jalankan server (waitress; gunicorn bila --workers > 1)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8080)
    run.add_argument("--threads", type=int, default=8, help="thread pekerja (per proses)")
    run.add_argument(
        "--workers", type=int, default=1, help="proses pekerja; >1: gunicorn (hanya Linux)"
    )
    run.add_argument("--connections", type=int, default=200, help="sambungan terbuka maksimum")
    run.add_argument("--channel-timeout", type=int, default=30, help="detik sambungan diam")
    run.add_argument("--trusted-proxy", help="alamat reverse proxy (nginx/Caddy) yang dipercaya")
    kiosk = sub.add_parser("kiosk", help="kios (kantor Puskesos desa)")
    kiosk_sub = kiosk.add_subparsers(dest="kiosk_command", required=True)
    add = kiosk_sub.add_parser("add", help="kode pendaftaran sekali pakai untuk satu kantor")
    add.add_argument("village_code", metavar="VILLAGE_CODE")
    show = sub.add_parser("demo", help="kabupaten contoh: tiga kios desa sudah tersinkron")
    show.add_argument("--folder", default="kabupaten-demo-kios", help="folder data kios demo")
    for p in (run, add, show, sub.choices["migrate"]):  # --db also after the command
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "migrate":
        return migrate(args)
    if args.command == "serve":
        return serve(args)
    if args.command == "demo":
        return demo(args)
    return kiosk_add(args)


if __name__ == "__main__":
    sys.exit(main())
