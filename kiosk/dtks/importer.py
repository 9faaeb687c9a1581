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
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.clock import Clock
from kiosk.context import KioskContext
from kiosk.dtks import snapshot_date as snapshot_dates
from kiosk.dtks.columns import REQUIRED, Mapping, match_headers
from kiosk.dtks.guard import guard_replacement
from kiosk.dtks.name_index import save_for_import
from kiosk.dtks.reader import Source, open_source
from kiosk.dtks.rows import COLUMNS, Rejected, RowConverter
from kiosk.dtks.store import (
    CREATE_RE,
    Writer,
    activate,
    discard,
    discard_abandoned,
    free_replaced,
    remove_scratch,
    scratch_path,
)
from kiosk.errors import KioskError, ValidationError
from kiosk.identity import mask_niks_in_text
from kiosk.messages import _
from kiosk.models import DtksSnapshot
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.registry import action

if TYPE_CHECKING:  # numpy's start holds the GIL 50 ms: loaded by an import, not by the window
    from kiosk.dtks.repeats import Repeats

log = logging.getLogger(__name__)
MAX_LISTED = 10_000  # rejections listed one by one; all are counted
EXAMPLES = 3  # rows shown per reason in the summary


class CancelFlag(Protocol):
    """What a cancel request offers: a threading.Event, or a process event's view of one."""

    def is_set(self) -> bool: ...


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


def _required_columns(source: Source) -> Mapping:
    """The file's columns matched to ours; refused without a name and a NIK or No. KK."""
    mapping = match_headers(source.headers)
    missing = [f for f in REQUIRED if f not in mapping.fields]
    if missing or ("nik" not in mapping.fields and "no_kk" not in mapping.fields):
        raise ValidationError(
            _(
                "Kolom wajib tidak ditemukan: perlu kolom nama dan NIK atau No. KK. "
                "Kolom di berkas: {0}."
            ).format(", ".join(source.headers[:20])),
            code="kolom_wajib",
        )
    return mapping


def _new_report(
    path: Path,
    kind: str,
    source: Source,
    mapping: Mapping,
    snapshot_date: date | None,
    clock: Clock,
) -> ImportReport:
    """The report as far as the file's head tells: columns, encoding, the data's date."""
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
            path, source, mapping, clock.today()
        )
    else:
        report.snapshot_date_from = "diberikan"
    report.snapshot_date = snapshot_date
    return report


@action(Perm.IMPORT_DTKS, label="Mengimpor data DTKS")
def import_snapshot(
    ctx: KioskContext,
    actor: Actor,
    path: Path,
    *,
    kind: str = "DTSEN",
    snapshot_date: date | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    clock: Clock | None = None,
    warm_index: bool = True,
    exclusive: bool = False,
    replace_smaller: bool = False,
) -> ImportReport:
    """Stream ``path`` into a new snapshot; switch it active only when complete.

    The name-search index is built here, once, and kept beside the database with the snapshot
    (:func:`save_for_import`): no later process builds it. ``warm_index`` is kept for callers;
    the import's child process passes False (its memory goes with it; the file stays).
    ``exclusive``: nothing else in this process touches the database meanwhile (the window's
    import process, ``puskesos dtks import``), so the Arrow road may write the load table
    directly instead of through a scratch file (2 s less at a million rows).
    ``replace_smaller``: the officer confirmed replacing the register with one under half its
    size or from another kabupaten (:class:`NeedsConfirmation` otherwise); the audit says so.
    """
    clock = clock or ctx.clock
    kind = kind.upper()
    if kind not in ("DTKS", "DTSEN"):
        raise ValidationError(_("Jenis data harus DTKS atau DTSEN."), field="kind")
    done = [0]
    source = open_source(Path(path), done)
    mapping = _required_columns(source)
    report = _new_report(Path(path), kind, source, mapping, snapshot_date, clock)
    snapshot_date = report.snapshot_date
    discard_abandoned(ctx, clock.now())
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
        replaced = activate(ctx, actor, report, snap_id, confirmed)
    except BaseException:
        discard(ctx, snap_id)
        raise
    report.snapshot_id = snap_id
    free_replaced(ctx, replaced)
    with ctx.sessions() as s:  # the first name search should not wait for the index
        save_for_import(s, snap_id)
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
    cancel: CancelFlag | None,
    exclusive: bool,
) -> None:
    writer = Writer(ctx, snap_id)
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
                from kiosk.dtks import column_writer

                column_writer.release_memory()
            _load_rows(load)
        if progress:
            progress(source.size, source.size, report.rows_read)
        if report.imported == 0:
            raise ValidationError(
                _("Tidak ada baris yang dapat diimpor; lihat alasan penolakan."), code="tanpa_baris"
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
    writer: Writer
    done: list[int]  # bytes read so far (the reader and the Arrow road advance it)
    progress: Progress | None
    cancel: CancelFlag | None
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
            raise ImportCancelled(_("Impor dibatalkan; data DTKS lama tetap dipakai."))


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
    from kiosk.dtks import column_writer, columnar  # pyarrow: loaded only on this road
    from kiosk.dtks.repeats import Repeats

    source, report, writer, done = load.source, load.report, load.writer, load.done
    if not (writer.sqlite and columnar.usable(source, writer.db_file)):
        return False
    assert writer.db_file is not None
    scratch = scratch_path(writer.db_file, writer.table)
    loader = columnar.Loader(path, source, load.convert, Repeats(report), report.flagged)
    direct = False
    if exclusive:  # ADBC may write the load table itself once no connection here is open
        writer.close()
        writer.ctx.engine.dispose()
        direct = column_writer.alone_with(writer.db_file)
        if not direct:
            writer.open()
    if direct:
        out = column_writer.ColumnWriter(Path(writer.db_file), writer.table)
    else:
        ddl = CREATE_RE.sub('CREATE TABLE "t"', writer.ddl, count=1)
        out = column_writer.ColumnWriter(scratch, "t", ddl)
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
        remove_scratch(scratch)


def _load_rows(load: _Load) -> None:
    """The row-by-row road: any file, any database; or the rest of a file after the line the
    Arrow road stopped at (``load.resume``)."""
    from kiosk.dtks.repeats import Repeats, line_hash

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
            some_niks: list[int | None] = [
                None if v is None or isinstance(v, Rejected) or v[_NIK] is None else int(v[_NIK])
                for v in values
            ]
            kept = [
                values[i] for i in repeats.keep(values, hashes, some_niks, line_of, load.reject)
            ]
        if kept:
            load.writer.write(kept)
            report.imported += len(kept)
            for found, count in Counter(map(_FLAGS, kept)).items():
                for flag in found.split(",") if found else ():
                    report.flagged[flag] += count
        load.step()


# The Arrow road is taken for every file it can read exactly, unless turned off: a messy
# million-row export in 1.7-1.8x the sqlite3 CLI's time (whole process) against 3.8x row by
# row, in 267-284 MB (docs/decisions.md). Tests run every DTKS test on both roads.
COLUMNAR = os.environ.get("PUSKESOS_DTKS_COLUMNAR", "1") != "0"
CHUNK = 10_000  # rows converted, checked and written at a time; progress and cancel per chunk
_NIK = COLUMNS.index("nik")
_NIK_OF = itemgetter(_NIK)
_FLAGS = itemgetter(COLUMNS.index("flags"))


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
    first, _unused = next(source.chunks(rows), ([], None))  # only these rows are read
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
