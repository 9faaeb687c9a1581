"""How long the window's event loop went between two ticks of a 10 ms timer, and how much of
that its own thread spent working.

Wall time alone blames the code for the machine: on two shared cores (a CI run with a second
test process beside it) any thread can wait 300 ms for a core. The window's own CPU time
between two ticks is what a blocking call on the UI thread shows up as; the wall limit stays,
generous, for a stall the CPU time cannot see (a worker holding the GIL for long).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QTimer

CPU_LIMIT_MS = 50  # the window's own work between two ticks
WALL_LIMIT_MS = 600  # the freeze these tests guard against was 0.6-1.7 s on a busy machine


class LoopGaps:
    """Start ticking at construction; :meth:`stop` then :meth:`check`."""

    def __init__(self) -> None:
        self.gaps: list[tuple[int, float]] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._cpu = time.thread_time()
        self.ticker = QTimer()
        self.ticker.setInterval(10)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()

    def _tick(self) -> None:
        now = time.thread_time()
        self.gaps.append((self._clock.restart(), round((now - self._cpu) * 1000, 1)))
        self._cpu = now

    def stop(self) -> None:
        self.ticker.stop()

    def largest(self) -> tuple[int, float]:
        """The largest wall gap (ms) and the largest stretch of the window's own work (ms)."""
        return max((g for g, _ in self.gaps), default=0), max(
            (c for _, c in self.gaps), default=0.0
        )

    def check(self, what: str) -> None:
        wall, cpu = self.largest()
        print(f"{what}: largest loop gap {wall} ms, largest work on the window's thread {cpu} ms")
        assert cpu <= CPU_LIMIT_MS, f"the window's thread worked {cpu} ms without a break"
        assert wall <= WALL_LIMIT_MS, f"event loop stalled {wall} ms"
