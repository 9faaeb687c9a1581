"""DTKS import and lookup at scale, against baselines measured in the same run.

    uv run python -m bench.dtks_import --rows 1000000

- import: ``puskesos dtks import FILE --as admin --json``, the whole process (start, log-in,
  read, check, write, indexes), against the sqlite3 command line's ``.import`` of the same file
  plus the same three indexes, on the two files offices really get (``bench/messy_export.py``):
  the export saved from Excel on Windows (Windows-1252, ``;``) and Excel's "CSV UTF-8" (BOM,
  ``,``), both with Excel's damage, quoted cells, blank lines and repeated rows. Targets: at most
  2x and a peak RSS of at most 300 MB, each file. For reference (no target): the row-by-row
  road on the Windows-1252 file, and the window's import in its child process;
- NIK lookup: the counter's lookup (``ctx.register.find_number``: permission against stored
  roles, active snapshot, entry) vs a raw indexed SELECT with the sqlite3 module (target <= 2x,
  p99 < 5 ms); for context also the person-and-household check (``ctx.register.check``) and
  the session-based ``check_dtks`` a walk-in transaction uses;
- name search vs rapidfuzz brute force.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from sqlalchemy import select

from kiosk.context import Gateway, KioskContext
from kiosk.dtks import name_index
from kiosk.dtks.import_process import import_in_process
from kiosk.dtks.register import Register
from kiosk.models import Officer
from kiosk.names import name_key
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import check_dtks
from kiosk.services.officers import create_officer


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


def baseline_import(csv_path: Path, db: Path, delimiter: str = ",") -> float:
    """The sqlite3 command line: the file as it is into one table, then three indexes."""
    columns = ("NIK", "NO KK", "NAMA")  # bench/messy_export.py's header
    script = f'.mode csv\n.separator "{delimiter}"\n.import {csv_path} raw\n' + "".join(
        f'CREATE INDEX ix{i} ON raw("{c}");\n' for i, c in enumerate(columns)
    )
    start = time.perf_counter()
    subprocess.run(
        ["sqlite3", str(db)], input=script, text=True, check=True, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


ADMIN_PASSWORD = "rahasia123"


def _cli_env(data_dir: Path, rows_road: bool = False) -> dict[str, str]:
    env = dict(os.environ, PUSKESOS_DATA_DIR=str(data_dir), PUSKESOS_PASSWORD=ADMIN_PASSWORD)
    env.pop("PUSKESOS_ARGON2_PROFILE", None)  # the log-in costs what it costs an office
    env["PUSKESOS_NO_KEYRING"] = "1"
    if rows_road:
        env["PUSKESOS_DTKS_COLUMNAR"] = "0"
    return env


def cli_setup(data_dir: Path) -> None:
    """A fresh office, set up by ``puskesos init`` as an administrator would."""
    argv = [sys.executable, "-m", "ui.launch", "init", "--village-code", "3324012001"]
    argv += ["--village-name", "Sukamaju", "--admin-username", "admin", "--admin-name", "Admin"]
    argv += ["--admin-password", ADMIN_PASSWORD]
    subprocess.run(argv, env=_cli_env(data_dir), check=True, capture_output=True)


def cli_import(
    data_dir: Path, csv_path: Path, *, rows_road: bool = False
) -> tuple[float, float, dict[str, object]]:
    """``puskesos dtks import`` as an office runs it, in a process of its own: seconds, peak
    RSS in MB (``wait4`` reports this child's own), and its ``--json`` summary."""
    argv = [sys.executable, "-m", "ui.launch", "dtks", "import", str(csv_path)]
    argv += ["--as", "admin", "--json"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=_cli_env(data_dir, rows_road), stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode:
            raise RuntimeError(f"puskesos dtks import failed: {err.read().decode()[-800:]}")
        summary = json.loads(out.read())
    return took, usage.ru_maxrss / 1024, summary


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--lookups", type=int, default=2000)
    a = p.parse_args()
    run(a.rows, a.lookups)


FILES = (  # (utf8, delimiter, label)
    (False, ";", "Windows-1252 ;"),
    (True, ",", "UTF-8 BOM ,   "),
)


def run(rows: int, lookups: int) -> None:
    from bench.messy_export import file_name, make_export

    a = argparse.Namespace(rows=rows, lookups=lookups)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "kantor"
        cli_setup(data)
        niks: list[str] = []
        for utf8, delimiter, label in FILES:
            path = Path(tmp) / file_name(utf8)
            niks = make_export(path, a.rows, utf8=utf8)
            base = baseline_import(path, Path(tmp) / f"baseline{int(utf8)}.sqlite3", delimiter)
            took, peak, got = cli_import(data, path)
            print(
                f"dtks import  rows={a.rows:<8} {label} sqlite3 .import+indexes {base:6.2f} s  "
                f"puskesos dtks import {took:6.2f} s  ratio {took / base:4.2f}x (target <= 2x)  "
                f"peak RSS {peak:.0f} MB (target <= 300)  imported {got['imported']:,} of "
                f"{got['rows_read']:,}  refused {got['rejected']:,}  road {got['road']}  "
                f"encoding {got['encoding']}  date {got['snapshot_date']}"
            )
            if not utf8:
                took, peak, got = cli_import(data, path, rows_road=True)
                print(
                    f"dtks import  rows={a.rows:<8} {label} row-by-row road (reference) "
                    f"{took:6.2f} s  ratio {took / base:4.2f}x  peak RSS {peak:.0f} MB  "
                    f"imported {got['imported']:,}"
                )
        ctx = KioskContext.open(f"sqlite:///{data}/puskesos.sqlite3", str(data))
        gw = Gateway(ctx)
        admin = gw.call(
            lambda s: Actor.of(s.scalars(select(Officer).where(Officer.username == "admin")).one())
        )

        def setup(s):  # type: ignore[no-untyped-def]
            fo = create_officer(s, "depan", "FO", "rahasia123", [Role.FRONT_OFFICE])
            return Actor.of(fo)

        fo = gw.call(setup)
        start = time.perf_counter()  # the window's import, in its child process
        report = import_in_process(ctx.url, str(data), admin, path)
        window = time.perf_counter() - start
        print(
            f"dtks import  rows={a.rows:<8} the window's child process (reference) "
            f"{window:6.2f} s  ratio {window / base:4.2f}x  imported {report.imported:,}  "
            f"road {report.road}"
        )

        sample = random.Random(9).sample(niks, min(a.lookups, len(niks)))
        raw = sqlite3.connect(f"{data}/puskesos.sqlite3")
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
    hits, times, brute_hits, brute_times = search_against_scan(
        register, fo, asked, keys, max(10, queries // 10)
    )
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


def search_against_scan(
    register: Any, fo: Any, asked: list[tuple[str, str]], keys: list[str], scans: int
) -> tuple[int, list[float], int, list[float]]:
    """Each misspelled query through the register's name search and, for the first ``scans``,
    a rapidfuzz scan of every name: (hits, times) of each, a hit being the right person in the
    top 10. Shared by this benchmark and bench.data_growth, so both measure the same thing."""
    from rapidfuzz import fuzz, process

    hits, times = 0, []
    for query, truth in asked:
        t0 = time.perf_counter()
        found = register.search(fo, query, 10)
        times.append(time.perf_counter() - t0)
        hits += any(name_key(e.name) == truth for e in found)
    brute_times, brute_hits = [], 0
    for query, truth in asked[:scans]:
        t0 = time.perf_counter()
        best = process.extract(name_key(query), keys, scorer=fuzz.token_sort_ratio, limit=10)
        brute_times.append(time.perf_counter() - t0)
        brute_hits += any(k == truth for k, _, _ in best)
    return hits, times, brute_hits, brute_times
