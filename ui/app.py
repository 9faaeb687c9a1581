"""Start the desktop application on an opened kiosk context."""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.clock import Clock
from kiosk.context import Gateway, KioskContext
from kiosk.ports import OnlineRegister
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import OnlineAnswer
from ui.env import UiEnv
from ui.i18n import apply_language
from ui.local_settings import LocalSettings
from ui.main_window import MainWindow
from ui.ops import SyncExecutor, ThreadExecutor
from ui.theme import apply_theme


class LazyKabupatenRegister:
    """The kabupaten's online lookup, loaded at its first use: the sync client brings
    ``requests`` with it, which the window does not need to paint."""

    def __init__(self, gateway: Gateway, clock: Clock) -> None:
        self.gateway, self.clock = gateway, clock
        self._real: OnlineRegister | None = None

    def lookup(self, nik: str, deadline_s: float) -> OnlineAnswer | str:
        if self._real is None:
            from sync.online_dtks import KabupatenRegister

            self._real = KabupatenRegister(self.gateway, self.clock)
        return self._real.lookup(nik, deadline_s)


def build_env(
    ctx: KioskContext,
    *,
    demo: bool = False,
    settings: LocalSettings | None = None,
    executor: ThreadExecutor | SyncExecutor | None = None,
) -> UiEnv:
    """What every window receives: the gateway, the workers, the settings (theme applied)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = settings or LocalSettings()
    apply_language(app, str(settings.get("language")))  # before any widget is built
    apply_theme(app, settings)
    settings.changed.connect(lambda _k: apply_theme(app, settings))
    executor = executor or ThreadExecutor()
    devices = ThreadExecutor(2) if isinstance(executor, ThreadExecutor) else executor
    return UiEnv(
        Gateway(ctx),
        executor,
        settings,
        ctx.clock,
        demo,
        ctx.paths.drafts,
        sealer=ctx.sealer,
        devices=devices,
        online=LazyKabupatenRegister(Gateway(ctx), ctx.clock),
    )


def build_window(
    ctx: KioskContext,
    *,
    demo: bool = False,
    settings: LocalSettings | None = None,
    executor: ThreadExecutor | SyncExecutor | None = None,
) -> MainWindow:
    """Wire the window (shared by the command and the tests)."""
    return MainWindow(build_env(ctx, demo=demo, settings=settings, executor=executor))


def run_self_service(ctx: KioskContext, actor: Actor, windowed: bool = False) -> int:
    """The door's ticket screen under the queue-kiosk account (``puskesos antrian``)."""
    from ui.self_service import SelfServiceWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Puskesos Kiosk - Ambil nomor antrian")
    window = SelfServiceWindow(build_env(ctx), actor)
    if windowed:
        window.resize(1024, 700)
        window.show()
    else:
        window.showFullScreen()
    return app.exec()


def settle_memory() -> None:
    """Once the window is up: move everything loaded so far (Qt wrappers, SQLAlchemy, the
    models) out of the collector's way. A full collection then walks only what came after, so
    it no longer freezes the window for 30-50 ms while a report is being counted.

    Without a collection first: that one walk of everything held the window 65-80 ms while
    the officer typed into the log-in form, to free about 140 unreachable objects."""
    gc.freeze()


def run_app(ctx: KioskContext, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Puskesos Kiosk")
    window = build_window(ctx, demo=demo)
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, settle_memory)
    if os.environ.get("PUSKESOS_QUIT_AFTER_PAINT"):  # bench/startup.py: time to a painted window
        QTimer.singleShot(0, lambda: (print("dilukis", flush=True), app.quit()))
    return app.exec()
