"""Run a DTKS import in its own process, so the window never waits for it.

Parsing a million rows in a thread of the GUI process competes for Python's global lock and
stalls the event loop by a hundred milliseconds or more at a time; in a child process it
cannot. The child opens the same database, reports progress through a queue, and stops when
the parent sets the cancel event; the old snapshot stays in use until the new one is complete,
exactly as in-process.

The multiprocessing modules a spawn needs are imported here, with the window, not on first
use: PySide6's import hook reads the source of every module imported after it, and the first
import from the window's worker thread stalled the event loop 140-230 ms (measured with
``tests/ui/test_dtks_import_page.py`` run alone).
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.queues
import multiprocessing.synchronize
import queue
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kiosk import errors
from kiosk.changes import committed
from kiosk.dtks.guard import NeedsConfirmation
from kiosk.dtks.importer import ImportCancelled, ImportReport, import_snapshot
from kiosk.messages import _
from kiosk.services.actor import Actor

if sys.platform != "win32":
    import multiprocessing.popen_spawn_posix  # see the module's docstring


def _child(
    url: str,
    data_dir: str,
    actor: Actor,
    path: str,
    kind: str,
    snapshot_date: date | None,
    out: Any,
    cancel: Any,
    replace_smaller: bool = False,
) -> None:
    from kiosk.context import KioskContext  # imported in the child, after spawn

    ctx = KioskContext.open(url, data_dir, migrate=False)
    try:
        report = import_snapshot(
            ctx,
            actor,
            Path(path),
            kind=kind,
            snapshot_date=snapshot_date,
            progress=lambda done, total, rows: out.put(("progress", (done, total, rows))),
            cancel=_EventView(cancel),
            warm_index=False,
            exclusive=True,  # this process exists for the import alone
            replace_smaller=replace_smaller,
        )
        out.put(("done", report))
    except errors.KioskError as exc:
        out.put(("error", (type(exc).__name__, exc.message, exc.code)))
    except Exception as exc:
        out.put(("error", ("Exception", str(exc)[:500], "kesalahan")))
    finally:
        ctx.close()


class _EventView:
    """What import_snapshot expects of a cancel flag (``is_set``), over a process event."""

    def __init__(self, event: Any):
        self.event = event

    def is_set(self) -> bool:
        return bool(self.event.is_set())


def _rebuild(name: str, message: str, code: str) -> Exception:
    if name == "ImportCancelled":
        return ImportCancelled(message)
    if name == "NeedsConfirmation":
        return NeedsConfirmation(message)
    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, errors.KioskError):
        return cls(message, code=code)
    return errors.KioskError(
        _("Impor gagal karena kesalahan yang tidak terduga; data DTKS lama tetap dipakai.")
    )


def import_in_process(
    url: str,
    data_dir: str,
    actor: Actor,
    path: Path,
    *,
    kind: str = "DTSEN",
    snapshot_date: date | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    cancel: threading.Event | None = None,
    replace_smaller: bool = False,
) -> ImportReport:
    """Like :func:`import_snapshot`, in a spawned child; blocks the calling (worker) thread."""
    spawn = mp.get_context("spawn")
    out = spawn.Queue()
    stop = spawn.Event()
    child = spawn.Process(
        target=_child,
        args=(url, data_dir, actor, str(path), kind, snapshot_date, out, stop, replace_smaller),
        name="dtks-import",
        daemon=True,
    )
    child.start()
    try:
        while True:
            if cancel is not None and cancel.is_set():
                stop.set()
            try:
                kind_, value = out.get(timeout=0.1)
            except queue.Empty:
                if not child.is_alive() and out.empty():
                    raise errors.KioskError(
                        _(
                            "Proses impor berhenti tiba-tiba; data DTKS lama tetap dipakai. "
                            "Coba impor lagi; bila berulang, periksa ruang disk."
                        )
                    ) from None
                continue
            if kind_ == "progress":
                if progress is not None:
                    progress(*value)
            elif kind_ == "done":
                report: ImportReport = value  # the child's pickled report
                # The child's commits, told here: the window's pages reading the register
                # learn of them through this thread (kiosk.changes).
                committed(("dtks_snapshot", "dtks_record", "audit_entry"))
                return report
            else:
                raise _rebuild(*value)
    finally:
        child.join(10)
        if child.is_alive():
            child.kill()
