"""Answer the next modal dialog once it is really open, however slow the machine.

A timer that fires a fixed time after the click finds no dialog when the machine is busy (the
dialog opens later), the answer is lost and the dialog's own loop then waits forever: one
parallel run hung 150 s that way. Looking again every 20 ms until the dialog is there does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)


def when_modal(kind: type[W], then: Callable[[W], None], within_ms: int = 20_000) -> None:
    """Call ``then`` with the active modal widget as soon as it is a ``kind``, shown and the
    active window."""
    clock = QElapsedTimer()
    clock.start()

    def look() -> None:
        widget = QApplication.activeModalWidget()
        # active too: a mnemonic (Alt+S) pressed before the box is the active window is lost
        if isinstance(widget, kind) and widget.isVisible() and widget.isActiveWindow():
            then(widget)
        elif clock.elapsed() < within_ms:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
