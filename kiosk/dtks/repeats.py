"""Exact repeated lines and repeated NIKs over a whole file: the first one wins.

Shared by both import roads so that which of two rows is kept never depends on the road.
A line is known by a 64-bit hash of its cells and a NIK by its integer value: a million of
each in well under 150 MB.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kiosk.dtks.rows import Rejected

SAME_NIK = "NIK ganda dalam berkas (isi berbeda)"


class Repeats:
    def __init__(self, report: Any):
        self.report = report  # rows_read and duplicates are counted on it
        self.lines: set[int] = set()
        self.niks: set[int] = set()

    def all_new(self, hashes: list[int], niks: list[int]) -> bool:
        """The usual chunk: no line and no NIK seen before, in it or earlier. Then the seen
        sets grow by the whole chunk at once; otherwise (False) nothing has been touched."""
        lines = set(hashes)
        if len(lines) != len(hashes) or not self.lines.isdisjoint(lines):
            return False
        unique = set(niks)
        if len(unique) != len(niks) or not self.niks.isdisjoint(unique):
            return False
        self.lines |= lines
        self.niks |= unique
        self.report.rows_read += len(hashes)
        return True

    def keep(
        self,
        entries: Sequence[Any],
        hashes: Sequence[int],
        niks: Sequence[int | None],
        line_of: Callable[[int], int],
        reject: Callable[[int, str], None],
    ) -> list[int]:
        """Row by row, in file order: the positions to store. ``entries[i]`` is None for a
        blank line (not counted), a :class:`Rejected` for a refused row, else anything."""
        kept = []
        report = self.report
        for i, entry in enumerate(entries):
            if entry is None:
                continue
            report.rows_read += 1
            if hashes[i] in self.lines:
                report.duplicates += 1
                continue
            self.lines.add(hashes[i])
            if isinstance(entry, Rejected):
                reject(line_of(i), entry.reason)
                continue
            if (nik := niks[i]) is not None:
                if nik in self.niks:
                    reject(line_of(i), SAME_NIK)
                    continue
                self.niks.add(nik)
            kept.append(i)
        return kept
