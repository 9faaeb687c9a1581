"""Alt+letter does what the underlined letter says (STYLE.md convention 19).

Every page of the shell, seen by an officer holding every role, is walked as the officer meets
it (each walk-in step, each case open on the Cases page): the underlined letters of the visible
buttons, check boxes, buddy labels, group boxes and tabs, together with the shell's, must not
repeat, in Indonesian and in English. A repeated letter only moves the focus between the two
and never presses the button.

And on the capture step, with a combo box focused, Alt+letter goes to the mnemonic, never to
the combo's search: Alt+B goes back, Alt+K locks the screen, and a letter the page does not
use (or a disabled box's) leaves the combo's choice alone.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from functools import partial

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QTabBar, QWidget
from sqlalchemy import select

from kiosk.demo import DEMO_PASSWORD, generate
from kiosk.models import Person
from kiosk.roles import Role
from kiosk.services.officers import create_officer
from tests.core.test_eligibility import family  # noqa: F401 - fixture
from tests.ui.test_walk_in import open_page
from ui.app import build_window
from ui.dialogs import FormDialog
from ui.local_settings import LocalSettings
from ui.ops import SyncExecutor


def _mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter → the texts carrying it, for what the officer can see now."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            texts = [w.text()]
        elif isinstance(w, QGroupBox):
            texts = [w.title()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(i) for i in range(w.count())]
        for text in texts:
            key = QKeySequence.mnemonic(text).toString()
            if key:
                found[key].append(text)
    return found


def _views(page, key: str):
    """Each state of a page the officer meets: the walk-in's steps, each case opened."""
    if key == "front":
        for step in (page.find_step, page.register, page.capture, page.receipt):
            page.stack.setCurrentWidget(step)
            yield step.objectName()
    elif key == "cases":
        yield "list"
        for row in range(page.model.rowCount()):
            page.table.selectRow(row)
            yield f"case {row}: {', '.join(page.buttons)}"
    else:
        yield ""


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_page_repeats_an_underlined_letter(qtbot, ctx, gateway, tmp_path, language):
    gateway.call(generate, households=40, registered=8)
    gateway.call(create_officer, "semua", "Semua Peran", DEMO_PASSWORD, list(Role), pin="1234")
    settings = LocalSettings(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    settings.set("language", language)
    window = build_window(ctx, settings=settings, executor=SyncExecutor())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.keyClicks(window.login_page.username, "semua")
    qtbot.keyClicks(window.login_page.secret, DEMO_PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    clashes = {}
    for key in window.shell.page_keys():
        page = window.shell.show_key(key)
        for view in _views(page, key):
            qtbot.wait(1)  # buttons added to a shown layout show on the next turn
            for letter, texts in _mnemonics(window).items():
                if len(texts) > 1:
                    clashes[(key, view, letter)] = texts
    window.close()
    assert clashes == {}


@pytest.mark.usefixtures("family")
def test_alt_letter_on_a_focused_combo_reaches_the_mnemonic(qtbot, make_window, office, session):
    page = open_page(qtbot, make_window)
    father = session.scalars(select(Person).where(Person.nik == "3324011508800001")).one()
    page.go_capture(father.id, father.name, father.nik, "3324010101200003")
    capture, window = page.capture, page.keep_window_alive
    category = capture.combos["category"]
    assert not capture.prelist.isEnabled()  # in the DTKS: its Alt+L is not there to take
    category.setFocus()
    qtbot.keyClick(category, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert category.currentText() == "-"  # not "Lainnya"

    capture.combos["sector"].setFocus()
    qtbot.keyClick(capture.combos["sector"], Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert category.hasFocus()  # Ka&tegori, its own letter

    with qtbot.waitSignal(capture.back, timeout=2000):  # a button's mnemonic clicks it
        qtbot.keyClick(category, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert category.currentText() == "-"
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.find_step)

    page.go_capture(father.id, father.name, father.nik, "3324010101200003")
    category.setFocus()
    qtbot.keyClick(category, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=2000)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_case_dialogs_repeat_no_letter(qtbot, ctx, gateway, tmp_path, monkeypatch, language):
    """Each form a case action asks for (a window of its own: the shell's letters do not
    reach it) underlines each letter once; the forms are opened and cancelled."""
    gateway.call(generate, households=40, registered=8)
    settings = LocalSettings(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    settings.set("language", language)
    window = build_window(ctx, settings=settings, executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.login_page.username, "belakang")
    qtbot.keyClicks(window.login_page.secret, DEMO_PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    clashes: dict[tuple[str, str], list[str]] = {}

    def cancelled(dialog: FormDialog) -> int:
        for letter, texts in _mnemonics(dialog).items():
            if len(texts) > 1:
                clashes[(dialog.windowTitle(), letter)] = texts
        asked.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected.value

    asked: list[str] = []
    monkeypatch.setattr(FormDialog, "exec", cancelled)
    page = window.shell.show_key("cases")
    page.table.selectRow(0)
    for open_form in (
        page.dialogs.propose_resolution,
        page.dialogs.refer,
        page.dialogs.draft_product,
        partial(page.dialogs.sign, uuid.uuid4()),
        page.dialogs.notice,
        page.note,
        page.communities.advance_stage,
        page.communities.add_households,
        page.communities.open_community,
    ):
        open_form()
    window.close()
    assert len(asked) == 9
    assert clashes == {}
