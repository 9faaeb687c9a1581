"""Sync over loopback: batched push against one request per record (how ODK Collect sends),
and pulling status changes.

    uv run python -m bench.sync_push --records 5000 --changes 10000

Both pushes go to the same reference server (its own SQLite file, synchronous commits) with the
same operations; the baseline sends each operation in its own request with its own key, as the
per-record senders do. Targets (issue #6): batched ≥ 10× the baseline and ≥ 500 records/s.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

import requests
from sqlalchemy import insert, select

from kabupaten.server import ServerThread, create_app
from kabupaten.store import Store
from kiosk.clock import utcnow
from kiosk.context import Gateway, KioskContext
from kiosk.models import Case, Officer, OutboxOperation
from kiosk.services.outbox import configure_upstream, item_of, set_state
from kiosk.services.setup import SiteInput, initialise
from sync.client import UpstreamClient
from sync.engine import SyncEngine

ENROL = {"3324012001": "BENCH"}


def _payload(i: int) -> dict:
    return {
        "tracking_number": f"3324012001-2611-{i:05d}",
        "person_id": str(uuid.uuid4()),
        "kind": "pengaduan",
        "sector": "sosial",
        "category": "bantuan_tidak_diterima",
        "programme": "PKH",
        "channel": "datang",
        "urgency": "biasa",
        "description": "PKH tahap 3 belum cair; sudah ditanyakan ke pendamping " * 2,
        "needs": ["PBI-JK"],
        "participation": ["PKH", "BPNT"],
        "dtks_status": "terdaftar",
        "due_on": "2026-11-30",
        "desk": "sosial_ekonomi",
    }


def _kiosk(tmp: Path, records: int) -> tuple[KioskContext, Gateway]:
    ctx = KioskContext.open(f"sqlite:///{tmp / 'kiosk.sqlite'}", data_dir=str(tmp / "data"))
    gateway = Gateway(ctx)
    admin = gateway.call(
        lambda s: initialise(
            s,
            SiteInput(village_code="3324012001", village_name="Sukamaju"),
            "admin",
            "Admin",
            "rahasia123",
        )
    )
    gateway.call(configure_upstream, admin, "http://127.0.0.1", "3324012001")
    now = utcnow()
    rows = [
        {
            "op_id": uuid.uuid4(),
            "entity_type": "case",
            "entity_id": uuid.uuid4(),
            "op_type": "kasus_dicatat",
            "payload": _payload(i),
            "schema_version": 1,
            "created_at": now,
            "state": "pending",
        }
        for i in range(records)
    ]
    gateway.call(lambda s: s.execute(insert(OutboxOperation), rows))
    return ctx, gateway


def _server(tmp: Path, name: str) -> ServerThread:
    store = Store(f"sqlite:///{tmp / name}")
    return ServerThread(create_app(store, ENROL, admin=True)).start()


def run(records: int, changes: int) -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ctx, gateway = _kiosk(tmp, records)
        items = gateway.call(lambda s: [item_of(o) for o in s.scalars(select(OutboxOperation))])

        # Baseline: one request per record.
        base_srv = _server(tmp, "base.sqlite")
        client = UpstreamClient(base_srv.url)
        client.enrol("3324012001", "BENCH")
        start = time.perf_counter()
        for item in items:
            key = uuid.uuid4().hex
            client.push(key, client.batch_body(key, "3324012001", [item]), [item["op_id"]])
        baseline = time.perf_counter() - start
        base_srv.stop()

        # Ours: the engine drains the outbox in adaptive batches.
        srv = _server(tmp, "ours.sqlite")
        gateway.call(lambda s: set_state(s, "upstream_url", srv.url))
        engine = SyncEngine(gateway, UpstreamClient(srv.url))
        engine.enrol("3324012001", "BENCH")
        start = time.perf_counter()
        report = engine.run_once()
        ours = time.perf_counter() - start
        assert report.ok and report.sent >= records, report
        print(
            f"sync push ({records} records over loopback): batched {ours:.2f} s "
            f"({records / ours:.0f} records/s), one request per record {baseline:.2f} s "
            f"({records / baseline:.0f}/s); ratio {baseline / ours:.1f}x faster "
            "(targets: >= 10x and >= 500 records/s)"
        )

        # Pull: status changes for cases this kiosk holds.
        case_ids = [str(uuid.uuid4()) for _ in range(200)]
        gateway.call(
            lambda s: s.execute(
                insert(Case),
                [
                    {
                        "id": uuid.UUID(c),
                        "tracking_number": f"T-{i}",
                        "kind": "pengaduan",
                        "status": "diterima",
                        "created_by": s.scalars(select(Officer.id)).first(),
                    }
                    for i, c in enumerate(case_ids)
                ],
            )
        )
        statuses = ["ditelaah", "diproses", "selesai"]
        requests.post(
            f"{srv.url}/_admin/changes",
            json=[
                {
                    "kind": "case_status",
                    "office": "3324012001",  # cases made here, never pushed: name the office
                    "entity_id": case_ids[i % 200],
                    "status": statuses[i % 3],
                    "note": "kabupaten",
                }
                for i in range(changes)
            ],
            timeout=120,
        ).raise_for_status()
        start = time.perf_counter()
        report = engine.run_once()
        pulled = time.perf_counter() - start
        assert report.ok and report.pulled == changes, report
        print(
            f"sync pull: {changes} status changes in {pulled:.2f} s "
            f"({changes / pulled:.0f} changes/s), applied as case history with the cursor"
        )
        srv.stop()
        ctx.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=5000)
    p.add_argument("--changes", type=int, default=10000)
    a = p.parse_args()
    run(a.records, a.changes)


if __name__ == "__main__":
    main()
