"""The bundle's entry point: the same ``puskesos`` command as ``uv run puskesos``."""

import multiprocessing
import sys

from ui.launch import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the DTKS import's spawned child starts here too
    sys.exit(main())
