"""Runs sync in the background, on its own thread, and says how it went.

Its own thread because a slow or dead link must never hold up the counter's database calls.
After a pass: the next one in a minute when all is well, after the engine's backoff delay when
not, and not at all while the kiosk needs enrolling (until "Sinkronkan sekarang").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:  # requests and the engine load with the first pass, after the window paints
    from sync.engine import SyncEngine, SyncReport
from ui.i18n import translate
from ui.ops import Op, SyncExecutor, ThreadExecutor

IDLE_INTERVAL_S = 60.0


class SyncRunner(QObject):
    reported = Signal(object)  # SyncReport
    running_changed = Signal(bool)

    def __init__(self, env: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.env = env
        threaded = isinstance(env.executor, ThreadExecutor)
        self.executor: ThreadExecutor | SyncExecutor = (
            ThreadExecutor(1) if threaded else SyncExecutor()
        )
        self.engine: SyncEngine | None = None
        self.last: SyncReport | None = None
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)

    def start(self, delay_s: float = 5.0) -> None:
        """Begin the background rhythm (a few seconds after the window opens)."""
        self.timer.start(int(delay_s * 1000))

    def stop(self) -> None:
        self.timer.stop()

    def _pass(self) -> SyncReport:
        """On the sync worker: the first pass imports the engine and ``requests`` here."""
        from ui.first_paint import short_gil_turns

        with short_gil_turns():
            from sync.client import UpstreamError
            from sync.engine import SyncReport, engine_for

        if self.engine is None:
            try:
                self.engine = engine_for(self.env.gateway, self.env.clock)
            except UpstreamError as exc:
                return SyncReport(error=type(exc).message, paused=True)
        return self.engine.run_once()

    def sync_now(self) -> None:
        if self.running:
            return
        self.timer.stop()
        self.running = True
        self.running_changed.emit(True)
        hub = getattr(self.env, "changes", None)
        Op(self, self.executor, self._pass, hub).success(self._done).failure(self._failed).run()

    def reset(self) -> None:
        """The server address or enrolment changed: build the engine again on the next pass."""
        self.engine = None

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.last = report
        self.running_changed.emit(False)
        self.reported.emit(report)
        if not report.paused:
            self.timer.start(int(1000 * (report.next_delay if report.error else IDLE_INTERVAL_S)))

    def _failed(self, exc: Exception) -> None:
        from sync.engine import SyncReport

        self._done(
            SyncReport(
                error=translate("sync_runner", "Sinkronisasi gagal: {0}").format(
                    exc.__class__.__name__
                ),
                next_delay=60,
            )
        )
