"""Window fixtures: the real MainWindow on the test database, offscreen."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings

from ui.app import build_window, settle_memory
from ui.local_settings import LocalSettings
from ui.main_window import MainWindow
from ui.ops import SyncExecutor, ThreadExecutor


@pytest.fixture
def settings(tmp_path: Path) -> LocalSettings:
    return LocalSettings(QSettings(str(tmp_path / "tampilan.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, ctx, settings, request) -> Callable[..., MainWindow]:
    def make(threaded: bool = False, demo: bool = False) -> MainWindow:
        executor = ThreadExecutor() if threaded else SyncExecutor()
        window = build_window(ctx, demo=demo, settings=settings, executor=executor)
        qtbot.addWidget(window)
        window.resize(1100, 720)
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.ready)  # the site is read through an op
        with qtbot.waitActive(window):  # focus assertions need the active window
            window.activateWindow()
        if threaded:
            # As run_app leaves the real window (tests timing its event loop): what was loaded
            # with it, every page's module among it, is out of the collector's way; a full
            # collection otherwise walks it all and stalls the loop hundreds of ms.
            settle_memory()
            request.addfinalizer(gc.unfreeze)
        return window

    return make


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp):
    """Free stray widget cycles at the end of their own test, never inside the next one.

    pytest-qt closes a test's windows and calls ``deleteLater``, but ``processEvents`` outside
    an event loop never runs deferred deletions: every window of every earlier test stayed
    alive, and each new window's style sheet repolished them all (the screen-fit tests grew
    from 30 s to minutes each)."""
    yield
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    qapp.processEvents()


@pytest.fixture(autouse=True)
def _acknowledged_warnings(monkeypatch):
    """Registration warnings open a modal box before saving; in tests that are not about it,
    the officer is recorded as having checked the card and kept the form."""
    from ui.walkin.register_step import RegisterStep

    seen: list[list[str]] = []

    def keep(self, warnings) -> bool:
        seen.append([w.message for w in warnings])
        return True

    monkeypatch.setattr(RegisterStep, "confirm_warnings", keep)
    return seen


@pytest.fixture(autouse=True)
def _imports_without_a_date_confirmed(monkeypatch):
    """The DTKS page asks before importing a file whose date is unknown; tests that are not
    about that question answer Yes. The calls are recorded."""
    from ui.pages.dtks_import import DtksImportPage

    asked: list[bool] = []
    monkeypatch.setattr(DtksImportPage, "confirm_no_date", lambda self: asked.append(True) or True)
    return asked
