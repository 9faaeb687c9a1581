"""Screenshots for docs/panduan-petugas.md, made from the demo office (docs/img/*.png).

The officer's guide shows the real window; when a page changes, its picture should change
with it. This builds (or reuses) the demo database in a data folder of its own, opens the
window offscreen at 1366x768 as each demo officer, drives a few pages the way an officer
would (a ticket, a search, a call, the lock) and saves each view as a PNG small enough for a
repository (8-bit palette, about 100 KB or less).

    QT_QPA_PLATFORM=offscreen uv run python -m tools.doc_screenshots [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
SIZE = (1366, 768)
REGISTERED = "Irnanto"  # a registered citizen of the demo office: Enter opens the capture
SETTLE_S = 1.0  # a page's first load runs off the window's thread: let it arrive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="folder for the demo database (default: temporary)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="puskesos-docs-"))
    subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(data_dir), "demo", "--no-gui"],
        check=True,
        cwd=ROOT,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    return _shoot(data_dir)


def _shoot(data_dir: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.context import Gateway, KioskContext
    from kiosk.demo import DEMO_PASSWORD
    from kiosk.services.auth import login
    from ui.app import build_window

    app = QApplication.instance() or QApplication(sys.argv)
    ctx = KioskContext.open(f"sqlite:///{data_dir / 'demo.sqlite3'}", str(data_dir))
    window = build_window(ctx, demo=True)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    _save(window, "masuk")

    def as_officer(username: str) -> object:
        actor = Gateway(ctx).call(login, username, DEMO_PASSWORD, ctx.clock)
        window.on_logged_in(actor)
        return window.shell

    shell = as_officer("depan")
    front = shell.show_key("front")
    _settle(app)
    QTest.keyClick(front, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    _settle(app)
    _save(window, "tiket")
    query = front.find_step.query  # type: ignore[attr-defined]
    query.setFocus()
    QTest.keyClicks(query, "siti")
    QTest.keyClick(query, Qt.Key.Key_Return)
    _settle(app)
    _save(window, "cari-warga")
    query.selectAll()
    QTest.keyClicks(query, REGISTERED)
    QTest.keyClick(query, Qt.Key.Key_Return)
    _settle(app)
    QTest.keyClick(app.focusWidget() or front, Qt.Key.Key_Return)  # the first hit, chosen
    _settle(app)
    _save(window, "isian-pengaduan")
    shell.show_key("queue")
    _settle(app)
    QTest.keyClick(shell.focusWidget() or shell, Qt.Key.Key_F5)
    _settle(app)
    _save(window, "panggilan-antrian")
    window.on_lock()
    _settle(app)
    _save(window, "kunci-layar")

    shell = as_officer("belakang")
    cases = shell.show_key("cases")
    _settle(app)
    cases.table.selectRow(1)  # type: ignore[attr-defined]  # a case under review: its moves
    _settle(app)
    _save(window, "kasus")
    status = shell.show_key("status")
    _settle(app)
    QTest.keyClicks(status.number, _decided_case(data_dir))  # type: ignore[attr-defined]
    QTest.keyClick(status.number, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    _settle(app)
    _save(window, "cek-status")

    shell = as_officer("koordinator")
    shell.show_key("approvals")
    _settle(app)
    _save(window, "persetujuan")

    shell = as_officer("admin")
    for key, name in (("printer", "printer"), ("backup", "cadangan"), ("sync", "sinkronisasi")):
        shell.show_key(key)
        _settle(app)
        _save(window, name)
    window.close()
    ctx.close()
    return 0


def _decided_case(data_dir: Path) -> str:
    """A demo case with an outcome, so the status page shows one (read-only query)."""
    uri = f"file:{data_dir / 'demo.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        row = db.execute(
            "SELECT tracking_number FROM service_case WHERE status = 'ditolak'"
        ).fetchone()
    return str(row[0]) if row else ""


def _settle(app: object) -> None:
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _save(widget: object, name: str) -> None:
    """Grab the window and save it as an 8-bit palette PNG (a screenshot of flat colours
    loses nothing visible at 256 colours and is a third of the size)."""
    from PIL import Image

    path = OUT / f"{name}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
