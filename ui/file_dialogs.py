"""Open, save and folder dialogs that start in the officer's Documents folder.

Qt's static dialogs start in the program's working folder when given no folder: at a counter
that is where the kiosk was installed, a place officers neither know nor should fill. Every
dialog of the window goes through here instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents() -> Path:
    """The officer's Documents folder; their home folder when the system names none."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(where) if where else Path.home()
    return folder if folder.is_dir() else Path.home()


def open_file(parent: QWidget, caption: str, kinds: str) -> str:
    """A file to read, or "" when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(documents()), kinds)
    return name


def save_file(parent: QWidget, caption: str, suggested: str, kinds: str) -> str:
    """Where to write ``suggested`` (a file name, offered in Documents), or ""."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(documents() / suggested), kinds)
    return name


def choose_folder(parent: QWidget, caption: str) -> str:
    """A folder to write into, or "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, caption, str(documents()))
