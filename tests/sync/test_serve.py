"""``python -m kabupaten migrate`` then ``serve``: a production server (waitress) that a client
trickling its headers cannot starve, with the test hooks switched off.

Before, the server was Werkzeug's development server, one thread per connection without a
timeout: 400 idle slow-header connections held 400 threads, forever."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def kabupaten(db: Path, *args: str, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "KABUPATEN_DB_URL": f"sqlite:///{db}"}
    return subprocess.Popen(
        [sys.executable, "-m", "kabupaten", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "kab.sqlite"
    assert kabupaten(db, "migrate").wait(60) == 0
    port = free_port()
    args = ["serve", "--port", str(port), "--threads", "2", "--channel-timeout", "2"]
    proc = kabupaten(db, *args)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"{url}/v1/probe", timeout=2).ok:
                break
        assert proc.poll() is None and time.monotonic() < deadline, proc.stdout
        time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)


def test_slow_header_clients_are_cut_and_others_still_answered(served):
    port = int(served.rsplit(":", 1)[1])
    slow = []
    for _ in range(40):  # twenty times the worker threads
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"GET /v1/probe HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # never ends
        slow.append(s)
    start = time.monotonic()
    assert requests.get(f"{served}/v1/probe", timeout=5).json()["api_version"] == "1"
    assert time.monotonic() - start < 3
    # Idle past the channel timeout: the server closes each stalled connection.
    for s in slow:
        with contextlib.suppress(ConnectionResetError):
            assert s.recv(1024) == b""
        s.close()
    assert time.monotonic() - start < 10


def test_the_test_hooks_are_not_served(served):
    r = requests.post(f"{served}/_admin/faults", json={"counts": {"batch_500": 5}}, timeout=5)
    assert r.status_code == 404
    assert requests.get(f"{served}/_admin/operations", timeout=5).status_code == 404


def test_serve_refuses_a_database_not_migrated(tmp_path):
    proc = kabupaten(tmp_path / "new.sqlite", "serve", "--port", str(free_port()))
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "migrate" in out


def test_a_stranger_s_large_upload_is_refused_by_the_server(served):
    """waitress buffers a body before the app's own limit applies; it refuses one above 4 MB
    itself, without a token."""
    r = requests.post(f"{served}/v1/batches", data=b"x" * 5_000_000, timeout=30)
    assert r.status_code == 413
