"""The real kabupaten server for bench/kabupaten_scale.py: ``python -m kabupaten migrate`` into
an emptied database, then ``serve`` (waitress for one worker, gunicorn for several) in its own
processes, stopped with SIGTERM as a service manager stops it."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]


def fresh_database(url: str) -> None:
    """Empty the database, then migrate it. A PostgreSQL database must be the bench's own."""
    engine = create_engine(url)
    if engine.dialect.name == "postgresql":
        if not str(engine.url.database).startswith("bench"):
            raise SystemExit(f"the bench empties its database: {engine.url.database} is not bench*")
        with engine.begin() as c:
            c.execute(text("DROP SCHEMA public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
    else:
        Path(str(engine.url.database)).unlink(missing_ok=True)
    engine.dispose()
    subprocess.run(
        [sys.executable, "-m", "kabupaten", "--db", url, "migrate"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """``with Served(url, workers, kiosks) as port:`` the server answering on 127.0.0.1."""

    def __init__(self, url: str, workers: int, kiosks: int) -> None:
        self.port = free_port()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)
        args = ["serve", "--port", str(self.port), "--workers", str(workers)]
        # Every kiosk keeps its connection open: room for all of them in each process.
        args += ["--threads", "8", "--connections", str(kiosks + 50)]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kabupaten", "--db", url, *args],
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def __enter__(self) -> int:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"http://127.0.0.1:{self.port}/v1/probe", timeout=5).ok:
                    return self.port
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise RuntimeError(f"server did not start: {self.log.read().decode()[-2000:]}")
            time.sleep(0.2)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(40)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.log.close()
