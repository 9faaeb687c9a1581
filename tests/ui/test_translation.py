"""The interface in English: every user-visible literal in ui/ goes through Qt's translation,
the English catalogue is complete and current (lupdate finds nothing new, every {field} kept),
the built .qm is the one lrelease makes from it, and with English chosen no page shows an
Indonesian text that has an English one."""

from __future__ import annotations

import ast
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
)

from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from tests.conftest import PASSWORD
from tools import i18n as tool
from ui.i18n import apply_language

ROOT = Path(__file__).resolve().parents[2]
HORIZONTAL = Qt.Orientation.Horizontal
# Calls that put text on the screen, and which of their positional arguments is the text.
SINKS = {
    "QLabel": {0},
    "QPushButton": {0},
    "QCheckBox": {0},
    "QGroupBox": {0},
    "QRadioButton": {0},
    "setText": {0},
    "setPlaceholderText": {0},
    "setToolTip": {0},
    "setWindowTitle": {0},
    "setAccessibleName": {0},
    "setAccessibleDescription": {0},
    "addItem": {0},
    "setHorizontalHeaderLabels": {0},
    "show_error": {1},
    "setTitle": {0},
    "addTab": {1},
    "setTabText": {1},
    "information": {1, 2},
    "warning": {1, 2},
    "critical": {1, 2},
    "question": {1, 2},
    "addRow": {0},
    "Field": {1},
    "ask": {1, 3, 4},
    "add_field": {1},
    "RowTableModel": {0},
    "setSpecialValueText": {0},
    "setSuffix": {0},
    "getExistingDirectory": {1},
    "getSaveFileName": {1},
    "getOpenFileName": {1},
    "open_file": {1},
    "save_file": {1},
}


def _literal(node: ast.AST) -> bool:
    """Text written in place: a string with letters, an f-string, a sum containing one, or a
    tuple/list of them (headers)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):  # words around the values, not values alone
        return any(_literal(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    if isinstance(node, ast.Tuple | ast.List):
        return any(_literal(e) for e in node.elts)
    return False


def bypasses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        for i in SINKS.get(name, ()):
            if i < len(node.args) and _literal(node.args[i]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


def test_no_user_visible_literal_bypasses_translation():
    found = [line for p in tool.ui_sources() for line in bypasses(p)]
    assert found == [], "wrap these in translate(context, text):\n" + "\n".join(found)


def test_the_checker_catches_a_bare_literal(tmp_path):
    bad = ROOT / "ui" / "_probe_for_test.py"
    try:
        bad.write_text(
            'def f(w, n):\n    w.setText("Simpan dulu")\n    w.setToolTip(f"{n} baris")\n'
            '    w.setText(translate("x", "Simpan dulu"))\n',
            encoding="utf-8",
        )
        assert len(bypasses(bad)) == 2
    finally:
        bad.unlink()


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_the_english_catalogue_is_complete_and_current(tmp_path, monkeypatch):
    assert tool.problems() == []
    committed = _messages(tool.TS)
    fresh = tmp_path / "puskesos_en.ts"
    shutil.copy(tool.TS, fresh)
    monkeypatch.setattr(tool, "TS", fresh)
    tool.update()  # what lupdate finds in ui/ today, translations kept
    assert _messages(fresh) == committed, "run: uv run python -m tools.i18n update"
    assert tool.problems(fresh) == []


def test_the_shipped_qm_is_built_from_the_catalogue(tmp_path):
    built = tmp_path / "en.qm"
    tool.release(built)
    assert built.read_bytes() == tool.QM.read_bytes(), "run: uv run python -m tools.i18n release"


@pytest.fixture
def english(qapp):
    assert apply_language(qapp, "en")
    yield
    apply_language(qapp, "id")


def _shown_texts(widget) -> set[str]:
    texts: set[str] = set()
    for w in widget.findChildren(QLabel):
        texts.add(w.text())
    for w in widget.findChildren(QAbstractButton):
        texts.add(w.text())
    for w in widget.findChildren(QGroupBox):
        texts.add(w.title())
    for w in widget.findChildren(QLineEdit):
        texts.add(w.placeholderText())
    for w in widget.findChildren(QTabWidget):
        texts |= {w.tabText(i) for i in range(w.count())}
    for w in widget.findChildren(QComboBox):
        texts |= {w.itemText(i) for i in range(w.count())}
    for w in widget.findChildren(QTableView):
        model = w.model()
        if model is not None:
            texts |= {str(model.headerData(c, HORIZONTAL)) for c in range(model.columnCount())}
    return {t for t in texts if t}


def test_every_page_shows_english(qtbot, make_window, settings, gateway, office, english):
    """One officer holding every job sees every page; no text on them is an Indonesian source
    whose English differs (data the office typed, names and kiosk's own words may stay)."""
    sources = {}
    for context in ET.parse(tool.TS).getroot().iter("context"):
        for m in context.iter("message"):
            src, en = m.findtext("source") or "", m.findtext("translation") or ""
            if src != en:
                sources[src] = en
    gateway.call(
        lambda s: Actor.of(
            create_officer(
                s,
                "semua",
                "Petugas Serba Bisa",
                PASSWORD,
                [r for r in Role if r is not Role.QUEUE_KIOSK],
                created_by=office.admin.id,
            )
        )
    )
    settings.set("language", "en")
    window = make_window()
    assert window.login_page.findChildren(QAbstractButton)[0].text() in {"&Log in", "Log in"}
    qtbot.keyClicks(window.login_page.username, "semua")
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    window.login_page.on_submit()
    assert window.shell is not None
    keys = window.shell.page_keys()
    assert len(keys) >= 20
    # The core's codes (case statuses, deadlines, roles) are worded by the window: English too.
    left: dict[str, set[str]] = {}
    for key in keys:
        page = window.shell.show_key(key)
        QApplication.processEvents()
        indonesian = {t for t in _shown_texts(page) if t in sources}
        if indonesian:
            left[key] = indonesian
    assert left == {}
    nav = {window.shell.nav.item(i).text().split("  (")[0] for i in range(window.shell.nav.count())}
    assert {"Home", "Cases", "Citizen profile", "Display"} <= nav


def test_choosing_english_on_the_display_page_rebuilds_the_window(
    qtbot, make_window, office, settings, qapp
):
    from tests.ui.test_back_office import login

    try:
        page = login(qtbot, make_window, "coordinator", "display")
        window = page.keep_window_alive
        assert window.shell.nav.item(0).text().startswith("Beranda")
        page.language.setCurrentIndex(page.language.findData("en"))
        assert settings.get("language") == "en"
        assert window.shell.nav.item(0).text().startswith("Home")
        assert window.shell.current_key() == "display"  # the officer stays where they were
        shown = window.shell.show_key("display")
        shown.language.setCurrentIndex(shown.language.findData("id"))
        assert window.shell.nav.item(0).text().startswith("Beranda")
    finally:
        apply_language(qapp, "id")
