"""The queue board: numbers only, each call said twice after a chime, calls never overlap,
the sentence shown on screen; and it goes to the second screen when there is one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.roles import Role
from kiosk.services import queue_calls as q
from kiosk.services.tickets import issue_ticket
from kiosk.speech import announcement
from tests.ui.test_back_office import login


def _voice() -> None:
    """Skip, with the reason, where Qt's speech module cannot load (a machine without
    libpulse raises ImportError from the library, not ModuleNotFoundError)."""
    pytest.importorskip(
        "PySide6.QtTextToSpeech",
        reason="Qt's speech module needs libpulse0 (docs/administrator.md: system packages)",
        exc_type=ImportError,
    )


def test_calls_are_said_twice_in_order_without_overlap(
    qtbot, make_window, office, gateway, settings
):
    _voice()
    settings.set("voice_engine", "mock")
    fo, bo = office[Role.FRONT_OFFICE], office[Role.BACK_OFFICE]
    tickets = [gateway.call(issue_ticket, fo, "pengaduan", None) for _ in range(2)]
    queue = login(qtbot, make_window, "backoffice", "queue")
    queue.open_board()
    board = queue.env.board
    announcer = board.announcer
    assert announcer._tts is not None, announcer.voice_error
    announcer.chime_ms, announcer.pause_ms = 50, 50
    overlaps: list[str] = []
    tts = announcer._tts
    real_say = tts.say

    def guarded_say(text: str) -> None:
        if tts.state() == type(tts.state()).Speaking:
            overlaps.append(text)
        real_say(text)

    tts.say = guarded_say
    # One call from this window, one "from another machine" straight through the service.
    qtbot.keyClick(queue, Qt.Key.Key_F5)
    gateway.call(q.call_next, bo, "loket_2", None)
    board.refresh()
    qtbot.waitUntil(lambda: len(announcer.said) == 4 and not announcer.busy, timeout=20000)
    first = announcement(tickets[0].label, "Loket 1")
    second = announcement(tickets[1].label, "Loket 2")
    assert announcer.said == [first, first, second, second]
    assert first == "Nomor antrian A, satu, silakan ke loket satu"
    assert not overlaps
    assert board.caption.text() == second  # shown for visitors who cannot hear
    shown = board.recent.text() + " ".join(w.text() for w in board.counters.values())
    assert tickets[0].label in shown and tickets[1].label in shown
    assert "Petugas" not in shown and "Warga" not in shown  # numbers only, never names
    # Calls already on the board when it opens are not said again.
    board.refresh()
    assert len(announcer.said) == 4
    board.close()


SCRIPT = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QWidget
    from ui.board import BoardWindow

    class Env:  # only what placing the window needs
        settings = type("S", (), {"get": staticmethod(lambda k: {"voice_engine": "mock",
                     "voice_volume": 0, "voice_template": ""}.get(k, ""))})()

    app = QApplication([])
    officer = QWidget()
    officer.show()
    board = BoardWindow(Env())
    board.officer_screen = app.primaryScreen()
    board.place()
    app.processEvents()
    print(len(app.screens()), board.screen().name(), board.isFullScreen())
    """
)


def test_board_goes_full_screen_on_the_second_screen(tmp_path: Path):
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                    {
                        "name": "tv",
                        "x": 1366,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    },
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-3:] == ["2", "tv", "True"]


def test_the_number_is_large_for_the_screen_and_the_officer_keeps_the_keyboard(
    qtbot, make_window, office, gateway, settings
):
    settings.set("voice_engine", "tidak-ada-mesin-ini")  # no voice on this machine
    fo = office[Role.FRONT_OFFICE]
    gateway.call(issue_ticket, fo, "pengaduan", None)
    queue = login(qtbot, make_window, "backoffice", "queue")
    officer = queue.window()
    with qtbot.waitActive(officer):
        officer.activateWindow()
    qtbot.keyClick(queue, Qt.Key.Key_F5)  # a call, so a number is on the board
    queue.open_board()
    board = queue.env.board
    board.resize(1920, 1080)
    board.refresh()
    qtbot.waitUntil(lambda: any(n.text() for n in board.counters.values()), timeout=5000)
    number = next(iter(board.counters.values()))
    height = number.fontMetrics().height()
    assert height >= 1080 / 8, f"the called number is {height} px high on a 1080-line board"
    assert officer.isActiveWindow() and not board.isActiveWindow()
    assert "tanpa suara" in queue.error.text() and "Tampilan" in queue.error.text()
    queue.error.hide()
    queue.open_board()  # told once per run
    assert not queue.error.isVisible()
    text = board.recent.text() + board.caption.text() + number.text()
    assert "Petugas" not in text and "Warga" not in text
    board.close()
