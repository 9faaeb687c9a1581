"""Sync over a bad village link: the same outbox drained through the repository's fault proxy,
once clean and once hostile, in the same run.

    uv run python -m bench.sync_bad_link --records 4000

The hostile link (``kabupaten.proxy.Plan.hostile``): 20 % of pushes reset before the server
sees them, 20 % reset after it committed (the answer lost), 10 % of answers held 5 s, one
connection in ten slowed to 50 KB/s. The kiosk drains as ``puskesos sync`` does: passes one
after another, waiting what the engine's backoff says after a failed one. Target: at least 100
operations a second sustained on the hostile link, every operation stored exactly once.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from sqlalchemy import func, select

from bench.sync_push import ENROL, _kiosk, _server
from kabupaten.proxy import FaultProxy
from kiosk.models import OutboxOperation
from kiosk.services.outbox import set_state
from sync.client import UpstreamClient
from sync.engine import SyncEngine


def drain(records: int, hostile: bool, tmp: Path) -> tuple[float, int, int, int, int]:
    """Seconds to deliver ``records`` operations; passes, retries, cuts and holds."""
    ctx, gateway = _kiosk(tmp, records)
    server = _server(tmp, "server.sqlite")
    proxy = FaultProxy(server.port, seed=11)
    gateway.call(lambda s: set_state(s, "upstream_url", proxy.url))
    engine = SyncEngine(gateway, UpstreamClient(proxy.url, timeout=15.0))
    engine.enrol("3324012001", ENROL["3324012001"])
    if hostile:
        proxy.plan.hostile()
    took, passes, retries = drain_all(engine, gateway, server)
    proxy.close()
    server.stop()
    ctx.close()
    return took, passes, retries, proxy.cuts, proxy.holds


def run(records: int) -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "clean").mkdir()
        (Path(d) / "bad").mkdir()
        clean, *_ = drain(records, False, Path(d) / "clean")
        bad, passes, retries, cuts, holds = drain(records, True, Path(d) / "bad")
    print(
        f"sync on a bad link ({records} operations through the fault proxy): clean link "
        f"{clean:.2f} s ({records / clean:.0f} ops/s); hostile link {bad:.2f} s "
        f"({records / bad:.0f} ops/s, target >= 100), {bad / clean:.1f}x the clean time; "
        f"{passes} passes, {retries} retries within them, {cuts} connections cut, "
        f"{holds} answers held 5 s"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=4000)
    a = p.parse_args()
    run(a.records)


if __name__ == "__main__":
    main()


def drain_all(engine: Any, gateway: Any, server: Any) -> tuple[float, int, int]:
    """Sync passes until the outbox is empty, the way `puskesos sync` loops; then check that
    the server holds every operation exactly once. Seconds, passes, retries."""
    passes = retries = 0
    start = time.perf_counter()
    while True:
        report = engine.run_once()
        passes += 1
        retries += report.retries
        left = gateway.call(
            lambda s: s.scalar(
                select(func.count()).where(OutboxOperation.state.in_(("pending", "sending")))
            )
        )
        if not left:
            break
        if report.error:
            time.sleep(report.next_delay)
    took = time.perf_counter() - start
    stored = [o["op_id"] for o in server.server.app.config["store"].operations()]
    local = gateway.call(lambda s: {str(i) for i in s.scalars(select(OutboxOperation.op_id))})
    if not (len(stored) == len(set(stored)) and set(stored) == local):  # exactly once
        raise AssertionError(f"{len(stored)} stored, {len(set(stored))} distinct of {len(local)}")
    return took, passes, retries
