"""The reference kabupaten server refuses what it should, found first by hand-made requests:
enrolment without the right code, bodies that are not what the contract says, a huge upload
from a stranger, an access token kept after its refresh."""

from __future__ import annotations

import socket
import time
import uuid

import pytest
import requests

from tests.sync.conftest import ENROLMENT

KIOSK, CODE = next(iter(ENROLMENT.items()))


def enrol(url: str, **body: object) -> requests.Response:
    return requests.post(f"{url}/v1/token", json=body, timeout=5)


def tokens(url: str) -> dict:
    r = enrol(url, grant_type="enrolment", kiosk_id=KIOSK, enrolment_code=CODE)
    assert r.status_code == 200
    return r.json()


def operation(**override: object) -> dict:
    item = {
        "op_id": str(uuid.uuid4()),
        "entity_type": "case",
        "entity_id": str(uuid.uuid4()),
        "op_type": "kasus_dicatat",
        "schema_version": 1,
        "created_at": "2026-11-26T09:00:00+07:00",
        "payload": {"tracking_number": "SLRT-1"},
    }
    item.update(override)
    return item


def push(url: str, token: str, items: list, key: str | None = None) -> requests.Response:
    key = key or str(uuid.uuid4())
    return requests.post(
        f"{url}/v1/batches",
        json={"batch_id": key, "kiosk_id": KIOSK, "items": items},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        timeout=5,
    )


def test_enrolment_needs_a_known_kiosk_and_its_code(upstream):
    url = upstream.url
    assert enrol(url, grant_type="enrolment", kiosk_id=KIOSK).status_code == 400  # no code
    for kiosk_id, code in ((KIOSK, "SALAH"), ("9999999999", CODE), ("", "")):
        answer = enrol(url, grant_type="enrolment", kiosk_id=kiosk_id, enrolment_code=code)
        assert answer.status_code in (400, 401), (kiosk_id, code)
        assert "access_token" not in answer.text
    assert tokens(url)["access_token"]


def test_refused_enrolments_are_slowed_down(upstream):
    url = upstream.url
    answers = [
        enrol(url, grant_type="enrolment", kiosk_id=KIOSK, enrolment_code=f"TEBAK{i}")
        for i in range(7)
    ]
    assert [a.status_code for a in answers[:5]] == [401] * 5
    assert answers[5].status_code == 429 and int(answers[5].headers["Retry-After"]) > 0
    # Even the right code waits now: a guesser cannot tell a hit from a refusal.
    right = enrol(url, grant_type="enrolment", kiosk_id=KIOSK, enrolment_code=CODE)
    assert right.status_code == 429


def test_bodies_that_are_not_what_the_contract_says_get_400_not_500(upstream):
    url = upstream.url
    for body in (["grant_type"], "enrolment", 3, None, {"grant_type": ["enrolment"]}):
        answer = requests.post(f"{url}/v1/token", json=body, timeout=5)
        assert answer.status_code == 400 and answer.json()["error"], body
    token = tokens(url)["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    for limit in ("abc", "0.5", "0", "5001", "-1"):
        answer = requests.get(f"{url}/v1/changes", params={"limit": limit}, headers=auth, timeout=5)
        assert answer.status_code == 400, limit
    assert requests.get(f"{url}/v1/changes", params={"limit": 5000}, headers=auth).ok
    key = str(uuid.uuid4())
    for body in (b"[]", b'"x"', b"{", b'{"batch_id": "%s", "items": 3}' % key.encode()):
        answer = requests.post(
            f"{url}/v1/batches",
            data=body,
            headers={**auth, "Idempotency-Key": key, "Content-Type": "application/json"},
            timeout=5,
        )
        assert answer.status_code == 400, body


def test_one_bad_item_is_rejected_alone(upstream):
    token = tokens(upstream.url)["access_token"]
    good = [operation(), operation()]
    bad = [
        operation(entity_type=["case"]),
        operation(op_type={"x": 1}),
        {k: v for k, v in operation().items() if k != "created_at"},
        operation(schema_version="1"),
        operation(op_id="bukan-uuid"),
        "bukan objek",
    ]
    answer = push(upstream.url, token, [good[0], *bad, good[1]])
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["accepted", *["rejected"] * len(bad), "accepted"]
    assert "entity_type" in results[1]["detail"] and "created_at" in results[3]["detail"]
    stored = {o["op_id"] for o in upstream.store.operations()}
    assert stored == {good[0]["op_id"], good[1]["op_id"]}


def _chunked_upload(port: int, token: str | None, chunks: int, size: int = 1 << 20) -> str:
    """A chunked POST written chunk by chunk; stops writing as soon as the server answers or
    closes. Returns the status line (or what the socket said)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        head = [
            "POST /v1/batches HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "Transfer-Encoding: chunked",
            "Content-Type: application/json",
            f"Idempotency-Key: {uuid.uuid4()}",
        ]
        if token:
            head.append(f"Authorization: Bearer {token}")
        s.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        chunk = f"{size:x}\r\n".encode() + b" " * size + b"\r\n"
        s.setblocking(False)
        sent = 0
        for _ in range(chunks):
            try:
                reply = s.recv(200)
                if reply:
                    return reply.split(b"\r\n")[0].decode() + f" after {sent} MB"
            except BlockingIOError:
                pass
            try:
                s.sendall(chunk)
                sent += 1
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                time.sleep(0.01)
        s.setblocking(True)
        return s.recv(200).split(b"\r\n")[0].decode() + f" after {sent} MB"


def test_a_huge_upload_is_refused_before_it_is_read(upstream):
    """400 MB from a stranger used to grow the server to 875 MB: the token is checked from the
    headers, and a kiosk's chunked body is cut at the body limit while streaming."""
    port = upstream.thread.port
    stranger = _chunked_upload(port, None, chunks=400)
    assert stranger.startswith("HTTP/1.1 401"), stranger
    assert int(stranger.split(" after ")[1].split()[0]) < 50
    token = tokens(upstream.url)["access_token"]
    kiosk = _chunked_upload(port, token, chunks=400)
    assert kiosk.startswith("HTTP/1.1 413"), kiosk
    assert int(kiosk.split(" after ")[1].split()[0]) < 50


def test_a_refresh_revokes_the_access_token_it_replaces(upstream):
    url = upstream.url
    first = tokens(url)
    auth = {"Authorization": f"Bearer {first['access_token']}"}
    assert requests.get(f"{url}/v1/changes", headers=auth, timeout=5).status_code == 200
    second = enrol(url, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert second.status_code == 200
    assert requests.get(f"{url}/v1/changes", headers=auth, timeout=5).status_code == 401
    again = enrol(url, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert again.status_code == 401  # a refresh token is used once
    new = {"Authorization": f"Bearer {second.json()['access_token']}"}
    assert requests.get(f"{url}/v1/changes", headers=new, timeout=5).status_code == 200


def test_a_refused_enrolment_says_why_and_is_not_retried(gateway, upstream):
    """The kiosk tells the officer what to do: a wrong code is not a link problem (no retry),
    and after five refusals the server's wait is said, not hammered."""
    from sync.client import EnrolmentRefused, TooManyAttempts
    from tests.sync.conftest import make_engine

    engine = make_engine(gateway, upstream.url)
    for _ in range(5):
        with pytest.raises(EnrolmentRefused, match="Kode pendaftaran salah"):
            engine.enrol(KIOSK, "SALAH")
    with pytest.raises(TooManyAttempts) as waited:
        engine.enrol(KIOSK, CODE)
    assert "tunggu 10 menit" in type(waited.value).message and waited.value.retry_after > 0
    assert engine.slept == []  # neither was retried
