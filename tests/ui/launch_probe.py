"""The ``puskesos`` command itself, watched from outside its code, from the early log-in form's
first paint until a second after the real window took its place.

Run by tests/ui/test_loop_stalls.py as ``python -m tests.ui.launch_probe --db URL``: the
arguments go to :func:`ui.launch.main`. Prints one line, ``gaps <json>``: each 10 ms tick's
real interval, the window thread's CPU time in it and its wait for a core (ms,
:mod:`tests.ui.loop_gaps`), and whether the real window was shown.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.loop_gaps import queued_clock


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    gaps: list[tuple[int, float, float]] = []
    clock = QElapsedTimer()
    waited = queued_clock()
    last = [time.thread_time(), waited()]
    shown: list[bool] = []

    def tick() -> None:
        now, queued = time.thread_time(), waited()
        gaps.append((clock.restart(), round((now - last[0]) * 1000, 1), round(queued - last[1], 1)))
        last[:] = [now, queued]

    ticker = QTimer()
    ticker.timeout.connect(tick)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Paint and not ticker.isActive():
                clock.start()
                last[:] = [time.thread_time(), waited()]
                ticker.start(10)
            elif (
                kind == QEvent.Type.Show
                and isinstance(watched, QWidget)
                and watched.objectName() == "main_window"
                and not shown
            ):
                shown.append(True)
                QTimer.singleShot(1000, app.quit)  # a second of the real window
            return False

    watch = Watch()
    app.installEventFilter(watch)
    app.aboutToQuit.connect(
        lambda: print("gaps " + json.dumps({"gaps": gaps, "shown": bool(shown)}), flush=True)
    )
    QTimer.singleShot(60_000, app.quit)  # never shown
    from ui.launch import main as launch

    return launch(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
