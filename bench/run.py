"""Benchmarks, each printed as a ratio against a baseline measured in the same run.

    uv run python -m bench.run            # full size
    uv run python -m bench.run --small    # what CI runs: proves the benchmarks still work

Foundation benchmarks:
- ``nik_check``: ``check_nik`` (region lookup, +40 day, century, verdicts) against the bare
  minimum (``isdigit`` + ``datetime.date``) over the same NIKs.
- ``register``: ``register_person`` (permission, validation, duplicate checks, household,
  audit and outbox in one transaction) against a raw Core INSERT of the same rows.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from sqlalchemy import insert

from kiosk.context import Gateway, KioskContext
from kiosk.identity import check_nik
from kiosk.models import Person
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.people import PersonInput, register_person
from kiosk.services.setup import SiteInput, initialise


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _niks(n: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        born = date(1950, 1, 1).toordinal() + rng.randint(0, 25000)
        d = date.fromordinal(born)
        day = d.day + (40 if i % 2 else 0)
        out.append(f"332401{day:02d}{d:%m%y}{i % 9999 + 1:04d}")
    return out


def bench_nik(n: int) -> None:
    niks = _niks(n)
    today = date(2026, 11, 23)

    def baseline() -> None:
        for nik in niks:
            if nik.isdigit():
                day, yy = int(nik[6:8]), int(nik[10:12])
                date(2000 + yy if yy <= 26 else 1900 + yy, int(nik[8:10]), day % 40 or 40)

    def ours() -> None:
        for nik in niks:
            check_nik(nik, today=today)

    base, real = _timed(baseline), _timed(ours)
    print(
        f"nik_check  n={n:<7} baseline {base * 1e6 / n:7.2f} us/nik  "
        f"kiosk {real * 1e6 / n:7.2f} us/nik  ratio {real / base:5.1f}x"
    )


def bench_register(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = KioskContext.open(f"sqlite:///{tmp}/b.sqlite3", tmp)
        gw = Gateway(ctx)

        def setup(s):  # type: ignore[no-untyped-def]
            initialise(s, SiteInput("3324012001", "Sukamaju"), "admin", "Admin", "rahasia123")
            return Actor.of(create_officer(s, "depan", "FO", "rahasia123", [Role.FRONT_OFFICE]))

        fo = gw.call(setup)
        niks = _niks(2 * n)
        rows = [
            dict(nik=k, name=f"Warga {i}", name_key=f"warga {i}") for i, k in enumerate(niks[:n])
        ]

        def baseline() -> None:
            for row in rows:
                with ctx.engine.begin() as conn:
                    conn.execute(insert(Person), [row])

        def ours() -> None:
            for i, nik in enumerate(niks[n:]):
                gw.call(
                    register_person,
                    fo,
                    PersonInput(name=f"Warga B {i}", nik=nik, no_kk="3324011203150007"),
                )

        base, real = _timed(baseline), _timed(ours)
        ctx.close()
    print(
        f"register   n={n:<7} baseline {base * 1e3 / n:7.2f} ms/row  "
        f"kiosk {real * 1e3 / n:7.2f} ms/row  ratio {real / base:5.1f}x"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true", help="tiny sizes, for CI")
    a = p.parse_args()
    bench_nik(2_000 if a.small else 200_000)
    bench_register(20 if a.small else 500)


if __name__ == "__main__":
    main()
