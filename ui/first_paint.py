"""Start-up helpers for ui/launch.py: know when the log-in form is really on screen, and load
the kiosk on a worker meanwhile.

A 0 ms timer fires before the first paint, so work scheduled with one ran (for seconds) before
the officer saw anything (issue #33); the paint event itself is the signal. The imports of
SQLAlchemy, the models and the window's modules, and opening the database, then run on a
thread of their own, and the log-in form stays responsive to typing while they do.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


@contextmanager
def short_gil_turns(seconds: float = 0.001) -> Iterator[None]:
    """For a worker's heavy import: the window's thread waits less for the GIL between the
    import's bursts (Python's default switch interval is 5 ms)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class FirstPaint(QObject):
    """Calls ``then`` once, just after the widget it watches is first painted."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)  # after this paint is on screen
        return False


class Loader(QObject):
    """Imports the kiosk and opens its database on a worker thread; ``loaded`` carries the
    opened context (or the error) back to the window's thread."""

    loaded = Signal(object)

    def start(self, db: str | None, data_dir: str | None) -> None:
        threading.Thread(target=self._run, args=(db, data_dir), name="memuat", daemon=True).start()

    def _run(self, db: str | None, data_dir: str | None) -> None:
        try:
            with short_gil_turns():
                with no_collection():  # the imports only: a migration's garbage is freed
                    from kiosk.context import KioskContext
                    from ui import app, cli  # noqa: F401  (the window's modules, imported here)

                result: object = KioskContext.open(db, data_dir)
        except Exception as exc:  # shown by the window's thread
            result = exc
        self.loaded.emit(result)


class QtTypes(QObject):
    """Has PySide6 make the Python type of every class the loaded Qt modules hold (and the
    enums inside each), on the window's thread, a few milliseconds between two events.

    PySide6 makes a class's type when it is first used. An event the window's Python event
    filters had not met before (idle lock, Alt keys) made it look through every class: some 400
    enums made at once, 37-54 ms on the window's thread just after the hand-over from the early
    form. Made ahead in short turns, that look finds nothing left to make. Not on the loader's
    worker: PySide6 guards that making with the GIL alone, and making an enum runs Python code,
    so the window's thread could start making the same class halfway (twice made, or a crash).
    Started once the loader's imports are done (they make types on its thread). ``done`` once
    every module loaded so far is through, or :meth:`finish` gave up waiting."""

    finished = Signal()
    TURN_S = 0.004  # one turn's budget (one large class, such as Qt's namespace, takes more)

    def __init__(self) -> None:
        super().__init__()
        self.queued: set[str] = set()
        self.pending: deque[tuple[ModuleType, str]] = deque()
        self.done = False
        self.turning = False

    def start(self) -> None:
        self._queue_new_modules()
        self.done = False
        if not self.turning:
            self.turning = True
            QTimer.singleShot(0, self._turn)

    def finish(self) -> None:
        """Stop making types (what is left PySide6 makes when first used) and say done."""
        self.pending.clear()
        if not self.done:
            self.turning, self.done = False, True
            self.finished.emit()

    def _queue_new_modules(self) -> bool:
        added = False
        for name, module in list(sys.modules.items()):
            if name.startswith("PySide6.Qt") and name not in self.queued:
                self.queued.add(name)
                with contextlib.suppress(Exception):  # an odd module: left to PySide6
                    self.pending.extend((module, attr) for attr in dir(module))
                added = True
        return added

    def _turn(self) -> None:
        end = time.perf_counter() + self.TURN_S
        while self.pending and time.perf_counter() < end:
            module, attr = self.pending.popleft()
            # Only a saving: whatever fails here PySide6 makes (or refuses) when first used.
            with contextlib.suppress(Exception):
                getattr(module, attr)
        if self.done:  # finished early (finish)
            return
        if self.pending or self._queue_new_modules():
            QTimer.singleShot(0, self._turn)
            return
        self.finish()


@contextmanager
def no_collection() -> Iterator[None]:
    """No garbage collection while the kiosk's modules load, and what they made frozen after.

    The imports make hundreds of thousands of objects that live as long as the process; each
    full collection the collector starts among them walks them all holding the GIL, and one
    held the log-in form 47-53 ms while the officer typed. Frozen, no collection walks them
    again (``gc.freeze``; the garbage the imports leave is a few hundred objects)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()
