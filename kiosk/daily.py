"""The day's automatic copy, made beside a command instead of in front of it.

The first command of the day (``audit``, ``person``, ``summary``, ``password``, ``sync``) used
to wait for the daily copy: seconds to a minute on a large register, for a copy the officer
did not ask for. Now the command starts this module as a process of its own, detached, and goes
on; the copy is made while the command works, and outlives it. A lock file (with the copy's
own "already made today" check after it) keeps two commands started together from copying
twice. ``puskesos backup create`` is the copy asked for: it still waits for its own.

The same daily process then escalates the cases past their due day (:func:`escalate`, issue
#32); ``puskesos eskalasi`` does it by hand. Each escalation rule fires once per case, so the
two never escalate a case twice.

    python -m kiosk.daily URL DATA_DIR
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.backup import AUTO_REASONS, listing, sqlite_file

if TYPE_CHECKING:
    from kiosk.context import KioskContext

LOCK = "cadangan-harian.lock"
STALE_S = 3600  # a lock older than this was left by a killed copy

log = logging.getLogger(__name__)


def due(url: str, backups: Path, today: object, lock: Path) -> bool:
    """Whether a daily copy is still to be made (a few file names read, no database opened)."""
    if sqlite_file(url) is None:
        return False
    with contextlib.suppress(OSError):
        if time.time() - lock.stat().st_mtime < STALE_S:
            return False  # another command's copy is under way
    return not any(b.made_at.date() == today and b.reason in AUTO_REASONS for b in listing(backups))


def start_apart(url: str, data_dir: Path, backups: Path, today: object) -> bool:
    """Start the daily copy in a detached process when one is due; True when started."""
    if not due(url, backups, today, data_dir / LOCK):
        return False
    detach: dict[str, object] = (
        {"creationflags": getattr(subprocess, "DETACHED_PROCESS", 0)}
        if os.name == "nt"
        else {"start_new_session": True}
    )
    subprocess.Popen(
        [sys.executable, "-m", "kiosk.daily", url, str(data_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        **detach,  # type: ignore[call-overload]
    )
    return True


def escalate(ctx: KioskContext) -> int:
    """Escalate today's overdue cases by their profiles' rules; how many moved."""
    from kiosk.context import Gateway
    from kiosk.services.escalation import run_escalations

    moved = Gateway(ctx).call(run_escalations, ctx.clock.today(), ctx.clock.now())
    return len(moved)


def make(url: str, data_dir: str) -> int:
    """The copy itself, under the lock (what the detached process runs)."""
    from kiosk.context import KioskContext
    from kiosk.errors import KioskError
    from kiosk.services.backups import automatic_backup

    lock = Path(data_dir) / LOCK
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if time.time() - lock.stat().st_mtime < STALE_S:
            return 0
        lock.unlink(missing_ok=True)
        return make(url, data_dir)
    os.close(fd)
    try:
        ctx = KioskContext.open(url, data_dir, migrate=False)
        try:
            result = automatic_backup(ctx)
            if result is not None and result.warning:
                log.warning("salinan kedua gagal: %s", result.warning)
            escalate(ctx)
        finally:
            ctx.close()
    except KioskError as exc:
        log.error("cadangan harian gagal: %s", exc.message)
        return 1
    finally:
        lock.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=os.environ.get("PUSKESOS_LOG", "WARNING"))
    sys.exit(make(sys.argv[1], sys.argv[2]))
