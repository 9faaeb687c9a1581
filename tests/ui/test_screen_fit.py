"""Every page, for every role, fits the office's laptop: 1366x728 (a 768-line screen less the
taskbar) in normal, large-text and high-contrast modes, and a 1024x560 netbook in normal mode.
Nothing may force the window larger, no page may need a horizontal scrollbar, and each page's
primary button must be in view without scrolling, the walk-in's steps included.

The window is the real one on the demo office's data (names, lists and tables filled), so a
long label or a wide table is caught as the officer would meet it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget

from kiosk.demo import DEMO_PASSWORD, generate
from ui.app import build_window
from ui.local_settings import LocalSettings
from ui.ops import SyncExecutor

USERS = ("admin", "depan", "belakang", "koordinator", "supervisor", "fasilitator")
SIZES = [
    (1366, 728, "normal"),
    (1366, 728, "besar"),
    (1366, 728, "kontras"),
    (1024, 560, "normal"),
    (1366, 728, "english"),  # English words are often longer
    (1024, 560, "english"),
]


@pytest.fixture
def demo_office(gateway):
    gateway.call(generate, households=40, registered=8)


def _primary(button: QPushButton) -> bool:
    # Read the property's name, not its value: PySide6 6.x drops a reference to the bool it
    # returns from QObject.property(), and a few hundred reads crash the interpreter at exit.
    return b"primary" in [bytes(n.data()) for n in button.dynamicPropertyNames()]


def _problems(qtbot, ctx, tmp_path, user: str, width: int, height: int, mode: str) -> list:
    settings = LocalSettings(QSettings(str(tmp_path / f"{mode}.ini"), QSettings.Format.IniFormat))
    settings.set("large_text", mode == "besar")
    settings.set("high_contrast", mode == "kontras")
    settings.set("language", "en" if mode == "english" else "id")
    window = build_window(ctx, settings=settings, executor=SyncExecutor())
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.keyClicks(window.login_page.username, user)
    qtbot.keyClicks(window.login_page.secret, DEMO_PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    problems: list = []
    hint = window.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        problems.append(("window", hint.width(), hint.height()))
    for key in window.shell.page_keys():
        page = window.shell.show_key(key)
        area = page.parentWidget().parentWidget()
        assert isinstance(area, QScrollArea)
        viewport = area.viewport()
        if key == "cases" and page.model.rowCount():  # with a case open: its action buttons
            for row in range(page.model.rowCount()):
                page.table.selectRow(row)
                if len(page.buttons) > 2:
                    break
            for button in page.buttons.values():
                if button.sizeHint().width() > button.width():
                    problems.append((key, "words cut", button.text()))
        if page.minimumSizeHint().width() > viewport.width():
            problems.append((key, "too wide", page.minimumSizeHint().width(), viewport.width()))
        steps: list[QWidget | None] = [None]
        if key == "front":
            steps = [page.find_step, page.register, page.capture, page.receipt]
        for step in steps:
            if step is not None:
                page.stack.setCurrentWidget(step)
            for inner in page.findChildren(QScrollArea):  # a step's own scrolled form
                body = inner.widget()
                wide = (
                    body is not None and body.minimumSizeHint().width() > inner.viewport().width()
                )
                if wide and inner.isVisibleTo(page):
                    problems.append((key, "scrolls sideways", body.objectName()))
            for button in page.findChildren(QPushButton):
                if not (_primary(button) and button.isVisibleTo(page)):
                    continue
                where = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
                if not viewport.rect().contains(where):
                    problems.append((key, "primary hidden", button.text()))
    if window.width() > width or window.height() > height:
        problems.append(("window grew", window.width(), window.height()))
    window.close()
    return problems


@pytest.mark.parametrize(
    ("width", "height", "mode"), SIZES, ids=[f"{w}x{h}-{m}" for w, h, m in SIZES]
)
def test_every_page_fits_the_laptop(qtbot, ctx, demo_office, tmp_path, width, height, mode):
    found = {u: _problems(qtbot, ctx, tmp_path, u, width, height, mode) for u in USERS}
    assert {u: p for u, p in found.items() if p} == {}
