"""One simulated kiosk of bench/kabupaten_scale.py: pushes intakes shaped like the counter's
own and pulls its changes over one kept-alive HTTP connection, as ``puskesos sync`` does.

The operations are the kiosk's real ones: one walk-in recorded through the kiosk's services
(a person registered, a case recorded), read from its outbox as the wire items, then copied
with fresh ids for every intake. A batch goes gzipped with its key; an answer lost (timeout,
cut connection, 5xx) is retried with the same key and the same bytes until the server answers.
``http.client`` rather than requests: the client must not be what limits the count.
"""

from __future__ import annotations

import copy
import gzip
import http.client
import json
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select


def intake_template() -> list[dict[str, Any]]:
    """One walk-in's operations (person, case) as the kiosk sends them."""
    from bench.sync_offline_drain import record_intakes
    from kiosk.context import Gateway, KioskContext
    from kiosk.models import OutboxOperation
    from kiosk.services.outbox import item_of

    with tempfile.TemporaryDirectory() as d:
        record_intakes(Path(d), 1)
        ctx = KioskContext.open(f"sqlite:///{Path(d) / 'kiosk.sqlite'}", str(Path(d) / "data"))
        items = Gateway(ctx).call(
            lambda s: [
                item_of(o)
                for o in s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq))
                if o.entity_type in ("person", "case")
            ]
        )
        ctx.close()
    return items


@dataclass
class Kiosk:
    office: str
    port: int
    template: list[dict[str, Any]]
    token: str = ""
    intakes: int = 0
    pushed: set[str] = field(default_factory=set)  # op_ids the server answered for
    accepted: int = 0
    refused: int = 0  # answered but not "accepted" (should stay 0)
    mine: set[str] = field(default_factory=set)  # entity ids this office wrote
    cases: list[str] = field(default_factory=list)  # its cases, for the officers to decide on
    changes: list[str] = field(default_factory=list)  # change ids received
    foreign: int = 0  # changes about another office's records (must stay 0)
    cursor: str = ""
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    retries: int = 0
    causes: dict[str, int] = field(default_factory=dict)  # why each retry
    conn: http.client.HTTPConnection | None = None

    def _request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> Any:
        """(status, decoded JSON, milliseconds); reconnects and retries on a cut connection."""
        while True:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                answer = self.conn.getresponse()
                data = answer.read()
            except (OSError, http.client.HTTPException) as exc:
                self.conn.close()
                self.conn = None
                self._retry(type(exc).__name__)
                time.sleep(0.2)
                continue
            took = (time.perf_counter() - start) * 1000
            if answer.getheader("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
            if answer.status >= 500 or answer.status == 429:
                self._retry(str(answer.status))
                time.sleep(0.2)
                continue
            return answer.status, json.loads(data) if data else None, took

    def _retry(self, cause: str) -> None:
        self.retries += 1
        self.causes[cause] = self.causes.get(cause, 0) + 1

    def enrol(self, code: str) -> None:
        body = {"grant_type": "enrolment", "kiosk_id": self.office, "enrolment_code": code}
        status, data, _ = self._request(
            "POST", "/v1/token", json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        if status != 200:
            raise RuntimeError(f"enrolment of {self.office}: {status} {data}")
        self.token = data["access_token"]

    def _items(self, n: int) -> list[dict[str, Any]]:
        items = []
        for _ in range(n):
            self.intakes += 1
            ids = {o["entity_id"]: str(uuid.uuid4()) for o in self.template}
            for op in self.template:
                item = copy.deepcopy(op)
                item["op_id"] = str(uuid.uuid4())
                item["entity_id"] = ids[op["entity_id"]]
                payload = item["payload"]
                if payload.get("person_id") in ids:
                    payload["person_id"] = ids[payload["person_id"]]
                if "tracking_number" in payload:
                    payload["tracking_number"] = f"{self.office}-2612-{self.intakes:05d}"
                items.append(item)
        return items

    def push(self, intakes: int) -> None:
        items = self._items(intakes)
        key = str(uuid.uuid4())
        body = gzip.compress(
            json.dumps({"batch_id": key, "items": items}).encode(), compresslevel=6, mtime=0
        )
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Idempotency-Key": key,
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "Accept-Encoding": "gzip",
        }
        status, data, took = self._request("POST", "/v1/batches", body, headers)
        if status != 200:
            raise RuntimeError(f"push of {self.office}: {status} {data}")
        self.push_ms.append(took)
        for result in data["results"]:
            self.pushed.add(result["op_id"])
            if result["status"] == "accepted":
                self.accepted += 1
            else:
                self.refused += 1
        self.mine.update(i["entity_id"] for i in items)
        self.cases.extend(i["entity_id"] for i in items if i["entity_type"] == "case")

    def pull(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}", "Accept-Encoding": "gzip"}
        while True:
            path = "/v1/changes?limit=500" + (f"&cursor={self.cursor}" if self.cursor else "")
            status, data, took = self._request("GET", path, None, headers)
            if status != 200:
                raise RuntimeError(f"pull of {self.office}: {status} {data}")
            self.pull_ms.append(took)
            for change in data["changes"]:
                self.changes.append(change["change_id"])
                if change["entity_id"] not in self.mine:
                    self.foreign += 1
            self.cursor = data["next_cursor"]
            if not data["has_more"]:
                return

    def run(self, until: float, intakes: int, think: float) -> None:
        while time.monotonic() < until:
            self.push(intakes)
            self.pull()
            time.sleep(think)
