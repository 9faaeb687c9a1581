"""``python -m kabupaten serve --workers 2``: gunicorn with two worker processes over one
database, each kiosk still sees only its own office, and a batch sent twice at once to two
processes is stored once.

Before, ``serve`` had no ``--workers``: one waitress process. Several processes also meet a
race one process never had (its lock serialised every batch): the same batch arriving on two
processes at once, both finding no answer stored."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import signal
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from kabupaten.store import Store
from tests.sync.test_serve import free_port, kabupaten

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn: Linux only")
A, B = "3324012001", "3324012002"


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "kab.sqlite"
    assert kabupaten(db, "migrate").wait(60) == 0
    port = free_port()
    proc = kabupaten(db, "serve", "--port", str(port), "--workers", "2", "--threads", "2")
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"{url}/v1/probe", timeout=2).ok:
                break
        assert proc.poll() is None and time.monotonic() < deadline, proc.stdout
        time.sleep(0.2)
    yield url, db
    proc.send_signal(signal.SIGTERM)
    proc.wait(40)


def worker_pids(url: str) -> set[int]:
    """The processes answering on the port (a fresh connection each: gunicorn's workers share
    the listening socket): seen through each one's server-side socket in /proc."""
    port = int(url.rsplit(":", 1)[1])
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":  # LISTEN
            inodes.add(fields[9])
    pids = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                    if target.startswith("socket:[") and target[8:-1] in inodes:
                        pids.add(int(pid))
    return pids


def enrol(url: str, db: Path, office: str) -> dict[str, str]:
    """``kiosk add`` on the command line, then the kiosk trades the code for tokens."""
    proc = kabupaten(db, "kiosk", "add", office)
    out, _ = proc.communicate(timeout=60)
    code = out.strip().splitlines()[-1]
    body = {"grant_type": "enrolment", "kiosk_id": office, "enrolment_code": code}
    r = requests.post(f"{url}/v1/token", json=body, timeout=10)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def case_op(office: str, n: int) -> dict:
    return {
        "op_id": str(uuid.uuid4()),
        "entity_type": "case",
        "entity_id": str(uuid.uuid4()),
        "op_type": "kasus_dicatat",
        "schema_version": 1,
        "created_at": "2026-12-05T08:00:00+00:00",
        "payload": {"tracking_number": f"{office}-2612-{n:05d}", "description": "PKH belum cair"},
    }


def push(url: str, auth: dict[str, str], items: list[dict]) -> requests.Response:
    key = str(uuid.uuid4())
    body = gzip.compress(json.dumps({"batch_id": key, "items": items}).encode(), mtime=0)
    headers = {**auth, "Idempotency-Key": key, "Content-Encoding": "gzip"}
    headers["Content-Type"] = "application/json"
    return requests.post(f"{url}/v1/batches", data=body, headers=headers, timeout=30)


def test_two_processes_serve_two_offices_each_its_own(two_workers):
    url, db = two_workers
    assert len(worker_pids(url)) == 3  # gunicorn's arbiter and its two workers
    a, b = enrol(url, db, A), enrol(url, db, B)
    ours, theirs = [case_op(A, i) for i in range(5)], [case_op(B, i) for i in range(5)]
    for auth, items in ((a, ours), (b, theirs)):
        for _ in range(3):  # several requests, new connections: both processes answer
            r = push(url, auth, items)
            assert r.status_code == 200, r.text
    # B naming A's case is refused, never applied.
    stolen = {**case_op(B, 9), "op_type": "kasus_status", "entity_id": ours[0]["entity_id"]}
    stolen["payload"] = {"status": "selesai", "version": 9}
    assert push(url, b, [stolen]).json()["results"][0]["status"] == "rejected"
    store = Store(f"sqlite:///{db}", create=False)
    for op in ours:  # the kabupaten decides on A's cases
        store.add_change({"kind": "case_status", "entity_id": op["entity_id"], "status": "x"})
    stored = store.operations()
    assert sorted(o["op_id"] for o in stored) == sorted(o["op_id"] for o in ours + theirs)
    got_a = requests.get(f"{url}/v1/changes", headers=a, timeout=10).json()["changes"]
    got_b = requests.get(f"{url}/v1/changes", headers=b, timeout=10).json()["changes"]
    assert {c["entity_id"] for c in got_a} == {o["entity_id"] for o in ours}
    assert got_b == []
    r = requests.get(f"{url}/v1/changes", headers={"Authorization": "Bearer x"}, timeout=10)
    assert r.status_code == 401


def test_the_same_batch_on_both_processes_at_once_is_stored_once(two_workers):
    url, db = two_workers
    a = enrol(url, db, A)
    items = [case_op(A, i) for i in range(20)]
    key = str(uuid.uuid4())
    body = json.dumps({"batch_id": key, "items": items}).encode()
    headers = {**a, "Idempotency-Key": key, "Content-Type": "application/json"}

    def send(_: int) -> requests.Response:
        return requests.post(f"{url}/v1/batches", data=body, headers=headers, timeout=60)

    with ThreadPoolExecutor(8) as pool:  # a retry racing its original, eight times over
        answers = list(pool.map(send, range(8)))
    assert [r.status_code for r in answers] == [200] * 8
    assert len({r.text for r in answers}) == 1  # one answer, kept under the key
    stored = Store(f"sqlite:///{db}", create=False).operations()
    assert sorted(o["op_id"] for o in stored) == sorted(o["op_id"] for o in items)


def test_a_web_log_in_holds_whichever_worker_answers(two_workers, monkeypatch):
    """Sessions and CSRF tokens are signed: each worker must sign with the same key."""
    url, db = two_workers
    monkeypatch.setenv("KABUPATEN_PASSWORD", "kata-sandi-panjang-1")
    proc = kabupaten(db, "user", "add", "manajer", "--role", "manajer", "--db", str(db))
    assert proc.wait(60) == 0, proc.stdout
    web = requests.Session()
    web.headers["Connection"] = "close"  # a new connection, so either worker may take it
    for _ in range(4):
        page = web.get(f"{url}/web/masuk", timeout=10).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token is not None
        form = {"username": "manajer", "password": "kata-sandi-panjang-1"}
        r = web.post(f"{url}/web/masuk", data={**form, "csrf_token": token[1]}, timeout=10)
        assert r.status_code == 200 and "/web/masuk" not in r.url, r.text[:300]
        for _ in range(4):
            r = web.get(f"{url}/web/", timeout=10)
            assert r.status_code == 200 and "/web/masuk" not in r.url
        web.cookies.clear()
