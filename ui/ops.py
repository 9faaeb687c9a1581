"""One way to run work off the UI thread: ``Op(parent, fn).success(cb).failure(cb).run()``.

Database calls go to a single-thread pool (SQLite likes serialised writes); callbacks come
back on the UI thread through a queued signal. Tests swap in :class:`SyncExecutor` so a click
is fully handled when ``qtbot`` returns, without sleeping.

Like Anki's ``CollectionOp``, an op given a :class:`ChangeHub` tells it, after its own callback,
which kinds of record its work committed (kiosk.changes), so pages showing them reload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication

from kiosk.changes import NOTHING, Changes, collecting


class ChangeHub(QObject):
    """The window's one broadcast of what work changed (Anki's ``operation_did_execute``).

    Signal: ``changed(changes: frozenset[Kind], initiator: QObject)``, the initiator being the
    op's parent, so a page can leave alone what it changed itself and refreshes on its own."""

    changed = Signal(object, object)


class _Relay(QObject):
    done = Signal(object, object)  # the result, the kinds of record committed
    failed = Signal(object, object)  # the error, the kinds committed before it (kept changes)
    progress = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        with collecting() as seen:
            try:
                result = self.fn()
            except Exception as exc:
                failed: Exception | None = exc
            else:
                failed = None
        if failed is not None:
            self.relay.failed.emit(failed, frozenset(seen))
        else:
            self.relay.done.emit(result, frozenset(seen))


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
        self,
        parent: QObject,
        executor: ThreadExecutor | SyncExecutor,
        fn: Callable[[], T],
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._executor, self._fn, self._hub = executor, fn, hub
        self._initiator = parent
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

    def _broadcast(self, changes: Changes) -> None:
        if self._hub is not None and changes:
            self._hub.changed.emit(changes, self._initiator)

    @Slot(object, object)
    def _finish_ok(self, result: T, changes: Changes = NOTHING) -> None:
        self._cleanup()
        try:
            if self._on_ok:
                self._on_ok(result)
        finally:
            self._broadcast(changes)

    @Slot(object, object)
    def _finish_err(self, exc: Exception, changes: Changes = NOTHING) -> None:
        self._cleanup()
        try:
            if self._on_err:
                self._on_err(exc)
            else:
                raise exc
        finally:
            self._broadcast(changes)
