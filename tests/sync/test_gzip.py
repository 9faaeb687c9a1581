"""Sync bodies gzipped both ways (contract 1.2): the kiosk's batches cross the village link
compressed, the server expands them within ``body_limit`` (a gzip bomb is a 413), and answers
go gzipped to a client that accepts it."""

from __future__ import annotations

import gzip
import json
import uuid

import requests
from sqlalchemy import select

from kiosk.models import OutboxOperation
from kiosk.services.outbox import item_of
from sync.client import UpstreamClient
from tests.sync.conftest import ENROLMENT, assert_exactly_once, make_engine

OFFICE = next(iter(ENROLMENT))
NOW = "2026-12-01T08:00:00+00:00"


def auth(url: str) -> dict[str, str]:
    body = {"grant_type": "enrolment", "kiosk_id": OFFICE, "enrolment_code": ENROLMENT[OFFICE]}
    r = requests.post(f"{url}/v1/token", json=body, timeout=5)
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def batch(key: str, n: int = 3) -> bytes:
    items = [
        {
            "op_id": str(uuid.uuid4()),
            "entity_type": "case",
            "entity_id": str(uuid.uuid4()),
            "op_type": "kasus_dicatat",
            "schema_version": 1,
            "created_at": NOW,
            "payload": {"tracking_number": f"T-{i}", "description": "PKH belum cair " * 5},
        }
        for i in range(n)
    ]
    return json.dumps({"batch_id": key, "kiosk_id": OFFICE, "items": items}).encode()


def post(url: str, body: bytes, key: str, encoding: str = "gzip") -> requests.Response:
    headers = {**auth(url), "Idempotency-Key": key, "Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding
    return requests.post(f"{url}/v1/batches", data=body, headers=headers, timeout=10)


def test_the_kiosk_sends_its_batches_gzipped(gateway, kiosk, upstream, proxy, session):
    plain = gateway.call(
        lambda s: sum(
            len(json.dumps(item_of(o), separators=(",", ":")))
            for o in s.scalars(select(OutboxOperation))
        )
    )
    engine = make_engine(gateway, proxy.url)
    assert engine.run_once().ok
    assert_exactly_once(session, upstream)
    # Probe, batch and pull together take less than half the operations' plain JSON.
    assert proxy.bytes_up < plain / 2, (proxy.bytes_up, plain)


def test_a_gzip_bomb_is_refused_with_413(upstream):
    key = uuid.uuid4().hex
    bomb = gzip.compress(b" " * 50_000_000)  # 50 MB of spaces in about 50 KB
    assert len(bomb) < 100_000
    r = post(upstream.url, bomb, key)
    assert r.status_code == 413 and r.json()["body_limit"] == 2_000_000
    assert upstream.store.operations() == []


def test_a_broken_or_unknown_encoding_is_refused_with_400(upstream):
    key = uuid.uuid4().hex
    whole = gzip.compress(batch(key))
    assert post(upstream.url, whole[: len(whole) // 2], key).status_code == 400
    assert post(upstream.url, batch(key), key, encoding="br").status_code == 400
    assert upstream.store.operations() == []


def test_the_same_batch_gzipped_or_plain_is_one_batch(upstream):
    """A retry through a proxy that strips the encoding is still the same batch (not a 422)."""
    key = uuid.uuid4().hex
    body = batch(key)
    first = post(upstream.url, gzip.compress(body), key)
    again = post(upstream.url, body, key, encoding="")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert len(upstream.store.operations()) == 3


def test_answers_are_gzipped_for_a_client_that_accepts_it(upstream):
    client = UpstreamClient(upstream.url)
    client.enrol(OFFICE, ENROLMENT[OFFICE])
    assert client.probe() and client.gzip_batches
    key = uuid.uuid4().hex
    results = client.push(key, batch(key), [])
    assert {r["status"] for r in results.values()} == {"accepted"}
    url, headers = f"{upstream.url}/v1/changes", auth(upstream.url)
    first = upstream.store.operations()[0]["entity_id"]
    for _ in range(10):
        upstream.add_change(kind="case_status", entity_id=first, status="diproses", note="x" * 80)
    zipped = requests.get(url, headers={**headers, "Accept-Encoding": "gzip"}, stream=True)
    plain = requests.get(url, headers={**headers, "Accept-Encoding": "identity"}, stream=True)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain.headers
    wire = zipped.raw.read(decode_content=False)
    assert len(wire) * 3 < len(plain.raw.read())
    assert len(json.loads(gzip.decompress(wire))["changes"]) == 10
