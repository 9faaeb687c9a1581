"""``puskesos --smoke``: what the bundle's smoke test runs to open every page and print a
ticket (packaging/smoke_test.sh); here on the source tree, as a separate process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.demo import DEMO_OFFICERS
from printing.decode import decode
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_every_role_opens_every_page_and_a_ticket_is_printed(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data), "--no-gui", "--households", "5"]) == 0
    capsys.readouterr()
    slip = tmp_path / "tiket.bin"
    url = f"sqlite:///{data / 'demo.sqlite3'}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-m", "ui.launch", "--smoke", str(slip), "--db", url],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for username, _name, _roles in DEMO_OFFICERS:
        assert f"{username}: home terbuka" in lines
    assert "admin: officers terbuka" in lines and "depan: front terbuka" in lines
    assert not [line for line in lines if "GAGAL" in line]
    with sqlite3.connect(data / "demo.sqlite3") as conn:
        (label,) = conn.execute("select label from queue_ticket order by issued_at desc").fetchone()
    assert label in decode(slip.read_bytes()).text  # the ticket the front office just issued
