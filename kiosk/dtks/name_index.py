"""Spelling-tolerant name search over a district's snapshot, fast enough to type into.

``name_key`` already folds the usual variants (Muhammad / Moh. / M., y/i, oe/u, doubled
letters, titles) so those are exact matches. What it cannot fold is a plain typo ("Fatimha",
"Srii Rahyu"). For those, the index keeps, per snapshot and in memory:

* the name keys of every row (for rapidfuzz to rank),
* postings from each name token, and from each token's *consonant skeleton* ("fatimha" and
  "fatimah" both give "ftm"), to the rows holding it,
* each row's village code and birth year, so the officer can narrow a common name.

A query gathers candidates from its tokens' postings (a typo in one token still finds the row
through another token or through the skeleton), narrows them, and ranks them with rapidfuzz's
``token_sort_ratio``; rows holding every typed word rank too ("Siti" finds every Siti). Only when
that finds nothing does it rank every row (small snapshots only). Built once per snapshot, by
the import, and kept beside the database (:mod:`kiosk.dtks.name_index_file`): a process reads
it on its first name search; dropped from memory when another snapshot becomes active.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import uuid
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from kiosk.dtks import name_index_file
from kiosk.dtks.name_postings import (  # NameIndex is also read from here by tests and bench
    NameIndex,
    rows_of,
)

_cache: dict[uuid.UUID, NameIndex] = {}
_building: set[uuid.UUID] = set()
_lock = threading.Lock()
BUILD_INLINE_ROWS = 150_000  # up to this size a first search waits for a build (< 3 s)
builds = 0  # indexes built in this process (a test sees that a saved one was read instead)


def _file(bind: Engine | Connection, snapshot_id: uuid.UUID) -> Path | None:
    """The index's file beside a SQLite database; None elsewhere (PostgreSQL, in memory)."""
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine.dialect.name != "sqlite":
        return None
    return name_index_file.path_for(engine.url.database, snapshot_id)


def build_and_save(session: Session, snapshot_id: uuid.UUID) -> NameIndex:
    """Build the index of ``snapshot_id`` in memory, keep it in this process, and save it
    beside the database for the next process (a search that found no file)."""
    global builds
    built = NameIndex.build(session, snapshot_id)
    builds += 1
    path = _file(session.get_bind(), snapshot_id)
    if path is not None:
        with contextlib.suppress(OSError):  # a full disk: searches build it again later
            name_index_file.save(built, path)
    _keep(built)
    return built


def save_for_import(session: Session, snapshot_id: uuid.UUID) -> None:
    """The import's step: the index written beside the database straight from the rows, never
    held whole (the import's peak memory stays what loading costs); no process builds it
    again. Without a database file (PostgreSQL) it is built in memory, as a search would."""
    path = _file(session.get_bind(), snapshot_id)
    if path is None:
        build_and_save(session, snapshot_id)
        return
    with contextlib.suppress(OSError):  # a full disk: the first search builds it
        name_index_file.write_rows(rows_of(session, snapshot_id), snapshot_id, path)


def index_for(session: Session, snapshot_id: uuid.UUID, rows: int) -> NameIndex | None:
    """The index of ``snapshot_id``: this process's, else the one saved beside the database
    (read in a fraction of a second at any size), else built. A small snapshot builds it now;
    a large one starts building it in the background and returns ``None`` meanwhile (the
    caller answers from SQL). A built index is saved for the next process."""
    with _lock:
        found = _cache.get(snapshot_id)
        if found is not None:
            return found
    bind = session.get_bind()
    path = _file(bind, snapshot_id)
    if path is not None and (loaded := name_index_file.load(path, snapshot_id)) is not None:
        _keep(loaded)
        return loaded
    with _lock:
        if rows > BUILD_INLINE_ROWS:
            if snapshot_id not in _building:
                _building.add(snapshot_id)
                threading.Thread(
                    target=_build_apart,
                    args=(bind, snapshot_id),
                    daemon=True,
                    name="dtks-name-index",
                ).start()
            return None
    return build_and_save(session, snapshot_id)


def ready(snapshot_id: uuid.UUID) -> NameIndex | None:
    """The index of ``snapshot_id`` if this process holds it already (never reads or builds)."""
    with _lock:
        return _cache.get(snapshot_id)


def _keep(index: NameIndex) -> None:
    with _lock:
        _cache.clear()
        _cache[index.snapshot_id] = index
        _building.discard(index.snapshot_id)


def _build_apart(bind: Engine | Connection, snapshot_id: uuid.UUID) -> None:
    """The build behind the window, with no garbage collection meanwhile: it makes millions
    of objects, and each full collection they set off walked them all holding the GIL,
    holding the window 36-45 ms every half second of a million-row build. What the build
    leaves is freed by reference counting; a collection runs again once it is done."""
    was = gc.isenabled()
    gc.disable()
    try:
        with Session(bind) as session:
            build_and_save(session, snapshot_id)
    finally:
        gc.freeze()  # the index lives on: the first collection would walk all of it
        if was:
            gc.enable()
        with _lock:
            _building.discard(snapshot_id)


def warm(session: Session, snapshot_id: uuid.UUID, rows: int) -> None:
    """After an import: read the saved index (or start building it), so the first search is
    fast."""
    index_for(session, snapshot_id, max(rows, BUILD_INLINE_ROWS + 1))
