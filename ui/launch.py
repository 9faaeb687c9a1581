"""The ``puskesos`` command's entry: the window paints its log-in form first, then loads.

Opening the database means importing SQLAlchemy and every model (about a quarter of a second
on a village laptop) before anything shows. So when the command opens the window, a log-in
form of the same look is painted at once, from Qt alone; the officer can start typing; the
kiosk loads behind it, and the real window takes its place with what was typed. Every
subcommand goes straight to :mod:`ui.cli`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """``--db``/``--data-dir`` and nothing else: the window. Anything more: a subcommand."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db")
    p.add_argument("--data-dir")
    p.add_argument("--smoke")  # ui/smoke.py: the bundle's test of every page; not in --help
    known, rest = p.parse_known_args(list(argv))
    return None if rest else known


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    window = _window_args(args)
    if window is None:
        from ui.cli import main as cli_main

        return cli_main(args)
    if window.smoke:
        from ui.smoke import run_smoke

        return run_smoke(window.db, window.data_dir, window.smoke)
    return _run_window(window.db, window.data_dir)


def _run_window(db: str | None, data_dir: str | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.early_login import EarlyLogin
    from ui.first_paint import FirstPaint, Loader, QtTypes
    from ui.i18n import apply_language, translate
    from ui.local_settings import LocalSettings
    from ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Puskesos Kiosk")
    settings = LocalSettings()
    apply_language(app, str(settings.get("language")))  # the early log-in too
    apply_theme(app, settings)
    early = EarlyLogin()
    early.resize(1200, 760)
    quit_after_paint = bool(os.environ.get("PUSKESOS_QUIT_AFTER_PAINT"))
    held: list[object] = []
    loader = Loader()
    qt_types = QtTypes()

    def painted() -> None:  # the log-in form is on screen: load the kiosk behind it
        if quit_after_paint:  # bench/startup.py
            print("dilukis", flush=True)
        loader.start(db, data_dir)

    def loaded(result: object) -> None:
        from kiosk.context import KioskContext
        from kiosk.errors import KioskError
        from ui.app import build_window, settle_memory
        from ui.cli import _upkeep

        if isinstance(result, KioskError):
            QMessageBox.critical(early, translate("launch", "Puskesos Kiosk"), result.message)
            app.exit(1)
            return
        if isinstance(result, BaseException):
            raise result
        assert isinstance(result, KioskContext)
        _upkeep(result, background=True)
        window = build_window(result, settings=settings)
        qt_types.start()  # after the loader's imports, which make Qt types on its thread
        QTimer.singleShot(3000, qt_types.finish)  # a saving only: never wait on it for long

        def hand_over() -> None:  # once the site is known (an op) and the Qt types are made
            if window.ready and qt_types.done and early.isVisible():
                early.hand_over(window)

        window.opened.connect(hand_over)
        qt_types.finished.connect(hand_over)
        hand_over()
        held.append(window)
        QTimer.singleShot(0, settle_memory)
        if quit_after_paint:
            QTimer.singleShot(0, app.quit)

    loader.loaded.connect(loaded)
    first_paint = FirstPaint(painted)
    early.installEventFilter(first_paint)
    early.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
