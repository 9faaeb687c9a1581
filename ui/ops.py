"""One way to run work off the UI thread: ``Op(parent, fn).success(cb).failure(cb).run()``.

Database calls go to a single-thread pool (SQLite likes serialised writes); callbacks come
back on the UI thread through a queued signal. Tests swap in :class:`SyncExecutor` so a click
is fully handled when ``qtbot`` returns, without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class ThreadExecutor:
    """Real background execution (one thread for the database)."""

    def __init__(self, max_threads: int = 1):
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)

    def submit(self, fn: Callable[[], Any], relay: _Relay) -> None:
        self.pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncExecutor:
    """Runs work inline: for tests that are not about threads."""

    def submit(self, fn: Callable[[], Any], relay: _Relay) -> None:
        _Task(fn, relay).run()

    def wait(self, msecs: int = 0) -> bool:
        return True


T = TypeVar("T")


class Op(QObject, Generic[T]):
    """A unit of background work with success/failure callbacks and a busy cursor after 300 ms.

    ``Op[T]``: the work returns a ``T`` and the success callback receives it, so a checker sees
    a page handle what its service returns. What a callback returns is ignored."""

    def __init__(
        self, parent: QObject, executor: ThreadExecutor | SyncExecutor, fn: Callable[[], T]
    ):
        super().__init__(parent)
        self._executor, self._fn = executor, fn
        self._on_ok: Callable[[T], object] | None = None
        self._on_err: Callable[[Exception], object] | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._finish_ok)
        self._relay.failed.connect(self._finish_err)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.timeout.connect(self._busy)
        self._cursor_shown = False

    def success(self, cb: Callable[[T], object]) -> Op[T]:
        self._on_ok = cb
        return self

    def failure(self, cb: Callable[[Exception], object]) -> Op[T]:
        self._on_err = cb
        return self

    def on_progress(self, cb: Callable[[Any], None]) -> Op[T]:
        """Receive what the worker passes to :meth:`report` (queued to the UI thread)."""
        self._relay.progress.connect(cb)
        return self

    def report(self, value: Any) -> None:
        """Called from the worker thread; safe because the signal is queued."""
        self._relay.progress.emit(value)

    def run(self) -> Op[T]:
        self._cursor_timer.start(300)
        self._executor.submit(self._fn, self._relay)
        return self

    def _busy(self) -> None:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        self._cursor_shown = True

    def _cleanup(self) -> None:
        self._cursor_timer.stop()
        if self._cursor_shown:
            QGuiApplication.restoreOverrideCursor()
        self.deleteLater()

    @Slot(object)
    def _finish_ok(self, result: T) -> None:
        self._cleanup()
        if self._on_ok:
            self._on_ok(result)

    @Slot(object)
    def _finish_err(self, exc: Exception) -> None:
        self._cleanup()
        if self._on_err:
            self._on_err(exc)
        else:
            raise exc
