"""The window paints its log-in form before the kiosk loads, and nothing typed is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD
from ui.app import build_window
from ui.early_login import EarlyLogin
from ui.launch import _window_args
from ui.ops import SyncExecutor


def test_only_the_bare_command_opens_the_window():
    assert _window_args([]) is not None
    assert _window_args(["--db", "sqlite:///x.db", "--data-dir", "/tmp/x"]).db == "sqlite:///x.db"
    assert _window_args(["demo"]) is None and _window_args(["--db", "x", "backup", "list"]) is None


def test_what_was_typed_before_loading_is_handed_over_and_enter_logs_in(
    qtbot, ctx, office, settings
):
    early = EarlyLogin()
    qtbot.addWidget(early)
    early.show()
    qtbot.keyClicks(early.username, "admin")
    qtbot.keyClick(early.username, Qt.Key.Key_Return)
    qtbot.keyClicks(early.secret, PASSWORD)
    qtbot.keyClick(early.secret, Qt.Key.Key_Return)  # pressed before the kiosk has loaded
    window = build_window(ctx, settings=settings, executor=SyncExecutor())
    qtbot.addWidget(window)
    early.hand_over(window)
    assert window.login_page.username.text() == "admin"
    assert window.shell is not None and window.actor.username == "admin"
    assert not early.isVisible()


def test_the_command_paints_then_loads(ctx, office, tmp_path: Path):
    env = dict(os.environ, PUSKESOS_QUIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "ui.launch", "--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "dilukis"
