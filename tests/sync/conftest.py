"""A real kabupaten server on 127.0.0.1 (its own SQLite file), a fault proxy in front of it,
and a kiosk with cases in its outbox, enrolled."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from kabupaten.proxy import FaultProxy
from kabupaten.server import ServerThread, create_app
from kabupaten.store import Store
from kiosk.models import OutboxOperation
from kiosk.roles import Role
from kiosk.services.outbox import configure_upstream
from sync.client import UpstreamClient
from sync.engine import Backoff, SyncEngine
from tests.backoffice.helpers import open_case

ENROLMENT = {"3324012001": "RAHASIA-UJI", "3324012002": "RAHASIA-DUA"}


@dataclass
class Upstream:
    store: Store
    thread: ServerThread
    db_path: Path

    @property
    def url(self) -> str:
        return self.thread.url

    def faults(self, **kw: object) -> None:
        requests.post(f"{self.url}/_admin/faults", json=kw, timeout=5).raise_for_status()

    def add_change(self, **change: object) -> dict:
        r = requests.post(f"{self.url}/_admin/changes", json=change, timeout=5)
        r.raise_for_status()
        return r.json()

    def wait_quiet(self, timeout: float = 30.0) -> None:
        """Until every answer the server was told to hold (``delay_after_commit``) has gone."""
        faults = self.thread.server.app.config["faults"]
        deadline = time.monotonic() + timeout
        while not faults.quiet():
            assert time.monotonic() < deadline, "the server still holds an answer"
            time.sleep(0.02)

    def restart(self) -> None:
        """Stop and start on the same port over the (possibly replaced) database file."""
        port = self.thread.port
        self.thread.stop()
        self.store.engine.dispose()
        self.store = Store(f"sqlite:///{self.db_path}")
        self.thread = ServerThread(create_app(self.store, ENROLMENT, admin=True), port).start()


@pytest.fixture
def upstream(tmp_path: Path) -> Iterator[Upstream]:
    db = tmp_path / "kabupaten.sqlite"
    store = Store(f"sqlite:///{db}")
    thread = ServerThread(create_app(store, ENROLMENT, admin=True)).start()
    up = Upstream(store, thread, db)
    yield up
    up.thread.stop()
    up.store.engine.dispose()


@pytest.fixture
def proxy(upstream: Upstream) -> Iterator[FaultProxy]:
    p = FaultProxy(upstream.thread.port)
    yield p
    p.close()


def make_engine(gateway, url: str, timeout: float = 5.0, clock=None) -> SyncEngine:
    """An engine whose waits are recorded, not slept (``engine.slept``)."""
    engine = SyncEngine(
        gateway, UpstreamClient(url, timeout=timeout), clock, Backoff(base=0.01, cap=0.05)
    )
    engine.slept = []
    engine.sleep = engine.slept.append
    return engine


@pytest.fixture
def kiosk(gateway, office, upstream):
    """Ten cases recorded at the counter (about thirty operations) and an enrolled engine."""
    for _ in range(10):
        open_case(gateway, office)
    gateway.call(configure_upstream, office[Role.ADMIN], upstream.url, "3324012001")
    engine = make_engine(gateway, upstream.url)
    engine.enrol("3324012001", "RAHASIA-UJI")
    return engine


def local_ops(session) -> list[OutboxOperation]:
    session.expire_all()
    return session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()


def assert_exactly_once(session, upstream: Upstream, quarantined: int = 0) -> None:
    """Every locally committed operation is on the server exactly once; nothing is marked
    sent that is not there; the outbox holds only quarantined items."""
    ops = local_ops(session)
    on_server = [o["op_id"] for o in upstream.store.operations()]
    assert len(on_server) == len(set(on_server)), "an operation was stored twice"
    server_ids = set(on_server)
    delivered = [o for o in ops if o.state in ("sent", "conflict")]
    assert {str(o.op_id) for o in delivered} <= server_ids, "marked sent but not on the server"
    stuck = [o for o in ops if o.state not in ("sent", "conflict", "quarantined")]
    assert stuck == [], f"{len(stuck)} operations still waiting"
    assert len([o for o in ops if o.state == "quarantined"]) == quarantined
    assert server_ids == {str(o.op_id) for o in ops if o.state != "quarantined"}


def drain(engine: SyncEngine, passes: int = 20):
    """Run passes until one succeeds with nothing left (the UI's timer does this)."""
    reports = []
    for _ in range(passes):
        report = engine.run_once()
        reports.append(report)
        if report.ok:
            return reports
    raise AssertionError(f"sync never succeeded: {[r.error for r in reports]}")
