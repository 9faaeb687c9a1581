"""Start the desktop application on an opened kiosk context."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from kiosk.context import Gateway, KioskContext
from ui.env import UiEnv
from ui.main_window import MainWindow
from ui.ops import ThreadExecutor
from ui.settings import DisplaySettings
from ui.theme import apply_theme


def build_window(
    ctx: KioskContext,
    *,
    demo: bool = False,
    settings: DisplaySettings | None = None,
    executor: object | None = None,
) -> MainWindow:
    """Wire the window (shared by the command and the tests)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = settings or DisplaySettings()
    apply_theme(app, settings)
    settings.changed.connect(lambda _k: apply_theme(app, settings))
    executor = executor or ThreadExecutor()
    devices = ThreadExecutor(2) if isinstance(executor, ThreadExecutor) else executor
    env = UiEnv(
        Gateway(ctx),
        executor,
        settings,
        ctx.clock,
        demo,  # type: ignore[arg-type]
        ctx.paths.drafts,
        sealer=ctx.sealer,
        devices=devices,  # type: ignore[arg-type]
    )
    return MainWindow(env)


def run_app(ctx: KioskContext, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Puskesos Kiosk")
    window = build_window(ctx, demo=demo)
    window.resize(1200, 760)
    window.show()
    return app.exec()
