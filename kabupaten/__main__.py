"""``python -m kabupaten --db slrt.sqlite --port 8080 --enrol KODE_KANTOR=KODE_RAHASIA``."""

from __future__ import annotations

import argparse
import sys

from kabupaten.server import run


def main() -> None:
    if sys.argv[1:2] == ["user"]:  # account commands (kabupaten.users_cli)
        from kabupaten.users_cli import main as users

        raise SystemExit(users(sys.argv[1:]))
    parser = argparse.ArgumentParser(prog="python -m kabupaten", description=__doc__)
    parser.add_argument("--db", default="kabupaten.sqlite", help="berkas SQLite atau URL database")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--enrol",
        action="append",
        default=[],
        metavar="KANTOR=KODE",
        help="kode kantor Puskesos dan kode pendaftarannya (boleh berulang)",
    )
    parser.add_argument("--admin", action="store_true", help="aktifkan /_admin (uji gangguan)")
    args = parser.parse_args()
    enrolment = dict(item.split("=", 1) for item in args.enrol)
    run(args.db, args.port, enrolment, admin=args.admin)


if __name__ == "__main__":
    main()
