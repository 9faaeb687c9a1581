"""Where a DTKS load is written, and how it becomes the register everyone reads.

The writer fills a load table beside the live one; :func:`activate` swaps them in one
transaction; :func:`discard` throws a failed or cancelled load away, and
:func:`discard_abandoned` what a killed process left behind.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import Table, delete, insert, select, text, update

from kiosk.context import KioskContext
from kiosk.db import BULK_LOAD_PRAGMAS, CONNECTION_PRAGMAS, set_pragmas
from kiosk.dtks.guard import load_table
from kiosk.dtks.rows import COLUMNS
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.services.actor import Actor
from kiosk.services.journal import audit


class Loaded(Protocol):
    """What activation records of a load (the import's report)."""

    kind: str
    imported: int
    rejected: Counter[str]


def scratch_path(db_file: str, table: str) -> Path:
    """The file the Arrow road's ADBC driver writes first, next to the database."""
    return Path(db_file).with_name(f"{table}.scratch.sqlite3")


def remove_scratch(scratch: Path) -> None:
    for leftover in (scratch, Path(f"{scratch}-journal")):
        leftover.unlink(missing_ok=True)


class Writer:
    """Rows of the new snapshot, a batch per transaction (the counter keeps writing meanwhile).

    On SQLite the rows go into a table of their own with no index (:func:`load_table`), made
    from ``dtks_record``'s own definition; :func:`activate` builds the indexes once, sorted,
    and swaps the tables. Maintaining three indexes row by row while a million rows go in costs
    several times the load itself. The loading connection skips fsync per batch
    (``synchronous=NORMAL``: a half-loaded table is thrown away anyway) and foreign-key checks
    (the snapshot row exists; every row carries its id). Elsewhere: SQLAlchemy's bulk insert
    into ``dtks_record`` under the ``loading`` snapshot.

    Writing on a thread of its own was measured and is slower: SQLite lets go of Python's lock
    for every row it stores, and taking it back each time behind the converting thread costs
    more than the overlap gains (23 s instead of 17 s at a million rows).
    """

    def __init__(self, ctx: KioskContext, snap_id: uuid.UUID):
        self.ctx = ctx
        self.sqlite = ctx.engine.dialect.name == "sqlite"
        self.raw: Any = None
        self.table = load_table(snap_id)
        self.db_file = ctx.engine.url.database if self.sqlite else None
        if self.sqlite:
            db = self.open()
            try:
                (ddl,) = db.execute(
                    "SELECT sql FROM sqlite_master WHERE type='table' AND name='dtks_record'"
                ).fetchone()
                self.ddl = ddl
                db.execute(CREATE_RE.sub(f'CREATE TABLE "{self.table}"', ddl, count=1))
                db.commit()
            except BaseException:
                self.close()  # the pooled connection must not go back with its checks off
                raise
            marks = ", ".join("?" for _ in COLUMNS)
            self.sql = f'INSERT INTO "{self.table}" ({", ".join(COLUMNS)}) VALUES ({marks})'

    def open(self) -> Any:
        """The loading connection (again, after the Arrow road let ADBC have the file)."""
        self.raw = self.ctx.engine.raw_connection()
        db = self.raw.driver_connection
        try:
            set_pragmas(db.execute, BULK_LOAD_PRAGMAS)
        except BaseException:
            self.close()
            raise
        return db

    def empty(self) -> None:
        """Whatever a load that went back to the other road left in the load table."""
        db = self.raw.driver_connection
        db.execute(f'DELETE FROM "{self.table}"')
        db.commit()

    def write(self, batch: list[Any]) -> None:
        if not self.sqlite:
            with self.ctx.engine.begin() as conn:
                conn.execute(
                    insert(DtksRecord), [dict(zip(COLUMNS, r, strict=True)) for r in batch]
                )
            return
        assert self.raw is not None
        cursor = self.raw.cursor()
        try:
            cursor.executemany(self.sql, batch)
            self.raw.commit()
        except BaseException:
            self.raw.rollback()
            raise
        finally:
            cursor.close()

    def copy_from(self, scratch: Path) -> None:
        """The Arrow road's rows, from the file ADBC wrote, into the load table.

        The scratch table has this table's own definition, so ``INSERT … SELECT *`` is
        SQLite's transfer optimisation: stored records are copied as they are, not decoded
        and bound again (about 0.5 s instead of 2.5 s for a million rows), in the same row
        order and with the same row ids.
        """
        assert self.raw is not None
        db = self.raw.driver_connection
        db.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
        try:
            db.execute(f'INSERT INTO "{self.table}" SELECT * FROM scratch.t')
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.execute("DETACH DATABASE scratch")

    def close(self) -> None:
        if self.raw is not None:
            restore = {name: CONNECTION_PRAGMAS[name] for name in BULK_LOAD_PRAGMAS}
            set_pragmas(self.raw.driver_connection.execute, restore)
            self.raw.close()
            self.raw = None


CREATE_RE = re.compile(r'^CREATE TABLE\s+"?dtks_record"?', re.IGNORECASE)
STALE_LOAD = timedelta(hours=6)


def activate(
    ctx: KioskContext,
    actor: Actor,
    report: Loaded,
    snap_id: uuid.UUID,
    confirmed: Sequence[str] = (),
) -> list[uuid.UUID]:
    """Make the new snapshot the one every check uses, in one transaction; the replaced
    snapshots' ids are returned (nothing here runs after the commit, so a failure in it
    always leaves the old snapshot active).

    SQLite: drop the old ``dtks_record``, rename the loaded table to it and build its indexes,
    all in one write transaction; readers (WAL) keep answering from the old table until it
    commits, and other writers wait a few seconds at most (the busy timeout is ten).
    Elsewhere: only the statuses switch; :func:`free_replaced` deletes the old rows after.
    """
    with ctx.sessions() as s, s.begin():
        conn = s.connection()
        if ctx.engine.dialect.name == "sqlite":
            db = conn.connection.driver_connection
            assert db is not None
            # The three index sorts on two cores: 2.1-2.4 s instead of 2.9-3.3 s at a million
            # rows. (A 64 MB page cache for the sort, tried before, made it slower: 4.3 s, and
            # 100 MB bigger; the default 2 MB: +6 MB. Measured with bench/dtks_import's CSV.)
            db.execute("PRAGMA threads=2")
            # Debian's SQLite zeroes every freed page (SECURE_DELETE): dropping a million-row
            # snapshot wrote 200 MB of zeros, 2 s of the swap. FAST zeroes only what costs no
            # extra writing; the rest of the old register (which the new one replaces, and
            # the next import's load overwrites first) stays in free pages meanwhile.
            (secure,) = db.execute("PRAGMA secure_delete").fetchone()
            db.execute("PRAGMA secure_delete=FAST")
            try:
                # The driver would commit DDL on its own: an explicit BEGIN keeps the drop, the
                # rename and the indexes in this transaction (a test breaks the swap midway).
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                conn.exec_driver_sql("DROP TABLE dtks_record")
                conn.exec_driver_sql(f'ALTER TABLE "{load_table(snap_id)}" RENAME TO dtks_record')
                table = cast(Table, DtksRecord.__table__)
                for index in sorted(table.indexes, key=lambda i: str(i.name)):
                    index.create(conn)
            finally:
                db.execute("PRAGMA threads=0")  # the pooled connection's defaults again
                db.execute(f"PRAGMA secure_delete={int(secure)}")
        old = list(s.scalars(select(DtksSnapshot.id).where(DtksSnapshot.status == "active")))
        s.execute(update(DtksSnapshot).where(DtksSnapshot.id.in_(old)).values(status="diganti"))
        snap = s.get(DtksSnapshot, snap_id)
        assert snap is not None
        snap.status, snap.row_count = "active", report.imported
        snap.rejected_count = sum(report.rejected.values())
        audit(
            s,
            actor.id,
            "dtks_diimpor",
            "dtks_snapshot",
            snap_id,
            {
                "rows": report.imported,
                "rejected": snap.rejected_count,
                "kind": report.kind,
                "dikonfirmasi": list(confirmed),
            },
        )
    return old


def free_replaced(ctx: KioskContext, old: list[uuid.UUID]) -> None:
    """PostgreSQL keeps the replaced snapshot's rows until here (SQLite dropped its table)."""
    if ctx.engine.dialect.name == "sqlite":
        return
    with ctx.engine.begin() as conn:
        for old_id in old:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == old_id))


def discard(ctx: KioskContext, snap_id: uuid.UUID) -> None:
    """A cancelled or failed load: its rows go, the snapshot is marked failed."""
    with ctx.engine.begin() as conn:
        if ctx.engine.dialect.name == "sqlite":
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{load_table(snap_id)}"')
            if ctx.engine.url.database not in (None, "", ":memory:"):
                remove_scratch(scratch_path(ctx.engine.url.database, load_table(snap_id)))
        else:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == snap_id))
        conn.execute(update(DtksSnapshot).where(DtksSnapshot.id == snap_id).values(status="gagal"))


def discard_abandoned(ctx: KioskContext, now: datetime) -> None:
    """Loads a killed process left behind (still ``loading`` hours later) are thrown away."""
    with ctx.sessions() as s:
        loading = dict(
            s.execute(
                select(DtksSnapshot.id, DtksSnapshot.imported_at).where(
                    DtksSnapshot.status == "loading"
                )
            ).all()
        )
        tables: list[str] = []
        if ctx.engine.dialect.name == "sqlite":
            tables = list(
                s.scalars(
                    text("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE :p"),
                    {"p": "dtks_load_%"},
                )
            )
    abandoned = [i for i, started in loading.items() if started < now - STALE_LOAD]
    live = set(loading) - set(abandoned)
    for snap_id in abandoned:
        discard(ctx, snap_id)
    for table in tables:
        if not table.startswith("dtks_load_"):  # LIKE's "_" matches any character
            continue
        try:
            owner = uuid.UUID(hex=table.removeprefix("dtks_load_"))
        except ValueError:
            continue  # not a table this program made
        if owner not in live:
            with ctx.engine.begin() as conn:
                conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}"')
            if ctx.engine.url.database not in (None, "", ":memory:"):
                remove_scratch(scratch_path(ctx.engine.url.database, table))
