"""Data that grows (issue #33): what a large register costs, against baselines of the same run.

    uv run python -m bench.data_growth --rows 150000

On one office set up and loaded as an office does it (``puskesos init``, ``puskesos dtks
import`` of bench/messy_export's file):

- name index, first name search in a new process (the index is read from beside the database,
  not built): seconds (target < 1 s), against building the index in this process (what every
  process's first search paid before); then recall@10 on misspelled names (target >= 0.95) and
  speed against a rapidfuzz scan of every name (target >= 20x);
- the walk-in box's NIK path (``gateway.call(lookup, ...)``) against a raw indexed SELECT with
  the sqlite3 module, median (target <= 2x) and p99 (target < 5 ms); also against the two indexed
  SELECTs the box needs for a NIK (registered person, snapshot row) done raw;
- ``puskesos backup create``'s copy (``kiosk.backup.create``: copy, check, encrypt) against
  ``sqlite3.Connection.backup`` of the same database to a file (target <= 2x);
- ``audit verify``: the full walk against the incremental one after a day's entries.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from sqlalchemy import select

from bench.dtks_import import cli_import, cli_setup, misspell, search_against_scan
from kiosk.context import Gateway, KioskContext
from kiosk.models import Officer
from kiosk.names import name_key
from kiosk.roles import Role
from kiosk.services.actor import Actor

FIRST_SEARCH = """
import json, sys, time, uuid
start = time.perf_counter()
from kiosk.context import Gateway, KioskContext
from kiosk.models import Officer
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import search_dtks
ctx = KioskContext.open(sys.argv[1], sys.argv[2], migrate=False)
gw = Gateway(ctx)
fo = gw.call(lambda s: Actor.of(s.get(Officer, uuid.UUID(hex=sys.argv[3]))))
opened = time.perf_counter()
found = gw.call(search_dtks, fo, sys.argv[4], 10)
took = time.perf_counter() - opened
print(json.dumps({"first_search": took, "found": [e.name for e in found]}))
"""


def _median_p99(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]


def first_search(ctx: KioskContext, gw: Gateway, fo: Actor, raw: sqlite3.Connection) -> None:
    from kiosk.dtks import name_index

    snap = raw.execute("select id from dtks_snapshot where status='active'").fetchone()[0]
    name = raw.execute("select name from dtks_record order by id limit 1 offset 7").fetchone()[0]
    query = misspell(name, random.Random(3))
    argv = [sys.executable, "-c", FIRST_SEARCH, ctx.url, str(ctx.paths.data_dir), fo.id.hex, query]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    snap_id = uuid.UUID(hex=snap) if len(snap) == 32 else uuid.UUID(snap)
    start = time.perf_counter()
    gw.call(lambda s: name_index.NameIndex.build(s, snap_id))
    build = time.perf_counter() - start
    took = answer["first_search"]
    print(
        f"name index   first name search in a new process {took:6.3f} s (target < 1 s; "
        f"found {name_key(name) in [name_key(n) for n in answer['found']]})  "
        f"building it instead (before) {build:6.2f} s  ratio {build / took:5.1f}x faster"
    )


def names(ctx: KioskContext, fo: Actor, raw: sqlite3.Connection, queries: int) -> None:
    rng = random.Random(11)
    keys = [k for (k,) in raw.execute("select name_key from dtks_record order by id")]
    ids = [i for (i,) in raw.execute("select id from dtks_record")]
    targets = [
        raw.execute("select name from dtks_record where id=?", (i,)).fetchone()[0]
        for i in rng.sample(ids, min(queries, len(ids)))
    ]
    asked = [(misspell(t, rng), name_key(t)) for t in targets]
    register = ctx.register
    register.search(fo, asked[0][0], 10)  # the index is read on the first search (timed above)
    hits, times, brute_hits, brute_times = search_against_scan(
        register, fo, asked, keys, max(10, queries // 10)
    )
    ours, brute = statistics.mean(times), statistics.mean(brute_times)
    print(
        f"name search  rows={len(keys):<8} rapidfuzz scan {brute * 1e3:7.1f} ms  "
        f"register.search {ours * 1e3:6.2f} ms  ratio {brute / ours:5.1f}x faster "
        f"(target >= 20x)  recall@10 {hits / len(asked):.3f} (target >= 0.95; scan "
        f"{brute_hits / len(brute_times):.3f})"
    )


def nik_lookup(gw: Gateway, fo: Actor, raw: sqlite3.Connection, n: int) -> None:
    from kiosk.services.lookup import lookup

    snap = raw.execute("select id from dtks_snapshot where status='active'").fetchone()[0]
    niks = [k for (k,) in raw.execute("select nik from dtks_record where nik is not null")]
    sample = random.Random(9).sample(niks, min(n, len(niks)))
    one = "select * from dtks_record where snapshot_id=? and nik=?"
    person = "select * from person where nik=?"
    base, both, ours = [], [], []
    for nik in sample:
        t0 = time.perf_counter()
        raw.execute(one, (snap, nik)).fetchall()
        t1 = time.perf_counter()
        raw.execute(person, (nik,)).fetchall()
        raw.execute(one, (snap, nik)).fetchall()
        t2 = time.perf_counter()
        gw.call(lookup, fo, nik, 30)
        t3 = time.perf_counter()
        base.append(t1 - t0)
        both.append(t2 - t1)
        ours.append(t3 - t2)
    (b, b99), (w, _), (o, p99) = _median_p99(base), _median_p99(both), _median_p99(ours)
    print(
        f"box NIK      n={len(sample):<10} raw SELECT {b * 1e3:6.3f} ms (p99 {b99 * 1e3:.2f})  "
        f"lookup service {o * 1e3:6.3f} ms  ratio {o / b:5.1f}x (target <= 2x)  p99 "
        f"{p99 * 1e3:.2f} ms (target < 5);  the box's own SELECTs raw {w * 1e3:.3f} ms "
        f"(ratio {o / w:.1f}x)"
    )


def _best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def backup_create(ctx: KioskContext, tmp: Path, repeat: int) -> None:
    from kiosk import backup

    db = Path(ctx.engine.url.database or "")
    folder = tmp / "salinan"
    plain = tmp / "api.sqlite3"

    def baseline() -> None:
        plain.unlink(missing_ok=True)
        src, dst = sqlite3.connect(db), sqlite3.connect(plain)
        src.backup(dst)
        dst.close()
        src.close()

    def ours() -> None:
        info = backup.create(db, folder, "manual", datetime.now(UTC), ctx.backup_keys)
        info.path.unlink()

    ours()  # once before timing: the backup key is unsealed on first use
    base, real = _best_of(baseline, repeat), _best_of(ours, repeat)
    size = db.stat().st_size / 1e6
    print(
        f"backup       db={size:6.0f} MB  sqlite3 backup API {base:6.2f} s  "
        f"backup create (copy, check, encrypt) {real:6.2f} s  ratio {real / base:4.2f}x "
        f"(target <= 2x)"
    )


def audit_verify(gw: Gateway, admin: Actor, entries: int) -> None:
    from kiosk.services.audit_log import verify_audit
    from kiosk.services.journal import audit

    def add(n: int) -> None:
        for start in range(0, n, 5000):

            def batch(s, start=start):  # type: ignore[no-untyped-def]
                for i in range(start, min(n, start + 5000)):
                    audit(s, admin.id, "bench", "bench", str(i), {"i": i})

            gw.call(batch)

    add(entries)
    t0 = time.perf_counter()
    full = gw.call(verify_audit, admin, None, full=True)
    t1 = time.perf_counter()
    add(100)  # a day's entries
    t2 = time.perf_counter()
    inc = gw.call(verify_audit, admin)
    t3 = time.perf_counter()
    assert full.ok and inc.ok
    print(
        f"audit verify entries={full.checked:<8} full {t1 - t0:6.3f} s "
        f"({(t1 - t0) / full.checked * 1e6:.0f} us/entry)  incremental after a day "
        f"({inc.checked} new) {(t3 - t2) * 1e3:6.1f} ms  ratio {(t1 - t0) / (t3 - t2):6.1f}x faster"
    )


def run(rows: int, lookups: int, entries: int, repeat: int) -> None:
    from bench.messy_export import file_name, make_export

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "kantor"
        cli_setup(data)
        path = Path(tmp) / file_name(True)
        make_export(path, rows, utf8=True)
        took, peak, got = cli_import(data, path)
        print(
            f"import       rows={got['imported']:<8} puskesos dtks import (index built and saved "
            f"with it) {took:6.2f} s  peak RSS {peak:.0f} MB (target <= 300)"
        )
        ctx = KioskContext.open(f"sqlite:///{data}/puskesos.sqlite3", str(data))
        gw = Gateway(ctx)
        admin = gw.call(
            lambda s: Actor.of(s.scalars(select(Officer).where(Officer.username == "admin")).one())
        )

        def setup(s):  # type: ignore[no-untyped-def]
            from kiosk.services.officers import create_officer

            return Actor.of(create_officer(s, "depan", "FO", "rahasia123", [Role.FRONT_OFFICE]))

        fo = gw.call(setup)
        raw = sqlite3.connect(f"{data}/puskesos.sqlite3")
        first_search(ctx, gw, fo, raw)
        names(ctx, fo, raw, 300 if rows > 50_000 else 60)
        nik_lookup(gw, fo, raw, lookups)
        backup_create(ctx, Path(tmp), repeat)
        audit_verify(gw, admin, entries)
        raw.close()
        ctx.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=150_000)
    p.add_argument("--lookups", type=int, default=2000)
    p.add_argument("--entries", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    run(a.rows, a.lookups, a.entries, a.repeat)


if __name__ == "__main__":
    main()
