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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.shell import Shell

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
SIZE = (1366, 768)
REGISTERED = "Irnanto"  # a registered citizen of the demo office: Enter opens the capture
SETTLE_S = 1.0  # a page's first load runs off the window's thread: let it arrive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", help="folder for the demo database, kept and reused (default: a fresh one)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.data_dir:
        return _run(Path(args.data_dir))
    with tempfile.TemporaryDirectory(prefix="puskesos-docs-") as scratch:
        return _run(Path(scratch))


def _run(data_dir: Path) -> int:
    """A fresh demo (or the one already in ``data_dir``), then the pictures."""
    subprocess.run(
        [sys.executable, "-m", "ui.cli", "--data-dir", str(data_dir), "demo", "--no-gui"],
        check=True,
        cwd=ROOT,
    )
    OUT.mkdir(parents=True, exist_ok=True)
    return _shoot(data_dir)


def _shoot(data_dir: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.context import Gateway, KioskContext
    from kiosk.demo import DEMO_PASSWORD
    from kiosk.services.auth import login
    from ui.app import build_window

    if QApplication.instance() is None:
        QApplication(sys.argv)
    ctx = KioskContext.open(f"sqlite:///{data_dir / 'demo.sqlite3'}", str(data_dir))
    window = build_window(ctx, demo=True)
    window.resize(*SIZE)
    window.show()
    _settle()
    _save(window, "masuk")

    def as_officer(username: str) -> Shell:
        actor = Gateway(ctx).call(login, username, DEMO_PASSWORD, ctx.clock)
        window.on_logged_in(actor)
        assert window.shell is not None
        return window.shell

    _front_office(window, as_officer("depan"))
    window.on_lock()
    _settle()
    _save(window, "kunci-layar")
    _back_office(window, as_officer("belakang"), data_dir)
    _page(window, as_officer("koordinator"), "approvals", "persetujuan")
    admin = as_officer("admin")
    for key, name in (("printer", "printer"), ("backup", "cadangan"), ("sync", "sinkronisasi")):
        _page(window, admin, key, name)
    window.close()
    ctx.close()
    return 0


def _front_office(window: QWidget, shell: Shell) -> None:
    """A ticket (Ctrl+T), a name search, a registered citizen chosen, a call (F5)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    front = shell.show_key("front")
    _settle()
    QTest.keyClick(front, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    _settle()
    _save(window, "tiket")
    query = front.find_step.query  # type: ignore[attr-defined]
    query.setFocus()
    QTest.keyClicks(query, "siti")
    QTest.keyClick(query, Qt.Key.Key_Return)
    _settle()
    _save(window, "cari-warga")
    query.selectAll()
    QTest.keyClicks(query, REGISTERED)
    QTest.keyClick(query, Qt.Key.Key_Return)
    _settle()
    QTest.keyClick(QApplication.focusWidget() or front, Qt.Key.Key_Return)  # the first hit
    _settle()
    _save(window, "isian-pengaduan")
    queue = shell.show_key("queue")
    _settle()
    QTest.keyClick(QApplication.focusWidget() or queue, Qt.Key.Key_F5)
    _settle()
    _save(window, "panggilan-antrian")


def _back_office(window: QWidget, shell: Shell, data_dir: Path) -> None:
    """A case under review with its moves; a decided case on the status page."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    cases = shell.show_key("cases")
    _settle()
    cases.table.selectRow(1)  # type: ignore[attr-defined]
    _settle()
    _save(window, "kasus")
    status = shell.show_key("status")
    _settle()
    number = status.number  # type: ignore[attr-defined]
    QTest.keyClicks(number, _decided_case(data_dir))
    QTest.keyClick(number, Qt.Key.Key_Return)
    _settle()
    _save(window, "cek-status")


def _page(window: QWidget, shell: Shell, key: str, name: str) -> None:
    shell.show_key(key)
    _settle()
    _save(window, name)


def _decided_case(data_dir: Path) -> str:
    """A demo case with an outcome, so the status page shows one (read-only query)."""
    uri = f"file:{data_dir / 'demo.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        row = db.execute(
            "SELECT tracking_number FROM service_case WHERE status = 'ditolak'"
        ).fetchone()
    return str(row[0]) if row else ""


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def _save(widget: QWidget, name: str) -> None:
    """Grab the window and save it as an 8-bit palette PNG (a screenshot of flat colours
    loses nothing visible at 256 colours and is a third of the size)."""
    from PIL import Image

    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
