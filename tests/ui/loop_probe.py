"""A fresh ``puskesos`` window process that logs in and reports how long its event loop stalled.

Run by tests/ui/test_loop_stalls.py as ``python -m tests.ui.loop_probe DB DATA INI SECONDS``:
a process of its own, so nothing the test run imported earlier (SQLAlchemy, ``requests``,
the sync engine) hides an import the window would make on its first day. Prints one line,
``gaps <json>``: each 10 ms tick's real interval and the window thread's CPU time in it
(ms), for SECONDS from the log-in window's first paint (the officer signs in 0,3 s later).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    """Calls ``then`` once, when the widget it watches is first painted."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False


def main(db: str, data_dir: str, ini: str, seconds: float) -> None:
    app = QApplication([])
    from kiosk.context import KioskContext
    from ui.app import build_window
    from ui.local_settings import LocalSettings
    from ui.ops import ThreadExecutor

    ctx = KioskContext.open(db, data_dir, migrate=False)
    settings = LocalSettings(QSettings(ini, QSettings.Format.IniFormat))
    window = build_window(ctx, settings=settings, executor=ThreadExecutor())
    gaps: list[tuple[int, float]] = []
    clock = QElapsedTimer()
    cpu = [time.thread_time()]

    def tick() -> None:
        now = time.thread_time()
        gaps.append((clock.restart(), round((now - cpu[0]) * 1000, 1)))
        cpu[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)

    def log_in() -> None:
        QTest.keyClicks(window.login_page.username, "frontoffice")
        QTest.keyClicks(window.login_page.secret, "rahasia123")
        QTest.keyClick(window.login_page.secret, Qt.Key.Key_Return)

    def start() -> None:
        clock.start()
        cpu[0] = time.thread_time()
        ticker.start()
        QTimer.singleShot(300, log_in)
        QTimer.singleShot(int(seconds * 1000), app.quit)

    painted = FirstPaint(start)
    window.installEventFilter(painted)
    window.resize(1100, 720)
    window.show()
    QTimer.singleShot(60_000, app.quit)  # never painted
    app.exec()
    print("gaps " + json.dumps({"gaps": gaps, "logged_in": window.shell is not None}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]))
