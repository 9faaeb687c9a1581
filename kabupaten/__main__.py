"""``python -m kabupaten migrate | serve | kiosk add VILLAGE_CODE | user add USERNAME``
(kabupaten/cli.py; accounts in kabupaten/users_cli.py)."""

from __future__ import annotations

import sys

from kabupaten.cli import main as commands


def main() -> int:
    if sys.argv[1:2] == ["user"]:  # account commands (kabupaten.users_cli)
        from kabupaten.users_cli import main as users

        return users(sys.argv[1:])
    return commands()


if __name__ == "__main__":
    sys.exit(main())
