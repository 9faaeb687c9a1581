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
import heapq
import threading
import uuid
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from kiosk.dtks import name_index_file
from kiosk.models import DtksRecord
from kiosk.names import name_key

VOWELS = str.maketrans("", "", "aeiou")
MIN_SCORE = 60.0
CANDIDATES = 20_000  # ranked per query at most (unless one word alone brings more)
FULL_SCAN_ROWS = 200_000  # above this a full ranking takes longer than an officer should wait


def skeleton(token: str) -> str:
    """Consonants in order, doubled ones merged: robust to vowel slips and swapped vowels."""
    out: list[str] = []
    for ch in token.translate(VOWELS):
        if not out or out[-1] != ch:
            out.append(ch)
    return "~" + "".join(out) if out else ""


@dataclass
class NameIndex:
    snapshot_id: uuid.UUID
    ids: array[int] = field(default_factory=lambda: array("q"))
    keys: list[str] = field(default_factory=list)
    years: array[int] = field(default_factory=lambda: array("H"))
    villages: list[str] = field(default_factory=list)
    postings: dict[str, array[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, session: Session, snapshot_id: uuid.UUID) -> NameIndex:
        index = cls(snapshot_id)
        for row in rows_of(session, snapshot_id):
            index.add(*row)
        return index

    def add(self, row_id: int, key: str, year: int, village: str) -> None:
        pos = len(self.keys)
        self.ids.append(row_id)
        self.keys.append(key)
        self.years.append(year)
        self.villages.append(village)
        post(self.postings, pos, key)

    def search(
        self,
        query: str,
        limit: int = 10,
        village: str | None = None,
        birth_year: int | None = None,
    ) -> list[tuple[int, float]]:
        """``[(row id, score)]``, best first."""
        key = name_key(query)
        if not key:
            return []
        tokens = key.split()
        whole: set[int] | None = None  # rows holding every query token exactly
        for token in sorted(tokens, key=lambda t: len(self.postings.get(t, ()))):
            exact = self.postings.get(token)
            whole = (set(exact) if whole is None else whole & set(exact)) if exact else set()
        # Rarest terms first, until enough candidates: a misspelled person shares their rarer
        # words (family name, second name) with the query; "siti" alone would bring 5 %.
        buckets = [
            b for t in tokens for b in (self.postings.get(t), self.postings.get(skeleton(t))) if b
        ]
        candidates: set[int] = set()
        for bucket in sorted(buckets, key=len):
            if candidates and len(candidates) + len(bucket) > CANDIDATES:
                break
            candidates.update(bucket)
        ranked = self._rank(key, candidates, whole or set(), limit, village, birth_year)
        if not ranked and len(candidates) < len(self.keys) <= FULL_SCAN_ROWS:
            # Every token mistyped: rank every row, where that is still quick.
            ranked = self._rank(key, range(len(self.keys)), set(), limit, village, birth_year)
        return [(self.ids[pos], score) for pos, score in ranked]

    def _keep(
        self,
        positions: set[int] | range | list[int],
        village: str | None,
        birth_year: int | None,
    ) -> set[int] | range | list[int]:
        if not (village or birth_year):
            return positions
        return [
            p
            for p in positions
            if (not village or self.villages[p] == village)
            and (not birth_year or self.years[p] == birth_year)
        ]

    def _rank(
        self,
        key: str,
        positions: set[int] | range | list[int],
        whole: set[int],
        limit: int,
        village: str | None,
        birth_year: int | None,
    ) -> list[tuple[int, float]]:
        """Whole-name similarity (token_sort_ratio: "Ida Maulana" is not "Dalima Ida Maulana"),
        and rows holding every typed word ("Siti" finds every Siti, fewest extra words first)."""
        positions = self._keep(positions, village, birth_year)
        if isinstance(positions, range) and len(positions) == len(self.keys):
            order: list[int] | range = positions
            choices = self.keys  # every row: no copy
        else:
            order = list(positions)
            keys = self.keys
            choices = [keys[p] for p in order]
        from rapidfuzz import fuzz, process  # 0.1 s of import: only when a name is searched

        found = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=MIN_SCORE
        )
        scores = {order[i]: score for _, score, i in found}
        words = len(key.split())
        fuller = heapq.nsmallest(
            limit, self._keep(whole, village, birth_year), key=lambda p: len(self.keys[p])
        )
        for p in fuller:
            extra = len(self.keys[p].split()) - words
            scores[p] = max(scores.get(p, 0.0), 100.0 if extra == 0 else 95.0 - extra)
        return sorted(scores.items(), key=lambda item: item[1], reverse=True)[:limit]


def rows_of(session: Session, snapshot_id: uuid.UUID) -> Iterator[tuple[int, str, int, str]]:
    """``(row id, name key, birth year or 0, village code)`` of every row, in id order."""
    village_codes: dict[str, str] = {}
    rows = session.execute(
        select(DtksRecord.id, DtksRecord.name_key, DtksRecord.birth_date, DtksRecord.village_code)
        .where(DtksRecord.snapshot_id == snapshot_id)
        .order_by(DtksRecord.id)
        .execution_options(yield_per=20_000)
    )
    for row_id, key, born, village in rows:
        code = village or ""
        yield row_id, key, born.year if born else 0, village_codes.setdefault(code, code)


def post(postings: dict[str, array[int]], pos: int, key: str) -> None:
    """Row ``pos`` under each word of ``key`` and each word's consonant skeleton."""
    for token in set(key.split()):
        for term in (token, skeleton(token)):
            if term:
                bucket = postings.get(term)
                if bucket is None:
                    postings[term] = bucket = array("I")
                bucket.append(pos)


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
    try:
        with Session(bind) as session:
            build_and_save(session, snapshot_id)
    finally:
        with _lock:
            _building.discard(snapshot_id)


def warm(session: Session, snapshot_id: uuid.UUID, rows: int) -> None:
    """After an import: read the saved index (or start building it), so the first search is
    fast."""
    index_for(session, snapshot_id, max(rows, BUILD_INLINE_ROWS + 1))
