"""The name index's data: every row's name key, birth year and village, and the postings of
each word and its consonant skeleton; how it is built from the snapshot and searched.

Apart from :mod:`kiosk.dtks.name_index` (which keeps one per snapshot in memory, builds it in
the background and saves it) so that :mod:`kiosk.dtks.name_index_file` can read and write it
without the two modules importing each other.
"""

from __future__ import annotations

import heapq
import uuid
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    """``(row id, name key, birth year or 0, village code)`` of every row, in id order.

    Fetched 2,000 rows at a time: SQLAlchemy turns a fetched batch into rows in one call that
    holds the GIL, and a build runs behind the window. At 20,000 a batch the window was held
    70-190 ms every half second of a million-row build; at 2,000, at most 31 ms, and the
    build is faster (10.2 s against 11.7 s; tests/ui/test_loop_stalls.py)."""
    village_codes: dict[str, str] = {}
    rows = session.execute(
        select(DtksRecord.id, DtksRecord.name_key, DtksRecord.birth_date, DtksRecord.village_code)
        .where(DtksRecord.snapshot_id == snapshot_id)
        .order_by(DtksRecord.id)
        .execution_options(yield_per=2_000)
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
