"""A set of 64-bit integers in 16 bytes each, asked and grown a whole chunk at a time.

Why not a Python ``set``: a million NIKs plus a million line hashes cost about 190 MB as
``set[int]`` (a 32-byte int object and a 16-byte slot, kept at most 60 % full, for each), most
of the 300 MB an import may use. Here the values live in one numpy array used as an open
addressing table (linear probing, at most half full): 16 MB per million, and a chunk of 50,000
is looked up or added in a few vectorised passes, about as fast as the ``set`` was.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

EMPTY = -1  # never a key: NIKs are positive and CPython's hash() never returns -1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing spreads clustered NIKs
_SLICE = 1 << 16


class IntSet:
    """Distinct int64 values other than -1. Not thread-safe; one import owns one."""

    def __init__(self, bits: int = 16):
        self._bits = bits
        self._table = np.full(1 << bits, EMPTY, np.int64)
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return (keys.view(np.uint64) * _GOLDEN) >> np.uint64(64 - self._bits)

    def contains(self, keys: np.ndarray) -> np.ndarray:
        """For each key, whether it is in the set (a boolean array as long as ``keys``)."""
        keys = np.ascontiguousarray(keys, np.int64)
        found = np.zeros(keys.size, bool)
        active = np.arange(keys.size)
        slots = self._slots(keys).astype(np.int64)
        mask = (1 << self._bits) - 1
        table = self._table
        while active.size:
            stored = table[slots]
            hit = stored == keys[active]
            found[active[hit]] = True
            going = ~(hit | (stored == EMPTY))
            active = active[going]
            slots = (slots[going] + 1) & mask
        return found

    def add_new(self, keys: np.ndarray | Iterable[int]) -> None:
        """Add keys that are distinct and not in the set yet (the caller has asked
        :meth:`contains`); a key added twice would take two slots and be counted twice."""
        if not isinstance(keys, np.ndarray):
            keys = np.fromiter(keys, np.int64)
        keys = np.ascontiguousarray(keys, np.int64)
        if not keys.size:
            return
        while (self.count + keys.size) * 2 > self._table.size:
            self._grow()
        self._place(keys)
        self.count += keys.size

    def _grow(self) -> None:
        """Twice the slots. The old table goes before the new one is made and the keys move
        in slices, so growing past half a million keys costs ~10 MB above the new table
        rather than ~45 (it was the import's peak)."""
        old = self._table[self._table != EMPTY]
        self._table = np.empty(0, np.int64)
        self._bits += 1
        self._table = np.full(1 << self._bits, EMPTY, np.int64)
        for start in range(0, old.size, _SLICE):
            self._place(old[start : start + _SLICE])

    def _place(self, keys: np.ndarray) -> None:
        """Each key into the first empty slot from its own. Keys that pick the same empty
        slot in one pass race: the one whose write stuck wins, the others probe on."""
        table = self._table
        mask = (1 << self._bits) - 1
        slots = self._slots(keys).astype(np.int64)
        while keys.size:
            free = table[slots] == EMPTY
            table[slots[free]] = keys[free]
            placed = np.zeros(keys.size, bool)
            placed[free] = table[slots[free]] == keys[free]
            keys = keys[~placed]
            slots = (slots[~placed] + 1) & mask
