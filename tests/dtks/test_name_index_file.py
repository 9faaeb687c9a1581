"""The name index is built by the import, kept beside the database with its snapshot, and read
(not built again) by the first name search of a new process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.dtks import name_index
from kiosk.dtks.importer import import_snapshot
from kiosk.roles import Role
from tests.dtks.test_name_search import ROWS

NEW_PROCESS = """
import json, sys, time, uuid
from kiosk.context import Gateway, KioskContext
from kiosk.dtks import name_index
from kiosk.models import Officer
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import search_dtks
ctx = KioskContext.open(sys.argv[1], sys.argv[2], migrate=False)
gw = Gateway(ctx)
fo = gw.call(lambda s: Actor.of(s.get(Officer, uuid.UUID(hex=sys.argv[3]))))
held_before = dict(name_index._cache)
start = time.perf_counter()
found = gw.call(search_dtks, fo, "Siti Fatimha", 10)
took = time.perf_counter() - start
print(json.dumps({"names": [e.name for e in found], "builds": name_index.builds,
                  "held_before": len(held_before), "seconds": took}))
"""


def _import(ctx, office, tmp_path: Path, rows=ROWS) -> None:
    lines = ["NIK,Nama,TglLahir,Kode Desa"] + [",".join(r) for r in rows]
    path = tmp_path / f"dtsen{len(list(tmp_path.glob('*.csv')))}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_snapshot(ctx, office.admin, path)


def _saved(ctx) -> list[Path]:
    return sorted(Path(ctx.engine.url.database).parent.glob("dtks-nama-*.idx"))


@pytest.fixture
def sqlite_file(ctx):
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("the index file lives beside a SQLite database")


def test_the_import_keeps_the_index_beside_the_database_for_the_owner(
    sqlite_file, ctx, office, tmp_path
):
    _import(ctx, office, tmp_path)
    (saved,) = _saved(ctx)
    if os.name == "posix":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600  # it holds every name
    _import(ctx, office, tmp_path, ROWS[:4])  # a new snapshot: only its own index stays
    (newer,) = _saved(ctx)
    assert newer != saved


def test_a_new_process_reads_the_saved_index_on_its_first_name_search(
    sqlite_file, ctx, office, tmp_path
):
    _import(ctx, office, tmp_path)
    fo = office[Role.FRONT_OFFICE]
    out = subprocess.run(
        [sys.executable, "-c", NEW_PROCESS, ctx.url, str(ctx.paths.data_dir), fo.id.hex],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])),
    )
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    assert answer["held_before"] == 0  # nothing loaded before the first name search
    assert answer["names"][0] == "Hj. Siti Fatimah"  # typo tolerance: the full index
    assert answer["builds"] == 0  # read from the file, not built again


def test_a_damaged_index_file_is_built_again(sqlite_file, ctx, office, tmp_path, gateway):
    _import(ctx, office, tmp_path)
    (saved,) = _saved(ctx)
    saved.write_bytes(saved.read_bytes()[:-7])
    name_index._cache.clear()
    before = name_index.builds
    from kiosk.services.dtks_check import search_dtks

    found = gateway.call(search_dtks, office[Role.FRONT_OFFICE], "Siti Fatimha", 10)
    assert found[0].name == "Hj. Siti Fatimah" and name_index.builds == before + 1


def test_the_file_gives_back_the_index_it_was_given(tmp_path):
    import uuid

    from kiosk.dtks import name_index_file

    index = name_index.NameIndex(uuid.uuid4())
    for i in range(3000):
        village = ["3324012001", "33.24.01 ü", ""][i % 3]  # a messy file's village cell
        index.add(i * 3, f"siti nur{i % 97} ab{i % 13}" if i % 50 else "", 1990 + i % 30, village)
    path = tmp_path / "x.idx"
    name_index_file.save(index, path)
    back = name_index_file.load(path, index.snapshot_id)
    assert back is not None
    assert (back.ids, back.keys, back.years, back.villages) == (
        index.ids,
        index.keys,
        index.years,
        index.villages,
    )
    assert {t: list(p) for t, p in back.postings.items()} == {
        t: list(p) for t, p in index.postings.items()
    }
    assert name_index_file.load(path, uuid.uuid4()) is None  # another snapshot's file
    # the import's way: straight from the rows, never held whole; the same file
    rows = zip(index.ids, index.keys, index.years, index.villages, strict=True)
    streamed = tmp_path / "y.idx"
    name_index_file.write_rows(rows, index.snapshot_id, streamed)
    assert streamed.read_bytes() == path.read_bytes()
    assert not list(tmp_path.glob("*.keys"))  # its scratch file is gone


def test_keys_read_back_a_slice_at_a_time_are_the_keys_split_at_once():
    """The file's texts are split a megabyte at a time (the GIL is let go between): the same
    list as one split, wherever a slice ends."""
    import random

    from kiosk.dtks.name_index_file import _lines

    draw = random.Random(33)
    blobs = [b"", b"a", b"a\n", b"\n", b"ab\ncd", b"ab\ncd\n"]
    for _ in range(300):
        words = ("".join(draw.choice("ab ") for _ in range(draw.randint(0, 5))) for _ in range(20))
        blobs.append("\n".join(words).encode())
    for blob in blobs:
        for step in (1, 2, 5, 7, 1 << 20):
            assert _lines(blob, step) == blob.decode().split("\n"), (blob, step)
