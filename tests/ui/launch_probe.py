"""The ``puskesos`` command itself, watched from outside its code, from the early log-in form's
first paint until a second after the real window took its place.

Run by tests/ui/test_loop_stalls.py as ``python -m tests.ui.launch_probe --db URL``: the
arguments go to :func:`ui.launch.main`. Prints one line, ``gaps <json>``: each 10 ms tick's
real interval, the window thread's CPU time in it, its wait for a core and another
thread's longest (ms, :mod:`tests.ui.loop_gaps`), and whether the real window was shown.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.loop_gaps import Waits


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    gaps: list[tuple[int, float, float, float]] = []
    clock = QElapsedTimer()
    waits = Waits()
    cpu = [time.thread_time()]
    shown: list[bool] = []

    def tick() -> None:
        now = time.thread_time()
        waited, others = waits.step()
        gaps.append((clock.restart(), round((now - cpu[0]) * 1000, 1), waited, others))
        cpu[0] = now

    ticker = QTimer()
    ticker.timeout.connect(tick)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Paint and not ticker.isActive():
                clock.start()
                cpu[0] = time.thread_time()
                waits.step()
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
