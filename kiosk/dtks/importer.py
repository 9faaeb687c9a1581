"""Import a DTKS/DTSEN export as a new snapshot, replacing the old one atomically.

The new rows go in under a snapshot marked ``loading``; the old snapshot stays ``active`` and
answers every DTKS check meanwhile. Only when the whole file is in does one short transaction
switch them. A cancel, a crash or an error deletes the half-loaded rows and leaves the old
snapshot untouched.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select, update

from kiosk.clock import Clock
from kiosk.context import KioskContext
from kiosk.dtks.columns import REQUIRED, match_headers
from kiosk.dtks.name_index import warm
from kiosk.dtks.reader import open_source
from kiosk.dtks.rows import Rejected, parse_row
from kiosk.errors import KioskError, ValidationError
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.journal import audit

BATCH = 5000
MAX_LISTED = 10_000  # rejections listed one by one; all are counted


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
    rejected: Counter[str] = field(default_factory=Counter)
    rejections: list[tuple[int, str]] = field(default_factory=list)
    snapshot_id: uuid.UUID | None = None

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
            "rejected_by_reason": dict(self.rejected),
            "flagged_by_reason": dict(self.flagged),
            "mapping": [{"column": c, "field": f} for c, f in self.mapping],
            "unused_columns": self.unused_columns,
            "snapshot_id": str(self.snapshot_id) if self.snapshot_id else None,
        }


Progress = Callable[[int, int, int], None]  # bytes done, bytes total, rows read


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
) -> ImportReport:
    """Stream ``path`` into a new snapshot; switch it active only when complete.

    ``warm_index``: start building the name-search index in this process afterwards (a child
    process importing for the window passes False: the window's process builds its own).
    """
    clock = clock or ctx.clock
    kind = kind.upper()
    if kind not in ("DTKS", "DTSEN"):
        raise ValidationError("Jenis data harus DTKS atau DTSEN.", field="kind")
    with ctx.sessions() as s, s.begin():
        authorize(s, actor, Perm.IMPORT_DTKS)
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
    )
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
        _load(ctx, source, mapping, report, snap_id, clock.today(), done, progress, cancel)
        _activate(ctx, actor, report, snap_id)
    except BaseException:
        with ctx.engine.begin() as conn:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == snap_id))
            conn.execute(
                update(DtksSnapshot).where(DtksSnapshot.id == snap_id).values(status="gagal")
            )
        raise
    report.snapshot_id = snap_id
    if warm_index:
        with ctx.sessions() as s:  # the first name search should not wait for the index
            warm(s, snap_id, report.imported)
    return report


def _load(
    ctx: KioskContext,
    source,
    mapping,
    report: ImportReport,
    snap_id: uuid.UUID,  # type: ignore[no-untyped-def]
    today: date,
    done: list[int],
    progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    # 8-byte digests and NIKs as integers: a million of each in well under 150 MB.
    seen_lines: set[int] = set()
    seen_nik: set[int] = set()
    batch: list[dict[str, object]] = []
    writer = _Writer(ctx)

    def reject(line: int, reason: str) -> None:
        report.rejected[reason] += 1
        if len(report.rejections) < MAX_LISTED:
            report.rejections.append((line, reason))

    def flush() -> None:
        if batch:
            writer.write(batch)
            report.imported += len(batch)
            batch.clear()

    try:
        for line, cells in source.rows:
            if not any(c not in (None, "") for c in cells):
                continue  # blank line
            report.rows_read += 1
            digest = int.from_bytes(hashlib.blake2b(repr(cells).encode(), digest_size=8).digest())
            if digest in seen_lines:
                report.duplicates += 1
                continue
            seen_lines.add(digest)
            try:
                parsed = parse_row(cells, mapping, today)
            except Rejected as exc:
                reject(line, exc.reason)
                continue
            nik = parsed.values["nik"]
            if nik is not None:
                as_int = int(nik)  # type: ignore[call-overload]
                if as_int in seen_nik:
                    reject(line, "NIK ganda dalam berkas (isi berbeda)")
                    continue
                seen_nik.add(as_int)
            for flag in parsed.flags:
                report.flagged[flag] += 1
            parsed.values["snapshot_id"] = snap_id
            batch.append(parsed.values)
            if len(batch) >= BATCH:
                flush()
                if progress:
                    progress(done[0], source.size, report.rows_read)
                if cancel is not None and cancel.is_set():
                    raise ImportCancelled("Impor dibatalkan; data DTKS lama tetap dipakai.")
        if cancel is not None and cancel.is_set():
            raise ImportCancelled("Impor dibatalkan; data DTKS lama tetap dipakai.")
        flush()
        if progress:
            progress(source.size, source.size, report.rows_read)
        if report.imported == 0:
            raise ValidationError(
                "Tidak ada baris yang dapat diimpor; lihat alasan penolakan.", code="tanpa_baris"
            )
    finally:
        writer.close()


class _Writer:
    """Rows into ``dtks_record``, a batch per transaction (the counter keeps writing meanwhile).

    On SQLite: plain tuples through the driver's ``executemany`` on one connection set to
    ``synchronous=NORMAL`` (a snapshot being loaded is invisible and re-importable, so it needs
    no fsync per batch; the connection is set back to FULL before it returns to the pool).
    Elsewhere: SQLAlchemy's bulk insert.
    """

    def __init__(self, ctx: KioskContext):
        self.ctx = ctx
        self.sqlite = ctx.engine.dialect.name == "sqlite"
        self.raw = None
        if self.sqlite:
            self.columns = [c.name for c in DtksRecord.__table__.columns if c.name != "id"]
            marks = ", ".join("?" for _ in self.columns)
            self.sql = f"INSERT INTO dtks_record ({', '.join(self.columns)}) VALUES ({marks})"
            self.raw = ctx.engine.raw_connection()
            self.raw.driver_connection.execute("PRAGMA synchronous=NORMAL")
            # A bigger page cache keeps the three indexes' upper levels in memory: at a
            # million rows the default 2 MB turns every index insert into disk reads.
            # 32 MB keeps a million-row import under its 300 MB budget.
            self.raw.driver_connection.execute("PRAGMA cache_size=-32768")

    def write(self, batch: list[dict[str, object]]) -> None:
        if not self.sqlite:
            with self.ctx.engine.begin() as conn:
                conn.execute(insert(DtksRecord), batch)
            return
        assert self.raw is not None
        rows = [tuple(_sqlite_value(r.get(c)) for c in self.columns) for r in batch]
        cursor = self.raw.cursor()
        try:
            cursor.executemany(self.sql, rows)
            self.raw.commit()
        except BaseException:
            self.raw.rollback()
            raise
        finally:
            cursor.close()

    def close(self) -> None:
        if self.raw is not None:
            self.raw.driver_connection.execute("PRAGMA synchronous=FULL")
            self.raw.driver_connection.execute("PRAGMA cache_size=-2000")
            self.raw.close()
            self.raw = None


def _sqlite_value(value: object) -> object:
    """What SQLAlchemy would store on SQLite: UUIDs as 32 hex digits, dates as ISO text."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, date):
        return value.isoformat()
    return value


def _activate(ctx: KioskContext, actor: Actor, report: ImportReport, snap_id: uuid.UUID) -> None:
    with ctx.sessions() as s, s.begin():
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
            {"rows": report.imported, "rejected": snap.rejected_count, "kind": report.kind},
        )
    with ctx.engine.begin() as conn:  # space: the replaced snapshot's rows are not needed
        for old_id in old:
            conn.execute(delete(DtksRecord).where(DtksRecord.snapshot_id == old_id))


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


def preview(path: Path, rows: int = 5) -> Preview:
    """Read only the header and a few rows: cheap enough to run before the import."""
    source = open_source(Path(path), [0])
    mapping = match_headers(source.headers)
    sample = []
    for _, cells in source.rows:
        sample.append(["" if c is None else str(c) for c in cells])
        if len(sample) >= rows:
            break
    usable = "name" in mapping.fields and ("nik" in mapping.fields or "no_kk" in mapping.fields)
    problem = "" if usable else "Kolom nama dan NIK atau No. KK tidak ditemukan."
    return Preview(
        mapping.describe(source.headers),
        list(mapping.unknown),
        sample,
        source.encoding,
        source.delimiter,
        usable,
        problem,
    )
