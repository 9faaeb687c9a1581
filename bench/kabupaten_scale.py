"""A kabupaten's kiosks against one server (issue #31, "Scale"): 300 villages pushing and
pulling at once, on PostgreSQL, with several worker processes.

    BENCH_SCALE_DB_URL=postgresql+psycopg://root@/bench_scale?host=/var/run/postgresql \\
        uv run python -m bench.kabupaten_scale --kiosks 300 --seconds 300 --workers 4
    uv run python -m bench.kabupaten_scale --small   # 10 kiosks, 10 s, SQLite without a URL

The server is the real one, ``python -m kabupaten serve`` in its own processes, migrated into
a database the bench empties first (a PostgreSQL database's name must start with "bench").
Every kiosk is enrolled with its own one-time code (``kiosk add``'s store call) and token, then
loops: push a batch of intakes (bench/scale_kiosk.py: the counter's real operations), pull its
changes, wait ``--think`` seconds. Meanwhile the "kabupaten" decides on random pushed cases
(status changes written as the web pages write them), so pulls carry something.

Checks at the end: every operation pushed is stored exactly once and under its own office
(counted per office), every decision reached its office and no other (a change about another
office's record received: a cross-tenant read), none received twice. Baseline, in the same
run: the same load against one waitress process (``--baseline-workers``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")
os.environ.setdefault("PUSKESOS_NO_KEYRING", "1")

from sqlalchemy import select

from bench.scale_kiosk import Kiosk, intake_template
from bench.scale_server import Served, fresh_database
from kabupaten.store import Store
from kabupaten.tables import operations

ENV = "BENCH_SCALE_DB_URL"


@dataclass
class Outcome:
    ops: int
    seconds: float
    pushes: list[float]
    pulls: list[float]
    retries: int
    causes: dict[str, int]
    problems: list[str]

    def line(self, label: str) -> str:
        def p(xs: list[float], q: int) -> float:
            return statistics.quantiles(xs, n=100)[q - 1] if len(xs) > 1 else sum(xs)

        return (
            f"{label}: {self.ops / self.seconds:7.1f} ops/s ({self.ops} operations in "
            f"{self.seconds:.0f} s); push p50 {p(self.pushes, 50):.0f} ms p95 "
            f"{p(self.pushes, 95):.0f} ms ({len(self.pushes)}); pull p50 {p(self.pulls, 50):.0f} "
            f"ms p95 {p(self.pulls, 95):.0f} ms ({len(self.pulls)}); {self.retries} retries"
            + (
                f" ({', '.join(f'{k} {v}' for k, v in sorted(self.causes.items()))})"
                if self.causes
                else ""
            )
        )


def decide(store: Store, kiosks: list[Kiosk], issued: dict[str, set[str]], stop: threading.Event):
    """The kabupaten's officers: a status decision on a random pushed case, ten a second."""
    rng = random.Random(5)
    while not stop.wait(0.1):
        kiosk = rng.choice(kiosks)
        if kiosk.cases:
            change = store.add_change(
                {"kind": "case_status", "entity_id": rng.choice(kiosk.cases), "status": "diproses"}
            )
            issued[kiosk.office].add(change["change_id"])


def check(store: Store, kiosks: list[Kiosk], issued: dict[str, set[str]]) -> list[str]:
    with store.engine.connect() as c:
        rows = c.execute(select(operations.c.kiosk_id, operations.c.op_id)).all()
    stored: dict[str, list[str]] = {}
    for office, op_id in rows:
        stored.setdefault(office, []).append(op_id)
    problems = []
    for k in kiosks:
        theirs = stored.get(k.office, [])
        if len(theirs) != len(set(theirs)) or set(theirs) != k.pushed or k.refused:
            problems.append(f"{k.office}: {len(k.pushed)} pushed, {len(theirs)} stored")
        if k.foreign:
            problems.append(f"{k.office}: {k.foreign} changes of another office")
        if len(k.changes) != len(set(k.changes)) or set(k.changes) != issued[k.office]:
            problems.append(f"{k.office}: {len(issued[k.office])} decided, got {len(k.changes)}")
    return problems


def phase(
    url: str, workers: int, n: int, seconds: float, think: float, intakes: int, template: list
) -> Outcome:
    fresh_database(url)
    store = Store(url, create=False)
    offices = [f"3324{i:06d}" for i in range(1, n + 1)]
    codes = {office: store.add_kiosk(office) for office in offices}
    with Served(url, workers, n) as port:
        kiosks = [Kiosk(office, port, template) for office in offices]
        for k in kiosks:
            k.enrol(codes[k.office])
        issued: dict[str, set[str]] = {o: set() for o in offices}
        stop = threading.Event()
        officers = threading.Thread(target=decide, args=(store, kiosks, issued, stop))
        start = time.monotonic()
        runs = [
            threading.Thread(target=k.run, args=(start + seconds, intakes, think)) for k in kiosks
        ]
        officers.start()
        for t in runs:
            t.start()
        for t in runs:
            t.join()
        took = time.monotonic() - start
        stop.set()
        officers.join()
        for k in kiosks:
            k.pull()  # the decisions made after its last pull
    outcome = Outcome(
        ops=sum(k.accepted for k in kiosks),
        seconds=took,
        pushes=[ms for k in kiosks for ms in k.push_ms],
        pulls=[ms for k in kiosks for ms in k.pull_ms],
        retries=sum(k.retries for k in kiosks),
        causes={c: sum(k.causes.get(c, 0) for k in kiosks) for k0 in kiosks for c in k0.causes},
        problems=check(store, kiosks, issued),
    )
    store.engine.dispose()
    return outcome


def run(
    kiosks: int,
    seconds: float,
    workers: int,
    base_workers: int,
    url: str | None,
    think: float = 1.0,
    intakes: int = 3,
) -> None:
    with tempfile.TemporaryDirectory() as d:
        url = url or f"sqlite:///{Path(d) / 'scale.sqlite'}"
        template = intake_template()
        base = phase(url, base_workers, kiosks, seconds, think, intakes, template)
        many = phase(url, workers, kiosks, seconds, think, intakes, template)
    engine = url.split(":", 1)[0].split("+")[0]
    print(
        f"kabupaten scale ({kiosks} kiosks, {seconds:.0f} s each, {intakes} intakes a push, "
        f"think {think:.1f} s, {engine}):"
    )
    print("  " + base.line(f"{base_workers} worker{'s' if base_workers > 1 else ''}"))
    print("  " + many.line(f"{workers} workers"))
    print(
        f"  ratio {workers} workers / {base_workers}: "
        f"{(many.ops / many.seconds) / (base.ops / base.seconds):.2f}x ops/s"
    )
    problems = base.problems + many.problems
    print(
        f"  checks: {len(problems)} problems (lost/doubled ops, cross-tenant reads, "
        f"changes lost or doubled)"
    )
    if problems:
        raise AssertionError("; ".join(problems[:10]))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kiosks", type=int, default=300)
    p.add_argument("--seconds", type=float, default=300)
    p.add_argument("--workers", type=int, default=4, help="server processes measured")
    p.add_argument("--baseline-workers", type=int, default=1, help="the baseline's processes")
    p.add_argument("--think", type=float, default=1.0, help="seconds a kiosk waits between syncs")
    p.add_argument("--intakes", type=int, default=3, help="intakes (2 operations each) a push")
    p.add_argument("--db", default=os.environ.get(ENV), help=f"database URL (or {ENV})")
    p.add_argument("--small", action="store_true", help="10 kiosks, 10 s, 2 workers, for CI")
    a = p.parse_args()
    if a.small:
        a.kiosks, a.seconds, a.workers = 10, 10, 2
    if a.workers > 1 and sys.platform == "win32":
        raise SystemExit("--workers > 1 runs gunicorn: Linux only")
    run(a.kiosks, a.seconds, a.workers, a.baseline_workers, a.db, a.think, a.intakes)


if __name__ == "__main__":
    main()
