"""Save, open and folder dialogs start in the officer's Documents folder, never in the folder
the program was started from; Qt's own catalogue is loaded where PySide6 ships one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from ui import file_dialogs, pdf_output
from ui.i18n import apply_language, qt_catalogue


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """A home with a Documents folder; the program started from somewhere else."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return home / "Documents"


def _where_the_dialog_opens(qtbot) -> list[tuple[str, list[str]]]:
    """The next file dialog's folder and proposed files; then it is cancelled."""
    seen: list[tuple[str, list[str]]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def test_every_kind_of_dialog_starts_in_documents(qtbot, documents):
    assert file_dialogs.documents() == documents
    parent = QWidget()
    qtbot.addWidget(parent)
    folder = _where_the_dialog_opens(qtbot)
    assert file_dialogs.choose_folder(parent, "Simpan ke folder") == ""
    opened = _where_the_dialog_opens(qtbot)
    assert file_dialogs.open_file(parent, "Pilih berkas", "Data (*.csv)") == ""
    saved = _where_the_dialog_opens(qtbot)
    assert pdf_output.save_with_dialog(parent, b"%PDF", "surat.pdf") is None
    assert [seen[0][0] for seen in (folder, opened, saved)] == [str(documents)] * 3
    assert saved[0][1] == [str(documents / "surat.pdf")]


def test_printing_to_a_file_proposes_documents(qtbot, documents):
    parent = QWidget()
    qtbot.addWidget(parent)
    proposed: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, look)
            return
        proposed.append(dialog.findChild(QLineEdit, "filename").text())
        dialog.reject()

    QTimer.singleShot(0, look)
    assert pdf_output.print_with_dialog(parent, b"%PDF", "Surat rujukan 2026/1") is False
    assert proposed == [str(documents / "Surat rujukan 2026-1.pdf")]


def test_the_papan_save_button_opens_in_documents(qtbot, make_window, office, documents):
    from tests.ui.test_back_office import login

    page = login(qtbot, make_window, "coordinator", "papan")
    assert page.report is not None
    seen = _where_the_dialog_opens(qtbot)
    page.save.click()
    assert seen and seen[0][0] == str(documents)


def test_qt_s_own_catalogue_is_loaded_where_one_ships(qapp):
    """PySide6 ships qtbase_en and no qtbase_id: Indonesian falls back to Qt's English."""
    assert qt_catalogue("en") is not None
    assert qt_catalogue("id") is None or Path(qt_catalogue("id") or "").name == "qtbase_id.qm"
    try:
        assert apply_language(qapp, "en")
        assert apply_language(qapp, "id")  # no Qt catalogue for it: still Indonesian, no error
    finally:
        apply_language(qapp, "id")
