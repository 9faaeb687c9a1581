"""``python -m kabupaten user add NAMA --role PERAN [--kecamatan KODE …] [--destination KODE]``.

The password comes from ``KABUPATEN_PASSWORD`` (scripts) or is asked twice without echo; it is
never an argument, so it stays out of the shell's history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kabupaten import people
from kabupaten.migrate import up_to_date
from kabupaten.store import Store


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = commands.add_parser("user", help="akun web kabupaten")
    actions = user.add_subparsers(dest="user_action", required=True)
    add = actions.add_parser("add", help="tambah akun")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=sorted(people.ROLE_LABELS))
    add.add_argument("--kecamatan", nargs="*", default=[], metavar="KODE")
    add.add_argument("--destination", default="", metavar="KODE")
    add.add_argument("--db", default="kabupaten.sqlite", help="berkas SQLite atau URL database")
    add.set_defaults(run=user_add)


def _password() -> str:
    given = os.environ.get("KABUPATEN_PASSWORD")
    if given:
        return given
    first = getpass.getpass("Kata sandi: ")
    if first != getpass.getpass("Ulangi kata sandi: "):
        raise ValueError("kedua kata sandi tidak sama")
    return first


def user_add(args: argparse.Namespace) -> int:
    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    store = Store(url, create=False)  # the schema is migrate's alone (never create_all here)
    if not up_to_date(store.engine):
        print("Skema database belum terbaru: jalankan dulu `python -m kabupaten migrate`.")
        return 2
    try:
        user = people.add_user(
            store.engine,
            args.username,
            _password(),
            args.role,
            args.kecamatan,
            args.destination,
        )
    except ValueError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return 2
    people.audit(store.engine, "-", "akun_dibuat", str(user.id), role=user.role)
    print(f"Akun {user.username} ({people.ROLE_LABELS[user.role]}) dibuat.")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kabupaten")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.run(args))
