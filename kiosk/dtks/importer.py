"""Import a DTKS/DTSEN export as a new snapshot, replacing the old one atomically.

The new rows go in under a snapshot marked ``loading``; the old snapshot stays ``active`` and
answers every DTKS check meanwhile. Only when the whole file is in does one short transaction
switch them. A cancel, a crash or an error deletes the half-loaded rows and leaves the old
snapshot untouched.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, text, update

from kiosk.clock import Clock
from kiosk.context import KioskContext
from kiosk.db import BULK_LOAD_PRAGMAS, CONNECTION_PRAGMAS, set_pragmas
from kiosk.dtks import snapshot_date as snapshot_dates
from kiosk.dtks.columns import REQUIRED, Mapping, match_headers
from kiosk.dtks.guard import guard_replacement, load_table
from kiosk.dtks.name_index import warm
from kiosk.dtks.reader import Source, open_source
from kiosk.dtks.repeats import Repeats, line_hash
from kiosk.dtks.rows import COLUMNS, Rejected, RowConverter
from kiosk.errors import KioskError, ValidationError
from kiosk.identity import mask_niks_in_text
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action

log = logging.getLogger(__name__)
MAX_LISTED = 10_000  # rejections listed one by one; all are counted
EXAMPLES = 3  # rows shown per reason in the summary


class ImportCancelled(KioskError):
    code = "dibatalkan"


@dataclass
class ImportReport:
    """What the officer (and ``--json``) sees after an import."""

    source: str
    kind: str
    encoding: str
    delimiter: str | None
    mapping: list[tuple[str, str]]
    unused_columns: list[str]
    rows_read: int = 0
    imported: int = 0
    duplicates: int = 0
    flagged: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)  # by reason, values grouped
    rejections: list[tuple[int, str, str]] = field(default_factory=list)  # line, reason, value
    snapshot_id: uuid.UUID | None = None
    road: str = ""  # "columnar" (Arrow) or "rows": which loader read the file
    matched_by_words: list[str] = field(default_factory=list)  # headers read by their words
    snapshot_date: date | None = None
    snapshot_date_from: str = ""  # "diberikan", "kolom <header>", "nama berkas" or ""

    def examples(self) -> dict[str, list[tuple[int, str]]]:
        """The first few refused rows of each reason: line and value (NIKs masked)."""
        out: dict[str, list[tuple[int, str]]] = {}
        for line, reason, detail in self.rejections:
            shown = out.setdefault(reason, [])
            if len(shown) < EXAMPLES:
                shown.append((line, mask_niks_in_text(detail)))
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "kind": self.kind,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "rejected": sum(self.rejected.values()),
            "rejected_by_reason": dict(self.rejected.most_common()),
            "rejected_examples": {
                reason: [{"line": line, "value": value} for line, value in shown]
                for reason, shown in self.examples().items()
            },
            "flagged_by_reason": dict(self.flagged),
            "mapping": [
                {"column": c, "field": f, "by_words": c in self.matched_by_words}
                for c, f in self.mapping
            ],
            "unused_columns": self.unused_columns,
            "snapshot_date": self.snapshot_date.isoformat() if self.snapshot_date else None,
            "snapshot_date_from": self.snapshot_date_from or None,
            "snapshot_id": str(self.snapshot_id) if self.snapshot_id else None,
            "road": self.road,
        }


Progress = Callable[[int, int, int], None]  # bytes done, bytes total, rows read


@action(Perm.IMPORT_DTKS, label="Mengimpor data DTKS")
def import_snapshot(
    ctx: KioskContext,
    actor: Actor,
    path: Path,
    *,
    kind: str = "DTSEN",
    snapshot_date: date | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    clock: Clock | None = None,
    warm_index: bool = True,
    exclusive: bool = False,
    replace_smaller: bool = False,
) -> ImportReport:
    """Stream ``path`` into a new snapshot; switch it active only when complete.

    ``warm_index``: start building the name-search index in this process afterwards (a child
    process importing for the window passes False: the window's process builds its own).
    ``exclusive``: nothing else in this process touches the database meanwhile (the window's
    import process, ``puskesos dtks import``), so the Arrow road may write the load table
    directly instead of through a scratch file (2 s less at a million rows).
    ``replace_smaller``: the officer confirmed replacing the register with one under half its
    size or from another kabupaten (:class:`NeedsConfirmation` otherwise); the audit says so.
    """
    clock = clock or ctx.clock
    kind = kind.upper()
    if kind not in ("DTKS", "DTSEN"):
        raise ValidationError("Jenis data harus DTKS atau DTSEN.", field="kind")
    done = [0]
    source = open_source(Path(path), done)
    mapping = match_headers(source.headers)
    missing = [f for f in REQUIRED if f not in mapping.fields]
    if missing or ("nik" not in mapping.fields and "no_kk" not in mapping.fields):
        raise ValidationError(
            "Kolom wajib tidak ditemukan: perlu kolom nama dan NIK atau No. KK. Kolom di "
            f"berkas: {', '.join(source.headers[:20])}.",
            code="kolom_wajib",
        )
    report = ImportReport(
        str(path),
        kind,
        source.encoding,
        source.delimiter,
        mapping.describe(source.headers),
        list(mapping.unknown),
        matched_by_words=[source.headers[i] for i in sorted(mapping.by_words)],
    )
    if snapshot_date is None:
        snapshot_date, report.snapshot_date_from = snapshot_dates.find(
            Path(path), source, mapping, clock.today()
        )
    else:
        report.snapshot_date_from = "diberikan"
    report.snapshot_date = snapshot_date
    _discard_abandoned(ctx, clock.now())
    snap_id = uuid.uuid4()
    with ctx.sessions() as s, s.begin():
        s.add(
            DtksSnapshot(
                id=snap_id,
                kind=kind,
                source=Path(path).name[:300],
                snapshot_date=snapshot_date,
                imported_at=clock.now(),
                imported_by=actor.id,
                status="loading",
            )
        )
    try:
        today = clock.today()
        _load(
            ctx,
            Path(path),
            source,
            mapping,
            report,
            snap_id,
            today,
            done,
            progress,
            cancel,
            exclusive,
        )
        report.encoding = source.encoding_read  # the whole file's, not its head's
        confirmed = guard_replacement(ctx, report.imported, snap_id, replace_smaller)
        replaced = _activate(ctx, actor, report, snap_id, confirmed)
    except BaseException:
        _discard(ctx, snap_id)
        raise
    report.snapshot_id = snap_id
    _free_replaced(ctx, replaced)
    if warm_index:
        with ctx.sessions() as s:  # the first name search should not wait for the index
            warm(s, snap_id, report.imported)
    return report


def _load(
    ctx: KioskContext,
    path: Path,
    source: Source,
    mapping: Mapping,
    report: ImportReport,
    snap_id: uuid.UUID,
    today: date,
    done: list[int],
    progress: Progress | None,
    cancel: threading.Event | None,
    exclusive: bool,
) -> None:
    writer = _Writer(ctx, snap_id)
    convert = RowConverter(mapping, today, snap_id, writer.sqlite)
    load = _Load(source, convert, report, writer, done, progress, cancel)
    # Each chunk makes tens of thousands of lists and tuples that live until it is written, so
    # the cycle collector would run hundreds of times per chunk and find nothing (one
    # measurement at a million rows: 24 s with it, 17 s without; not every run shows that
    # much). Nothing made here forms a cycle (a refused row's exception is kept without its
    # traceback), so collection waits until the load is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        fast = _load_columnar(load, path, exclusive)
        report.road = "columnar" if fast else "columnar+rows" if load.resume else "rows"
        if not fast:
            if COLUMNAR:  # the Arrow road was tried (or at least loaded): give back what it held
                from kiosk.dtks import columnar

                columnar.release_memory()
            _load_rows(load)
        if progress:
            progress(source.size, source.size, report.rows_read)
        if report.imported == 0:
            raise ValidationError(
                "Tidak ada baris yang dapat diimpor; lihat alasan penolakan.", code="tanpa_baris"
            )
    finally:
        writer.close()
        if collecting:
            gc.enable()


@dataclass
class _Load:
    """What both import roads work with: the file, its rules, the report they fill, where the
    rows go, and the window's progress and cancel."""

    source: Source
    convert: RowConverter
    report: ImportReport
    writer: _Writer
    done: list[int]  # bytes read so far (the reader and the Arrow road advance it)
    progress: Progress | None
    cancel: threading.Event | None
    resume: Resume | None = None  # set when the Arrow road stopped partway

    def reject(self, line: int, reason: str, detail: str = "") -> None:
        self.report.rejected[reason] += 1
        if len(self.report.rejections) < MAX_LISTED:
            self.report.rejections.append((line, reason, detail))

    shown: int = 0  # bytes last shown: the bar never goes back when the roads hand over

    def step(self) -> None:
        """After each batch, on either road: progress shown, then a cancel honoured."""
        if self.progress:
            self.shown = max(self.shown, min(self.done[0], self.source.size))
            self.progress(self.shown, self.source.size, self.report.rows_read)
        if self.cancel is not None and self.cancel.is_set():
            raise ImportCancelled("Impor dibatalkan; data DTKS lama tetap dipakai.")


@dataclass(frozen=True)
class Resume:
    """Where the row-by-row road takes over from the Arrow road: after ``line`` (the last line
    the Arrow road checked and stored), with its repeat sets."""

    line: int
    repeats: Repeats


def _load_columnar(load: _Load, path: Path, exclusive: bool) -> bool:
    """The Arrow road (:mod:`kiosk.dtks.columnar`); False when the rest of this file (from
    ``load.resume``, or all of it) needs the other one."""
    if not COLUMNAR:
        return False
    from kiosk.dtks import columnar  # pyarrow: loaded only when this road is taken

    source, report, writer, done = load.source, load.report, load.writer, load.done
    if not (writer.sqlite and columnar.usable(source, writer.db_file)):
        return False
    assert writer.db_file is not None
    scratch = _scratch_path(writer.db_file, writer.table)
    loader = columnar.Loader(path, source, load.convert, Repeats(report), report.flagged)
    direct = False
    if exclusive:  # ADBC may write the load table itself once no connection here is open
        writer.close()
        writer.ctx.engine.dispose()
        direct = columnar.alone_with(writer.db_file)
        if not direct:
            writer.open()
    if direct:
        out = columnar.ColumnWriter(Path(writer.db_file), writer.table)
    else:
        ddl = _CREATE.sub('CREATE TABLE "t"', writer.ddl, count=1)
        out = columnar.ColumnWriter(scratch, "t", ddl)
    try:
        try:
            for batch in loader.batches():
                table = loader.check(batch, load.reject)
                del batch
                if table.num_rows:
                    out.put(table)
                    loader.count_flags(table)
                    report.imported += table.num_rows
                done[0] = min(loader.bytes_done, source.size)
                load.step()
            out.finish()
        except columnar.NotPlain as exc:
            # What was checked so far is stored as it is (the row-by-row road would store
            # exactly that: tests compare both); the row-by-row road goes on from the first
            # line not yet checked, with the same repeat sets and report.
            log.info("DTKS import: row-by-row road after line %d (%s)", loader.line, exc.reason)
            out.finish()
            out.close()
            if direct:
                writer.open()
            else:
                writer.copy_from(scratch)
            load.resume = Resume(loader.line, loader.repeats)
            done[0] = 0  # the row-by-row reader counts its own bytes from here
            return False
        out.close()
        if not direct:
            writer.copy_from(scratch)
        return True
    finally:
        out.close()
        _remove_scratch(scratch)


def _load_rows(load: _Load) -> None:
    """The row-by-row road: any file, any database; or the rest of a file after the line the
    Arrow road stopped at (``load.resume``)."""
    report = load.report
    resume = load.resume
    repeats = resume.repeats if resume else Repeats(report)
    texts = load.source.texts
    for rows, line_of in load.source.chunks(CHUNK, resume.line if resume else 1):
        values, problems = load.convert.chunk(rows, texts)
        hashes = list(map(line_hash, rows)) if texts else list(map(hash, map(tuple, rows)))
        kept = None
        if not problems:
            niks = list(map(int, filter(None, map(_NIK_OF, values))))
            kept = values if repeats.all_new(hashes, niks) else None
        if kept is None:
            niks = [
                None if v is None or isinstance(v, Rejected) or v[_NIK] is None else int(v[_NIK])
                for v in values
            ]
            kept = [values[i] for i in repeats.keep(values, hashes, niks, line_of, load.reject)]
        if kept:
            load.writer.write(kept)
            report.imported += len(kept)
            for found, count in Counter(map(_FLAGS, kept)).items():
                for flag in found.split(",") if found else ():
                    report.flagged[flag] += count
        load.step()


# The Arrow road is taken for every file it can read exactly, unless turned off: a messy
# million-row export in 1.7-1.8x the sqlite3 CLI's time (whole process) against 3.8x row by
# row, in 267-284 MB (README, "The DTKS snapshot"). Tests run every DTKS test on both roads.
COLUMNAR = os.environ.get("PUSKESOS_DTKS_COLUMNAR", "1") != "0"
CHUNK = 10_000  # rows converted, checked and written at a time; progress and cancel per chunk
_NIK = COLUMNS.index("nik")
_NIK_OF = itemgetter(_NIK)
_FLAGS = itemgetter(COLUMNS.index("flags"))


def _scratch_path(db_file: str, table: str) -> Path:
    """The file the Arrow road's ADBC driver writes first, next to the database."""
    return Path(db_file).with_name(f"{table}.scratch.sqlite3")


def _remove_scratch(scratch: Path) -> None:
    for leftover in (scratch, Path(f"{scratch}-journal")):
        leftover.unlink(missing_ok=True)


class _Writer:
    """Rows of the new snapshot, a batch per transaction (the counter keeps writing meanwhile).

    On SQLite the rows go into a table of their own with no index (:func:`load_table`), made
    from ``dtks_record``'s own definition; :func:`_activate` builds the indexes once, sorted,
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
                db.execute(_CREATE.sub(f'CREATE TABLE "{self.table}"', ddl, count=1))
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


_CREATE = re.compile(r'^CREATE TABLE\s+"?dtks_record"?', re.IGNORECASE)
STALE_LOAD = timedelta(hours=6)


def _activate(
    ctx: KioskContext,
    actor: Actor,
    report: ImportReport,
    snap_id: uuid.UUID,
    confirmed: Sequence[str] = (),
) -> list[uuid.UUID]:
    """Make the new snapshot the one every check uses, in one transaction; the replaced
    snapshots' ids are returned (nothing here runs after the commit, so a failure in it
    always leaves the old snapshot active).

    SQLite: drop the old ``dtks_record``, rename the loaded table to it and build its indexes,
    all in one write transaction; readers (WAL) keep answering from the old table until it
    commits, and other writers wait a few seconds at most (the busy timeout is ten).
    Elsewhere: only the statuses switch; :func:`_free_replaced` deletes the old rows after.
    """
    with ctx.sessions() as s, s.begin():
        conn = s.connection()
        if ctx.engine.dialect.name == "sqlite":
            db = conn.connection.driver_connection
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
                for index in sorted(DtksRecord.__table__.indexes, key=lambda i: str(i.name)):
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


def _free_replaced(ctx: KioskContext, old: list[uuid.UUID]) -> None:
    """PostgreSQL keeps the replaced snapshot's rows until here (SQLite dropped its table)."""
    if ctx.engine.dialect.name == "sqlite":
        return
    with ctx.engine.begin() as conn:
        for old_id in old:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == old_id))


def _discard(ctx: KioskContext, snap_id: uuid.UUID) -> None:
    """A cancelled or failed load: its rows go, the snapshot is marked failed."""
    with ctx.engine.begin() as conn:
        if ctx.engine.dialect.name == "sqlite":
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{load_table(snap_id)}"')
            if ctx.engine.url.database not in (None, "", ":memory:"):
                _remove_scratch(_scratch_path(ctx.engine.url.database, load_table(snap_id)))
        else:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == snap_id))
        conn.execute(update(DtksSnapshot).where(DtksSnapshot.id == snap_id).values(status="gagal"))


def _discard_abandoned(ctx: KioskContext, now: datetime) -> None:
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
        _discard(ctx, snap_id)
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
                _remove_scratch(_scratch_path(ctx.engine.url.database, table))


@dataclass(frozen=True)
class Preview:
    """Headers, the mapping found and the first rows, for the officer to confirm."""

    mapping: list[tuple[str, str]]
    unused_columns: list[str]
    sample: list[list[str]]
    encoding: str
    delimiter: str | None
    usable: bool
    problem: str
    matched_by_words: list[str] = field(default_factory=list)
    snapshot_date: date | None = None  # the export's date, when the file says it
    snapshot_date_from: str = ""


def preview(path: Path, rows: int = 5, today: date | None = None) -> Preview:
    """Read only the header and a few rows: cheap enough to run before the import."""
    source = open_source(Path(path), [0])
    mapping = match_headers(source.headers)
    first, _ = next(source.chunks(rows), ([], None))  # only these rows are read
    sample = [["" if c is None else str(c) for c in cells] for cells in first]
    usable = "name" in mapping.fields and ("nik" in mapping.fields or "no_kk" in mapping.fields)
    problem = "" if usable else "Kolom nama dan NIK atau No. KK tidak ditemukan."
    day, day_from = snapshot_dates.find(Path(path), source, mapping, today or date.today())
    return Preview(
        mapping.describe(source.headers),
        list(mapping.unknown),
        sample,
        source.encoding,
        source.delimiter,
        usable,
        problem,
        [source.headers[i] for i in sorted(mapping.by_words)],
        day,
        day_from,
    )
