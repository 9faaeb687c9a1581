"""Where the Arrow road's tables go: ADBC's SQLite driver on a thread of its own; and Arrow's
memory: the pool it allocates from, and what it keeps given back."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa

from kiosk.db import BULK_LOAD_PRAGMAS, CONNECTION_PRAGMAS, SCRATCH_PRAGMAS
from kiosk.errors import KioskError
from kiosk.messages import _


def memory_pool() -> pa.MemoryPool:
    """Arrow's memory from its jemalloc, told to give freed pages back at once (decay 0),
    where the wheel has it (Linux, macOS); else from the C library's allocator. Not the
    bundled mimalloc, which kept what each batch freed in its own heaps (326 MB against
    284 MB at a million rows). jemalloc against the C library, messy million-row export,
    whole process: 8.5-9.2 s against 9.8-10.1 s at about the same peak (its short-lived
    buffers no longer fragment the heap Python and SQLite allocate from). Only the DTKS import
    loads pyarrow, and this module only when it takes this road."""
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except NotImplementedError:  # built without jemalloc (the Windows wheels)
        return pa.system_memory_pool()
    return pool


class ColumnWriter:
    """A thread handing finished tables to ADBC, so binding overlaps the next block's checks
    (the driver lets go of Python's lock while it stores a table).

    ``ddl`` given: ``path`` is a scratch file of this import's own (no journal, no fsync: it is
    thrown away if anything fails) and the table is made here. Without: ``path`` is the kiosk's
    database and ``table`` its load table; each table stored is one short transaction, and the
    window's process, writing a visit meanwhile, waits for it as it would for any writer.
    """

    def __init__(self, path: Path, table: str, ddl: str | None = None):
        import adbc_driver_sqlite.dbapi as adbc

        self.table = table
        self.conn: Any = adbc.connect(str(path), autocommit=True)  # a transaction per table
        pragmas = _SCRATCH if ddl else _SHARED
        cur = self.conn.cursor()
        try:
            for name, value in pragmas.items():
                cur.execute(f"PRAGMA {name}={value}")
                cur.fetchall()  # ADBC's cursor must be read before the next statement
            if ddl:
                cur.execute(ddl)
        except BaseException:
            cur.close()
            self.conn.close()
            raise
        cur.close()
        self.queue: queue.Queue[pa.Table | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="dtks-columns", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        cur = self.conn.cursor()
        try:
            while (table := self.queue.get()) is not None:
                if self.error is None:
                    cur.adbc_ingest(self.table, table, mode="append")
        except BaseException as exc:  # reported by put() or finish()
            self.error = exc
            while self.queue.get() is not None:  # let the producer finish its puts
                pass
        finally:
            cur.close()

    def put(self, table: pa.Table) -> None:
        self._raise()
        self.queue.put(table)
        pa.default_memory_pool().release_unused()  # the allocator keeps freed blocks otherwise
        _trim()

    def finish(self) -> None:
        self.queue.put(None)
        self.thread.join()
        self._raise()

    def _raise(self) -> None:
        if self.error is not None:
            raise KioskError(
                _(
                    "Data DTKS sementara tidak dapat ditulis (ruang disk penuh?). Kosongkan ruang "
                    "disk lalu impor lagi; data DTKS lama tetap dipakai."
                )
            ) from self.error

    def close(self) -> None:
        """Idempotent: the thread stopped, the file closed (before anyone deletes it)."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.conn is not None:
            self.conn.close()
            self.conn = None


_SCRATCH = SCRATCH_PRAGMAS
# The database itself: wait for the window's writers (as the kiosk's own connections do) and
# load as the row road does.
_SHARED = {"busy_timeout": CONNECTION_PRAGMAS["busy_timeout"], **BULK_LOAD_PRAGMAS}


def _load_trim() -> Callable[[], object]:
    """glibc's ``malloc_trim``, or nothing elsewhere. Arrow's freed buffers (on the C
    allocator, above) otherwise stay in the heap as free blocks after glibc raises its mmap
    threshold; trimming once a batch kept the million-row peak at 274-279 MB instead of
    275-288 MB, at no measurable cost in time."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    return lambda: trim(0)


_trim = _load_trim()


def release_memory() -> None:
    """What the Arrow road held, given back before the row-by-row road starts over on the same
    file (its peak then adds to nothing left from the attempt)."""
    pa.default_memory_pool().release_unused()
    _trim()


def alone_with(db_file: str) -> bool:
    """True when no file handle of this process is open on ``db_file`` or its WAL files, so
    ADBC's own copy of SQLite may open it: two copies open on one file in one process each
    drop the other's POSIX locks (SQLite's "how to corrupt", section 2.2.1). Linux's /proc
    tells; elsewhere the answer is False and the scratch file is used."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return False
    real = os.path.realpath(db_file)
    ours = {real, f"{real}-wal", f"{real}-shm", f"{real}-journal"}
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) in ours:
                return False
        except OSError:  # closed meanwhile (the directory's own handle)
            continue
    return True
