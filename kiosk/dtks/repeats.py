"""Exact repeated lines and repeated NIKs over a whole file: the first one wins.

Shared by both import roads so that which of two rows is kept never depends on the road.
A line is known by a 64-bit hash of its cells and a NIK by its integer value, each kept in an
:class:`~kiosk.dtks.seen.IntSet`: a million of each in about 32 MB (190 MB as Python sets).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from kiosk.dtks.rows import Rejected
from kiosk.dtks.seen import EMPTY, IntSet
from kiosk.identity import mask_nik

SAME_NIK = "NIK ganda dalam berkas (isi berbeda)"
SEP = "\x1f"


def line_hash(cells: list[str]) -> int:
    """A CSV row's identity for "the same line again", as the Arrow road computes it (its
    cells joined by the unit separator, as UTF-8 bytes): a file the Arrow road started and the
    row-by-row road finishes compares lines from both halves. A row with that separator in a
    cell (never on the Arrow road) is known by its cells instead, so no two rows collide."""
    joined = SEP.join(cells)
    if joined.count(SEP) != max(len(cells) - 1, 0):
        return hash(tuple(cells))
    return hash(joined.encode())


class Repeats:
    def __init__(self, report: Any):
        self.report = report  # rows_read and duplicates are counted on it
        self.lines = IntSet()
        self.niks = IntSet()

    def all_new(self, hashes: Sequence[int] | np.ndarray, niks: Sequence[int] | np.ndarray) -> bool:
        """The usual chunk: no line and no NIK seen before, in it or earlier. Then the seen
        sets grow by the whole chunk at once; otherwise (False) nothing has been touched."""
        lines = np.asarray(hashes, np.int64)
        if _repeats_within(lines) or self.lines.contains(lines).any():
            return False
        unique = np.asarray(niks, np.int64)
        if _repeats_within(unique) or self.niks.contains(unique).any():
            return False
        self.lines.add_new(lines)
        self.niks.add_new(unique)
        self.report.rows_read += lines.size
        return True

    def keep(
        self,
        entries: Sequence[Any] | dict[int, Any],
        hashes: Sequence[int],
        niks: Sequence[int | None] | np.ndarray,
        line_of: Callable[[int], int],
        reject: Callable[[int, str, str], None],
        present: np.ndarray | None = None,
        refused: np.ndarray | None = None,
    ) -> list[int]:
        """Row by row, in file order: the positions to store. ``entries[i]`` is None for a
        blank line (not counted), a :class:`Rejected` for a refused row, else anything.
        ``present`` and ``refused``, when the caller has them as masks already, spare a pass
        over every entry (the Arrow road's batches).

        Only rows whose line or NIK also occurs elsewhere in the chunk or in an earlier one
        ("involved") need the ordered bookkeeping; which of them wins never depends on the
        others, so those only count and pass (a chunk with one repeat used to walk all its
        50,000 rows through the sets: 1 s of a million-row import)."""
        n = len(hashes)
        lines = np.asarray(hashes, np.int64)
        if isinstance(niks, np.ndarray):  # -1 for none, as the Arrow road has them
            numbers = niks.astype(np.int64, copy=False)
        else:
            numbers = np.fromiter((EMPTY if k is None else k for k in niks), np.int64, n)
        if present is None:
            present = np.fromiter((e is not None for e in entries), bool, n)
        if refused is None:
            refused = np.fromiter((isinstance(e, Rejected) for e in entries), bool, n)
        involved = _collides(self.lines, lines, present) | _collides(self.niks, numbers, present)
        seen_lines = _earlier(self.lines, lines[involved])  # then grown by this chunk
        seen_niks = _earlier(self.niks, numbers[involved & (numbers != EMPTY)])
        new_lines: list[int] = []
        new_niks: list[int] = []
        plain = present & ~involved
        kept = np.flatnonzero(plain & ~refused).tolist()  # stored with no question
        report = self.report
        report.rows_read += int(present.sum())
        for i in np.flatnonzero(present & (involved | refused)).tolist():  # in file order
            entry = entries[i]
            if not involved[i]:  # refused, its line seen nowhere else
                reject(line_of(i), entry.reason, entry.detail)
                continue
            if hashes[i] in seen_lines:
                report.duplicates += 1
                continue
            seen_lines.add(hashes[i])
            new_lines.append(hashes[i])
            if isinstance(entry, Rejected):
                reject(line_of(i), entry.reason, entry.detail)
                continue
            if (nik := int(numbers[i])) != EMPTY:
                if nik in seen_niks:
                    reject(line_of(i), SAME_NIK, mask_nik(str(nik)))
                    continue
                seen_niks.add(nik)
                new_niks.append(nik)
            kept.append(i)
        kept.sort()
        self.lines.add_new(np.concatenate([lines[plain], np.array(new_lines, np.int64)]))
        plain &= numbers != EMPTY  # refused and blank rows carry no NIK
        self.niks.add_new(np.concatenate([numbers[plain], np.array(new_niks, np.int64)]))
        return kept


def _collides(seen: IntSet, keys: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Rows whose key (-1: none) is in ``seen`` or on another present row of the chunk."""
    valid = present & (keys != EMPTY)
    out = np.zeros(keys.size, bool)
    picked = keys[valid]
    hit = seen.contains(picked)
    order = np.argsort(picked, kind="stable")
    ordered = picked[order]
    same = ordered[1:] == ordered[:-1]
    twice = np.zeros(picked.size, bool)
    twice[1:] |= same
    twice[:-1] |= same
    hit[order[twice]] = True
    out[valid] = hit
    return out


def _repeats_within(keys: np.ndarray) -> bool:
    ordered = np.sort(keys)  # np.unique is ten times slower: it sorts indices too
    return bool((ordered[1:] == ordered[:-1]).any())


def _earlier(seen: IntSet, values: Sequence[int]) -> set[int]:
    keys = np.asarray(values, np.int64)
    return set(keys[seen.contains(keys)].tolist())
