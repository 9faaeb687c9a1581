"""The name index kept beside the database, one file per snapshot, so no process rebuilds it.

Building the index of a million-row snapshot took 26-34 s in the window (and froze it again
and again); reading it back takes a fraction of a second. The import builds it and writes it
here; a process's first name search reads it (:func:`kiosk.dtks.name_index.index_for`).

Layout: one JSON line (format, snapshot, sizes), then the arrays as raw bytes in a fixed order:
row ids, birth years, village numbers, the postings' lengths and positions, then the name keys,
the villages and the terms, each joined by newlines (keys hold only a-z and spaces). Owner-only
(0600): it holds the name keys of every person in the register, as the database does. A file
that does not match what it says is ignored (the index is built again).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import uuid
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from kiosk.dtks.name_postings import NameIndex

FORMAT = 1
PREFIX = "dtks-nama-"


def path_for(db_file: str | None, snapshot_id: uuid.UUID) -> Path | None:
    """Where the index of ``snapshot_id`` lives beside ``db_file`` (None: no database file)."""
    if db_file in (None, "", ":memory:"):
        return None
    assert db_file is not None
    return Path(db_file).with_name(f"{PREFIX}{snapshot_id.hex}.idx")


def _raw(a: array[int]) -> bytes:
    if sys.byteorder != "little":  # files move between laptops: one byte order
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


SLICE = 50_000  # items per C call: a million at once held the GIL (the window) 20-60 ms


def _slices(items: list[str]) -> Iterator[list[str]]:
    """``items`` a slice at a time: each pass over a slice is one short C call, and between
    two the window's thread gets the GIL (an index is built and saved behind the window)."""
    for start in range(0, len(items), SLICE):
        yield items[start : start + SLICE]


def _text_size(items: list[str] | bytes) -> int:
    """Bytes of ``items`` joined by newlines (ASCII: one byte a character)."""
    if isinstance(items, bytes):
        return len(items)
    return sum(sum(map(len, part)) for part in _slices(items)) + max(len(items) - 1, 0)


def _write_text(f: BinaryIO, items: list[str] | bytes) -> None:
    """``items`` joined by newlines, a slice at a time (a million keys joined at once would
    be another 60 MB at the import's peak)."""
    if isinstance(items, bytes):
        f.write(items)
        return
    for start in range(0, len(items), 50_000):
        if start:
            f.write(b"\n")
        f.write("\n".join(items[start : start + 50_000]).encode("ascii"))


def _text(items: list[str]) -> list[str] | bytes:
    """Name keys are a-z and spaces (written in slices); anything else, encoded whole."""
    plain = all(all(map(str.isascii, part)) for part in _slices(items))
    return items if plain else "\n".join(items).encode("utf-8")


def save(index: NameIndex, path: Path) -> None:
    """Write ``index`` (built in memory by a search) to ``path``."""
    keys = _text(index.keys)
    _write(
        path,
        index.snapshot_id,
        (index.ids, index.years, index.villages, index.postings),
        _text_size(keys),
        lambda f: _write_text(f, keys),
    )


def write_rows(
    rows: Iterable[tuple[int, str, int, str]], snapshot_id: uuid.UUID, path: Path
) -> None:
    """Write the index of ``rows`` (``(id, key, year, village)``, in id order) to ``path``
    without holding it whole: the keys go to a scratch file as they come (a million name
    keys are 70 MB as Python strings), only the postings and small arrays stay in memory."""
    from kiosk.dtks.name_postings import post

    ids, years, villages = array("q"), array("H"), list[str]()
    postings: dict[str, array[int]] = {}
    scratch = path.with_name(path.name + ".keys")
    size = 0
    try:
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            for pos, (row_id, key, year, village) in enumerate(rows):
                ids.append(row_id)
                years.append(year)
                villages.append(village)
                post(postings, pos, key)
                line = ("\n" + key if pos else key).encode("utf-8")
                out.write(line)
                size += len(line)

        def copy_keys(f: BinaryIO) -> None:
            with scratch.open("rb") as src:
                shutil.copyfileobj(src, f, 1 << 20)

        _write(path, snapshot_id, (ids, years, villages, postings), size, copy_keys)
    finally:
        scratch.unlink(missing_ok=True)


def _write(
    path: Path,
    snapshot_id: uuid.UUID,
    parts: tuple[array[int], array[int], list[str], dict[str, array[int]]],
    keys_size: int,
    write_keys: Callable[[BinaryIO], None],
) -> None:
    """The file (through a ``.part``: a killed write leaves no index), written piece by
    piece; the files of other snapshots beside it go."""
    ids, years, row_villages, postings = parts
    found: set[str] = set()
    for some in _slices(row_villages):
        found.update(some)
    villages = sorted(found)
    number = {v: i for i, v in enumerate(villages)}
    terms = list(postings)
    lengths = array("I", map(len, map(postings.__getitem__, terms)))
    codes = array("I")
    for some in _slices(row_villages):  # one array filled from a million at once held the GIL
        codes.extend(map(number.__getitem__, some))
    arrays = [_raw(ids), _raw(years), _raw(codes), _raw(lengths)]
    texts = [_text(villages), _text(terms)]
    sizes = [len(b) for b in arrays] + [4 * sum(lengths), keys_size]
    sizes += [_text_size(t) for t in texts]
    meta = {"format": FORMAT, "snapshot": snapshot_id.hex, "rows": len(ids), "sizes": sizes}
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(json.dumps(meta).encode("ascii") + b"\n")
        for blob in arrays:
            f.write(blob)
        for t in terms:
            f.write(_raw(postings[t]))
        write_keys(f)
        for items in texts:
            _write_text(f, items)
    part.replace(path)
    for other in path.parent.glob(f"{PREFIX}*.idx"):
        if other != path:
            with contextlib.suppress(OSError):
                other.unlink()


def _array(code: str, blob: bytes) -> array[int]:
    a = array(code)
    a.frombytes(blob)
    if sys.byteorder != "little":
        a.byteswap()
    return a


def _lines(blob: bytes, step: int = 1 << 20) -> list[str]:
    """``blob.decode().split("\\n")``, a megabyte at a time: 60 MB of name keys decoded and
    split in one call held the GIL (the window, on a first name search) for a tenth of a
    second."""
    out: list[str] = []
    start, size = 0, len(blob)
    while True:
        cut = blob.find(b"\n", start + step) if start + step < size else -1
        if cut < 0:
            out.extend(blob[start:].decode("utf-8").split("\n"))
            return out
        out.extend(blob[start:cut].decode("utf-8").split("\n"))
        start = cut + 1


def load(path: Path, snapshot_id: uuid.UUID) -> NameIndex | None:
    """The index in ``path``, or None when there is none or it is not this snapshot's whole."""
    from kiosk.dtks.name_postings import NameIndex

    try:
        with path.open("rb") as f:
            meta = json.loads(f.readline())
            data = f.read()
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT or meta.get("snapshot") != snapshot_id.hex:
        return None
    sizes: list[int] = meta["sizes"]
    if sum(sizes) != len(data) or len(sizes) != 8:
        return None
    blobs, at = [], 0
    for size in sizes:
        blobs.append(data[at : at + size])
        at += size
    ids, years = _array("q", blobs[0]), _array("H", blobs[1])
    codes, lengths, flat = _array("I", blobs[2]), _array("I", blobs[3]), _array("I", blobs[4])
    keys, villages, terms = (_lines(b) for b in blobs[5:])
    rows = int(meta["rows"])
    if rows == 0:
        keys = []
    if not (len(ids) == len(years) == len(codes) == len(keys) == rows):
        return None
    index = NameIndex(snapshot_id, ids=ids, keys=keys, years=years)
    index.villages = [villages[c] for c in codes]
    postings, start = index.postings, 0
    for term, length in zip(terms, lengths, strict=False):
        postings[term] = flat[start : start + length]
        start += length
    return index
