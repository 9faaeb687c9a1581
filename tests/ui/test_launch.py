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


FIRST_PAINT = (
    "import sys\n"
    "from PySide6.QtCore import QEvent, QObject\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication(sys.argv[:1])\n"
    "seen = []\n"
    "class Painted(QObject):\n"
    "    def eventFilter(self, w, e):\n"
    "        if e.type() == QEvent.Type.Paint and w.isWindow() and not seen:\n"
    "            seen.append(w.objectName()); print('pertama', w.objectName(), flush=True)\n"
    "            print('sqlalchemy' in sys.modules, flush=True)\n"
    "        return False\n"
    "p = Painted(); app.installEventFilter(p)\n"
    "from ui.launch import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_the_early_form_is_really_painted_before_the_kiosk_loads(ctx, office):
    """Watched from outside the launch code, by the paint event itself: the first window
    painted is the early log-in form, before SQLAlchemy is even imported (issue #33: a 0 ms
    timer loaded the kiosk first, and the early form was painted in 0 of 8 runs)."""
    env = dict(os.environ, PUSKESOS_QUIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, "--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    first = lines.index("pertama early_login")
    assert lines[first + 1] == "False", "the kiosk was loading before the form was painted"
