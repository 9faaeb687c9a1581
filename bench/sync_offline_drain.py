"""Intakes recorded offline at the counter, then drained to the kabupaten through the fault
proxy: the link issue #31 measured, beside a clean link.

    uv run python -m bench.sync_offline_drain --intakes 1000
    uv run python -m bench.sync_offline_drain --small
    uv run python -m bench.sync_offline_drain --seeds 11   # one hostile draw, not eight

Each intake is a walk-in through the kiosk's own services (a person registered, the case
recorded: the operations the counter really queues), made once and copied for both runs. The
hostile link: 20 % of pushes cut before the server sees them, 20 % cut after it committed (the
answer lost), 10 % of answers held 5 s, one connection in ten throttled to 32 kbit/s (4,000
bytes a second). The kiosk drains as ``puskesos sync`` does: passes one after another, waiting
what the engine's backoff says after a failed one. Target: at least 100 operations a second on
the hostile link, every operation stored exactly once.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.sync_bad_link import drain_all

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")
os.environ.setdefault("PUSKESOS_NO_KEYRING", "1")

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bench.sync_push import ENROL, _server
from kabupaten.proxy import FaultProxy
from kiosk.context import Gateway, KioskContext
from kiosk.models import OutboxOperation
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.outbox import configure_upstream, set_state
from kiosk.services.people import PersonInput, register_person
from kiosk.services.setup import SiteInput, initialise
from kiosk.services.walk_in import CaptureInput, record_walk_in
from sync.client import UpstreamClient
from sync.engine import SyncEngine

OFFICE = "3324012001"
KBPS_32 = 4_000  # bytes a second
SEEDS = tuple(range(11, 19))  # the fault proxy's eight draws for the hostile runs


def record_intakes(folder: Path, n: int) -> int:
    """``n`` walk-ins at the counter, offline; the number of operations queued."""
    ctx = KioskContext.open(f"sqlite:///{folder / 'kiosk.sqlite'}", str(folder / "data"))
    gateway = Gateway(ctx)

    site = SiteInput(village_code=OFFICE, village_name="Sukamaju")

    def office(s: Session) -> tuple[Actor, Actor]:
        admin = initialise(s, site, "admin", "Admin", "rahasia123")
        fo = create_officer(s, "petugas.fo", "Petugas FO", "rahasia123", [Role.FRONT_OFFICE])
        return admin, Actor.of(fo)

    admin, fo = gateway.call(office)
    gateway.call(configure_upstream, admin, "http://127.0.0.1", OFFICE)
    for i in range(n):
        born = date(1950, 1, 1) + timedelta(days=11 * i)  # no two alike: not a duplicate
        digits = f"{born.day + 40:02d}{born.month:02d}{born.year % 100:02d}"  # a woman's
        person = gateway.call(
            register_person,
            fo,
            PersonInput(
                name=f"Warga Uji {i + 1}",
                nik=f"332401{digits}{(i % 9999) + 1:04d}",
                birth_date=born,
                sex="P",
            ),
        )
        gateway.call(
            record_walk_in,
            fo,
            CaptureInput(
                person_id=person.id,
                sector="sosial",
                category="bantuan_tidak_diterima",
                programme_code="PKH",
                description="PKH tahap 3 belum cair; sudah ditanyakan ke pendamping",
                urgency="biasa",
            ),
        )
    queued = gateway.call(lambda s: s.scalar(select(func.count()).select_from(OutboxOperation)))
    ctx.close()
    return int(queued or 0)


def drain(made: Path, run: Path, hostile: bool, seed: int = 11) -> tuple[float, int, int, int, int]:
    """Seconds to deliver the copied outbox; passes, retries, cuts and holds. ``seed`` draws
    the proxy's faults (which requests are cut, which connections slow)."""
    shutil.copytree(made, run)
    ctx = KioskContext.open(f"sqlite:///{run / 'kiosk.sqlite'}", str(run / "data"))
    gateway = Gateway(ctx)
    server = _server(run, "server.sqlite")
    proxy = FaultProxy(server.port, seed=seed)
    gateway.call(lambda s: set_state(s, "upstream_url", proxy.url))
    engine = SyncEngine(gateway, UpstreamClient(proxy.url, timeout=15.0))
    engine.enrol(OFFICE, ENROL[OFFICE])
    if hostile:
        proxy.plan.hostile()
        proxy.plan.bytes_per_second = KBPS_32
    took, passes, retries = drain_all(engine, gateway, server)
    proxy.close()
    server.stop()
    ctx.close()
    return took, passes, retries, proxy.cuts, proxy.holds


def run(intakes: int, seeds: tuple[int, ...] = SEEDS) -> None:
    """The clean link once; the hostile one with each of ``seeds``: one unlucky draw (a slow
    connection carrying the biggest batch, a burst of cuts) moves a single run by half, so
    one draw alone says little."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as d:
        made = Path(d) / "made"
        made.mkdir()
        ops = record_intakes(made, intakes)
        clean, *_ = drain(made, Path(d) / "clean", False)
        runs = [drain(made, Path(d) / f"bad-{seed}", True, seed) for seed in seeds]
    print(
        f"offline intakes drained ({intakes} intakes, {ops} operations): clean link "
        f"{clean:.2f} s ({ops / clean:.0f} ops/s); hostile link at 32 kbit/s, median of "
        f"{len(runs)} fault draws {ops / statistics.median(r[0] for r in runs):.0f} ops/s, "
        f"worst {ops / max(r[0] for r in runs):.0f} ops/s (target >= 100)"
    )
    for seed, (bad, passes, retries, cuts, holds) in zip(seeds, runs, strict=True):
        print(
            f"  seed {seed}: {bad:.2f} s ({ops / bad:.0f} ops/s); {passes} passes, {retries} "
            f"retries within them, {cuts} connections cut, {holds} answers held 5 s"
        )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--intakes", type=int, default=1000)
    p.add_argument("--small", action="store_true", help="100 intakes, to prove it runs")
    p.add_argument("--seeds", default=",".join(map(str, SEEDS)), help="hostile fault draws")
    a = p.parse_args()
    run(100 if a.small else a.intakes, tuple(int(x) for x in a.seeds.split(",")))


if __name__ == "__main__":
    main()
