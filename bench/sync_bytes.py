"""Bytes on the village link per operation, before and after gzip (contract 1.2).

    uv run python -m bench.sync_bytes --records 2000

The same outbox is pushed twice through a byte-counting proxy to the reference server: once as
before (plain JSON batches, answers not compressed), once as the kiosk does now (batches
gzipped, answers gzipped). Everything that crosses is counted: probe, token, batches, answers,
pull, audit head. Target: at least 3x fewer bytes per operation.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path

from bench.sync_push import ENROL, _kiosk, _server
from kabupaten.proxy import FaultProxy
from kiosk.services.outbox import set_state
from sync.client import Probe, UpstreamClient
from sync.engine import SyncEngine


class PlainClient(UpstreamClient):
    """The kiosk before 1.2: plain batches, no compressed answers asked for."""

    def __init__(self, url: str):
        super().__init__(url)
        self.http.headers["Accept-Encoding"] = "identity"

    def probe(self) -> Probe:
        found = super().probe()
        self.gzip_batches = False
        return found


def _bytes_per_op(tmp: Path, records: int, plain: bool) -> float:
    _ctx, gateway = _kiosk(tmp, records)
    srv = _server(tmp, "server.sqlite")
    proxy = FaultProxy(srv.port)
    gateway.call(lambda s: set_state(s, "upstream_url", proxy.url))
    client = PlainClient(proxy.url) if plain else UpstreamClient(proxy.url)
    engine = SyncEngine(gateway, client)
    engine.enrol("3324012001", ENROL["3324012001"])
    report = engine.run_once()
    assert report.ok and report.sent >= records, report
    proxy.close()
    srv.stop()
    _ctx.close()
    return (proxy.bytes_up + proxy.bytes_down) / records


def run(records: int) -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as d:
        before_dir, after_dir = Path(d) / "before", Path(d) / "after"
        before_dir.mkdir()
        after_dir.mkdir()
        before = _bytes_per_op(before_dir, records, plain=True)
        after = _bytes_per_op(after_dir, records, plain=False)
    print(
        f"sync bytes ({records} operations): {before:.0f} bytes per operation plain, "
        f"{after:.0f} gzipped; ratio {before / after:.1f}x fewer (target: >= 3x)"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=2000)
    p.add_argument("--small", action="store_true", help="tiny size, for CI")
    a = p.parse_args()
    run(200 if a.small else a.records)


if __name__ == "__main__":
    main()
