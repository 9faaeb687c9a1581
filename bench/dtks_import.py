"""DTKS import and lookup at scale, against baselines measured in the same run.

    uv run python -m bench.dtks_import --rows 1000000

- import: our streaming import (validation, name keys, flags) vs the sqlite3 command-line
  ``.import`` of the same CSV plus creating the same indexes (target <= 2x, peak RSS <= 300 MB);
  Timed twice: in a child process as the window runs it (peak RSS measured there), and in
  process as ``puskesos dtks import`` runs it, replacing the first snapshot;
- NIK lookup: the counter's lookup (``ctx.register.find_number``: permission against stored
  roles, active snapshot, entry) vs a raw indexed SELECT with the sqlite3 module (target <= 2x,
  p99 < 5 ms); for context also the person-and-household check (``ctx.register.check``) and
  the session-based ``check_dtks`` a walk-in transaction uses.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import sqlite3
import subprocess
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from kiosk.context import Gateway, KioskContext
from kiosk.dtks import name_index
from kiosk.dtks.import_process import import_in_process
from kiosk.dtks.importer import import_snapshot
from kiosk.dtks.register import Register
from kiosk.names import name_key
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import check_dtks
from kiosk.services.officers import create_officer
from kiosk.services.setup import SiteInput, initialise


@functools.cache
def _names() -> tuple[list[str], list[str], list[str]]:
    """Faker's id_ID names, loaded on first use: the import's child process is spawned and
    imports this module again, and Faker there would add 0.7 s and 20 MB the window's own
    import process does not pay."""
    from faker.providers.person.id_ID import Provider as P

    return (
        list(P.first_names_male),
        list(P.first_names_female),
        list(P.last_names_male) + list(P.last_names_female),
    )


def person_name(rng: random.Random, woman: bool) -> str:
    """Faker id_ID's given and family names, with the titles and Muhammads of a real register."""
    men, women, last = _names()
    parts = [rng.choice(women if woman else men)]
    if rng.random() < 0.3:
        parts.append(rng.choice(women if woman else men))
    parts.append(rng.choice(last))
    if not woman and rng.random() < 0.1:
        parts.insert(0, "Muhammad")
    if rng.random() < 0.05:
        parts.insert(0, "Hj." if woman else "H.")
    return " ".join(parts)


VARIANTS = [
    ("Muhammad", "Moh."),
    ("Muhammad", "M."),
    ("Muhammad", "Muhamad"),
    ("y", "i"),
    ("i", "y"),
    ("u", "oe"),
    ("oe", "u"),
    ("j", "dj"),
    ("c", "tj"),
    ("f", "p"),
]


def misspell(name: str, rng: random.Random) -> str:
    """A name as an officer might type it: a spelling variant, a doubled letter, a dropped
    title, and (two times in three) one plain typo in one word."""
    out = name
    old, new = rng.choice(VARIANTS)
    if old in out:
        out = out.replace(old, new, 1)
    if rng.random() < 0.3:
        i = rng.randrange(len(out))
        if out[i].isalpha():
            out = out[: i + 1] + out[i] + out[i + 1 :]
    if out.startswith(("H. ", "Hj. ")) and rng.random() < 0.7:
        out = out.split(" ", 1)[1]
    if rng.random() < 2 / 3:
        words = out.split()
        w = rng.randrange(len(words))
        word = words[w]
        if len(word) > 3:
            i = rng.randrange(1, len(word) - 1)
            kind = rng.choice(("drop", "swap", "vowel"))
            if kind == "drop":
                word = word[:i] + word[i + 1 :]
            elif kind == "swap":
                word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            else:
                word = word[:i] + rng.choice("aiueo") + word[i + 1 :]
            words[w] = word
        out = " ".join(words)
    return out


def make_csv(path: Path, rows: int) -> list[str]:
    rng = random.Random(5)
    niks: list[str] = []
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "iddtks,nomor_nik,nomor_kk,nama,tanggal_lahir,jenis_kelamin,alamat,rt,rw,"
            "desil_nasional,pkh,bpnt,pbi\n"
        )
        for i in range(rows):
            born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 30000))
            woman = rng.random() < 0.5
            nik = (
                f"3324{rng.randint(1, 20):02d}{born.day + (40 if woman else 0):02d}"
                f"{born:%m%y}{i % 9998 + 1:04d}"
            )
            niks.append(nik)
            kk = f"3324{rng.randint(1, 20):02d}0101{rng.randint(10, 24)}{i // 4 % 9998 + 1:04d}"
            name = person_name(rng, woman)
            f.write(
                f"D{i},{nik},{kk},{name},{born:%d-%m-%Y},{'P' if woman else 'L'},"
                f"Dusun {i % 50},{i % 12 + 1:03d},{i % 5 + 1:03d},{rng.randint(1, 10)},"
                f"{rng.randint(0, 1)},{rng.randint(0, 1)},{rng.randint(0, 1)}\n"
            )
    return niks


def baseline_import(csv_path: Path, db: Path) -> float:
    script = (
        f".import --csv {csv_path} raw\n"
        "CREATE INDEX ix1 ON raw(nomor_nik);\nCREATE INDEX ix2 ON raw(nomor_kk);\n"
        "CREATE INDEX ix3 ON raw(nama);\n"
    )
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db)], input=script, text=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--lookups", type=int, default=2000)
    a = p.parse_args()
    run(a.rows, a.lookups)


def run(rows: int, lookups: int) -> None:
    a = argparse.Namespace(rows=rows, lookups=lookups)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "dtsen.csv"
        niks = make_csv(csv_path, a.rows)
        base = baseline_import(csv_path, Path(tmp) / "baseline.sqlite3")
        ctx = KioskContext.open(f"sqlite:///{tmp}/kiosk.sqlite3", tmp)
        gw = Gateway(ctx)

        def setup(s):  # type: ignore[no-untyped-def]
            admin = initialise(s, SiteInput("3324012001", "Sukamaju"), "admin", "A", "rahasia123")
            fo = create_officer(s, "depan", "FO", "rahasia123", [Role.FRONT_OFFICE])
            return admin, Actor.of(fo)

        admin, fo = gw.call(setup)
        start = time.perf_counter()  # in a child process, as the window runs it
        report = import_in_process(ctx.url, tmp, admin, csv_path)
        ours = time.perf_counter() - start
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"dtks import  rows={a.rows:<8} sqlite3 .import+indexes {base:7.2f} s  "
            f"kiosk {ours:7.2f} s  ratio {ours / base:5.1f}x (target <= 2x)  "
            f"peak RSS {rss_mb:.0f} MB (target <= 300)  imported {report.imported:,}  "
            f"road {report.road}"
        )
        start = time.perf_counter()  # in process, as `puskesos dtks import` runs it
        again = import_snapshot(ctx, admin, csv_path, warm_index=False, exclusive=True)
        cli = time.perf_counter() - start
        print(
            f"dtks import  rows={a.rows:<8} in process, replacing the first snapshot "
            f"{cli:7.2f} s  ratio {cli / base:5.1f}x (target <= 2x)  imported {again.imported:,}  "
            f"road {again.road}"
        )

        sample = random.Random(9).sample(niks, min(a.lookups, len(niks)))
        raw = sqlite3.connect(f"{tmp}/kiosk.sqlite3")
        snap = raw.execute("select id from dtks_snapshot where status='active'").fetchone()[0]
        register = ctx.register
        timings: dict[str, list[float]] = {"raw": [], "find": [], "check": [], "session": []}
        for nik in sample:
            t0 = time.perf_counter()
            raw.execute(
                "select * from dtks_record where snapshot_id=? and nik=?", (snap, nik)
            ).fetchall()
            t1 = time.perf_counter()
            register.find_number(fo, nik)
            t2 = time.perf_counter()
            register.check(fo, nik)
            t3 = time.perf_counter()
            gw.call(check_dtks, fo, nik)
            t4 = time.perf_counter()
            for key, took in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                timings[key].append(took)
        med = {k: sorted(v)[len(v) // 2] for k, v in timings.items()}
        p99 = sorted(timings["find"])[int(len(sample) * 0.99) - 1] * 1000
        print(
            f"nik lookup   n={len(sample):<10} raw SELECT {med['raw'] * 1e3:6.3f} ms  "
            f"register.find_number {med['find'] * 1e3:6.3f} ms  "
            f"ratio {med['find'] / med['raw']:5.1f}x (target <= 2x)  p99 {p99:.2f} ms "
            f"(target < 5);  person+household register.check {med['check'] * 1e3:.3f} ms "
            f"({med['check'] / med['raw']:.1f}x), session check_dtks "
            f"{med['session'] * 1e3:.3f} ms ({med['session'] / med['raw']:.1f}x)"
        )
        names_bench(raw, gw, register, fo, snap, queries=300 if a.rows > 50_000 else 100)
        raw.close()
        ctx.close()


def names_bench(
    raw: sqlite3.Connection, gw: Gateway, register: Register, fo: Actor, snap: str, queries: int
) -> None:
    """Name search as the officer gets it (``ctx.register.search``: permission, index, rows)
    vs rapidfuzz brute force over every name."""
    from rapidfuzz import fuzz, process

    rng = random.Random(11)
    keys = [
        k
        for (k,) in raw.execute(
            "select name_key from dtks_record where snapshot_id=? order by id", (snap,)
        )
    ]
    ids = [i for (i,) in raw.execute("select id from dtks_record where snapshot_id=?", (snap,))]
    chosen = rng.sample(ids, min(queries, len(ids)))  # seeded: the same queries every run
    targets = [
        raw.execute("select name from dtks_record where id=?", (i,)).fetchone()[0] for i in chosen
    ]
    asked = [(misspell(t, rng), name_key(t)) for t in targets]
    snap_id = uuid.UUID(snap) if len(snap) == 36 else uuid.UUID(hex=snap)
    start = time.perf_counter()  # (the import started this in the background; time it alone)
    built = gw.call(lambda s: name_index.NameIndex.build(s, snap_id))
    build = time.perf_counter() - start
    name_index._keep(built)
    hits, times = 0, []
    for query, truth in asked:
        t0 = time.perf_counter()
        found = register.search(fo, query, 10)
        times.append(time.perf_counter() - t0)
        hits += any(name_key(e.name) == truth for e in found)
    brute_times, brute_hits = [], 0
    for query, truth in asked[: max(10, queries // 10)]:
        t0 = time.perf_counter()
        best = process.extract(name_key(query), keys, scorer=fuzz.token_sort_ratio, limit=10)
        brute_times.append(time.perf_counter() - t0)
        brute_hits += any(k == truth for k, _, _ in best)
    times.sort()
    ours, brute = sum(times) / len(times), sum(brute_times) / len(brute_times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(
        f"name search  rows={len(keys):<8} brute force {brute * 1e3:7.1f} ms  "
        f"register.search {ours * 1e3:6.1f} ms (p99 {p99 * 1e3:.1f})  "
        f"ratio {brute / ours:5.1f}x faster (target >= 20x)  recall@10 {hits / len(asked):.3f} "
        f"(target >= 0.95; brute force {brute_hits / len(brute_times):.3f})  "
        f"index built in {build:.1f} s"
    )


if __name__ == "__main__":
    main()
