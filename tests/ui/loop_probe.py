"""A fresh ``puskesos`` window process that logs in and reports how long its event loop stalled.

Run by tests/ui/test_loop_stalls.py as ``python -m tests.ui.loop_probe DB DATA INI SECONDS
[NAME]``: a process of its own, so nothing the test run imported earlier (SQLAlchemy,
``requests``, the sync engine) hides an import the window would make on its first day. Prints
one line, ``gaps <json>``: each 10 ms tick's real interval, the window thread's CPU time in
it, its wait for a core and another thread's longest (ms, :mod:`tests.ui.loop_gaps`), for
SECONDS from the log-in window's first paint (the officer signs in 0,3 s later).

With NAME, the officer also types it into the walk-in search 1 s after signing in: on a large
register without a saved name index that starts the index's build behind the window, and the
probe then watches until the build has finished (``built_s``: seconds from the search;
``search_tick``: the index in ``gaps`` of the search), at least SECONDS in all.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.loop_gaps import Waits


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


def main(db: str, data_dir: str, ini: str, seconds: float, name: str = "") -> None:
    app = QApplication([])
    from kiosk.context import KioskContext
    from kiosk.dtks import name_index
    from kiosk.services.dtks_check import active_snapshot
    from ui.app import build_window, settle_memory
    from ui.local_settings import LocalSettings
    from ui.ops import ThreadExecutor

    ctx = KioskContext.open(db, data_dir, migrate=False)
    settings = LocalSettings(QSettings(ini, QSettings.Format.IniFormat))
    window = build_window(ctx, settings=settings, executor=ThreadExecutor())
    QTimer.singleShot(0, settle_memory)  # as ui/launch.py does once the window is built
    gaps: list[tuple[int, float, float, float]] = []
    clock = QElapsedTimer()
    waits = Waits()
    cpu = [time.thread_time()]

    def tick() -> None:
        now = time.thread_time()
        waited, others = waits.step()
        gaps.append((clock.restart(), round((now - cpu[0]) * 1000, 1), waited, others))
        cpu[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)

    def log_in() -> None:
        QTest.keyClicks(window.login_page.username, "frontoffice")
        QTest.keyClicks(window.login_page.secret, "rahasia123")
        QTest.keyClick(window.login_page.secret, Qt.Key.Key_Return)

    snapshot = None
    if name:
        with ctx.sessions() as s:
            snap = active_snapshot(s)
            assert snap is not None, "the probe's register has no active snapshot"
            snapshot = snap.id
    searched = QElapsedTimer()
    built: list[float] = []
    first: list[int] = []  # the tick at which the search was made

    def search() -> None:
        box = next((w for w in window.findChildren(QLineEdit, "search") if w.isVisible()), None)
        if box is None:  # the officer opens the walk-in page (home is first)
            if window.shell is not None:
                window.shell.show_key("front")
            QTimer.singleShot(300, search)
            return
        QTest.keyClicks(box, name)
        first.append(len(gaps))
        searched.start()
        QTest.keyClick(box, Qt.Key.Key_Return)

    def watch_build() -> None:
        if snapshot is not None and name_index.ready(snapshot) is not None:
            built.append(searched.elapsed() / 1000)
        else:
            QTimer.singleShot(50, watch_build)

    def stop() -> None:
        if name and (not built or searched.elapsed() < built[0] * 1000 + 1000):
            QTimer.singleShot(50, stop)  # the build runs, or a second more after it
        else:
            app.quit()

    def start() -> None:
        clock.start()
        cpu[0] = time.thread_time()
        waits.step()
        ticker.start()
        QTimer.singleShot(300, log_in)
        if name:
            QTimer.singleShot(1300, search)
            QTimer.singleShot(1400, watch_build)
        QTimer.singleShot(int(seconds * 1000), stop)

    painted = FirstPaint(start)
    window.installEventFilter(painted)
    window.resize(1100, 720)
    window.show()
    QTimer.singleShot(180_000, app.quit)  # never painted, or a build that never ends
    app.exec()
    seen = {
        "gaps": gaps,
        "logged_in": window.shell is not None,
        "built_s": built[:1],
        "search_tick": first[:1],
    }
    print("gaps " + json.dumps(seen))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), *sys.argv[5:6])
