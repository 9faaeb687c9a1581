"""The ``puskesos`` command's arguments, one function per group of subcommands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.roles import Role
from ui import (
    cli_access,
    cli_admin,
    cli_data,
    cli_ppks,
    cli_profiles,
    cli_programmes,
    cli_reports,
    cli_supervision,
    cli_updates,
)

if TYPE_CHECKING:
    from ui.cli_common import Subparsers

ZONE_BY_LABEL = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand; --db and --data-dir are accepted before or after it."""
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
    p.add_argument("--version", action="version", version=f"Puskesos Kiosk {__version__}")
    sub = p.add_subparsers(dest="cmd")
    _setup_commands(sub, common)
    _officer_commands(sub, common)
    _printer_commands(sub, common)
    _dtks_commands(sub, common)
    _sync_commands(sub, common)
    cli_data.add_parsers(sub, common)
    cli_admin.add_parsers(sub, common)
    cli_reports.add_parser(sub, common)
    cli_reports.add_report_parsers(sub, common)
    cli_access.add_parser(sub, common)
    cli_programmes.add_parser(sub, common)
    cli_profiles.add_parser(sub, common)
    cli_updates.add_parser(sub, common)
    cli_supervision.add_parsers(sub, common)
    cli_ppks.add_parser(sub, common)
    _roles_command(sub, common)

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


def _setup_commands(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """Demo data and the first set-up."""

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="buka kiosk dengan data demo (dibuat sekali, lalu dipakai lagi)",
    )
    demo.add_argument("--no-gui", action="store_true", help="hanya siapkan data demo")
    demo.add_argument(
        "--fresh", action="store_true", help="buang data demo lama dan buat yang baru"
    )
    demo.add_argument(
        "--households", type=int, help="jumlah keluarga DTKS demo (bawaan 800; membuat ulang)"
    )

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


def _officer_commands(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """Officers' accounts (administrator)."""
    officer = sub.add_parser(
        "officer", parents=[common], help="kelola akun petugas"
    ).add_subparsers(dest="officer_cmd")
    helps = {"add": "tambah petugas", "list": "daftar petugas", "roles": "ubah peran petugas"}
    for name, help_text in helps.items():
        sp = officer.add_parser(name, parents=[common], help=help_text)
        sp.add_argument("--as", dest="as_user", required=True, help="nama pengguna administrator")
        sp.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")
        if name == "roles":
            sp.add_argument("username", help="nama pengguna petugas yang diubah")
        if name != "list":
            sp.add_argument(
                "--role",
                action="append",
                required=True,
                choices=[r.value for r in Role],
                help="boleh diulang; peran yang tidak disebut dicabut",
            )
        if name == "add":
            sp.add_argument("--username", required=True)
            sp.add_argument("--name", required=True)
            sp.add_argument("--password", help="sandi sementara (atau PUSKESOS_NEW_PASSWORD)")
            sp.add_argument("--pin")
        elif name == "list":
            sp.add_argument("--json", action="store_true")


def _printer_commands(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """The thermal printer's test slip."""
    printer = sub.add_parser("printer", parents=[common], help="printer termal").add_subparsers(
        dest="printer_cmd"
    )
    ptest = printer.add_parser("test", parents=[common], help="cetak tiket dan tanda terima contoh")
    ptest.add_argument("--printer", required=True, help="mis. usb:0416:5011, net:192.168.1.50")
    ptest.add_argument("--width", type=int, choices=[58, 80], default=58, help="lebar kertas mm")
    ptest.add_argument(
        "--a4", metavar="FILE.pdf", help="juga tulis contoh surat A4 (kop, huruf) ke berkas ini"
    )


def _dtks_commands(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """The local DTKS snapshot: import and find."""
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


def _sync_commands(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """Upstream sync, enrolment and the quarantine."""
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


def _roles_command(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    """The permission table, printed from the services' declarations."""
    roles = sub.add_parser(
        "roles", parents=[common], help="tabel peran, izin dan tindakan yang boleh dilakukan"
    )
    roles.add_argument("--json", action="store_true")
