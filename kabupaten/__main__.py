"""``python -m kabupaten migrate | serve | kiosk add VILLAGE_CODE`` (see kabupaten/cli.py)."""

from __future__ import annotations

import sys

from kabupaten.cli import main

if __name__ == "__main__":
    sys.exit(main())
