"""Look: a calm light theme, a high-contrast theme, and large text for older eyes.

Focus is always drawn thick: the counter is worked from the keyboard, so the officer must see
where the next keystroke goes.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.local_settings import LocalSettings

_NORMAL = """
QWidget { background: #f6f7f9; color: #1b1f24; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTableView, QListWidget {
    background: #ffffff; border: 1px solid #8a939e; border-radius: 4px; padding: 4px; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTableView:focus, QListWidget:focus,
QPushButton:focus, QCheckBox:focus { border: 3px solid #0a58ca; }
QPushButton { background: #e3e7ec; border: 1px solid #6c757d; border-radius: 4px;
    padding: 6px 14px; }
QPushButton[primary="true"] { background: #0a58ca; color: #ffffff; font-weight: bold; }
QLabel[role="error"] { color: #a4161a; font-weight: bold; }
QLabel[role="title"] { font-weight: bold; }
QListWidget#nav::item:selected { background: #0a58ca; color: #ffffff; }
QCheckBox::indicator, QListView::indicator { width: 16px; height: 16px;
    border: 2px solid #4a525b; background: #ffffff; border-radius: 2px; }
QCheckBox::indicator:checked, QListView::indicator:checked { background: #0a58ca; }
"""

_HIGH_CONTRAST = """
QWidget { background: #000000; color: #ffffff; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTableView, QListWidget {
    background: #000000; color: #ffffff; border: 2px solid #ffffff; padding: 4px; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTableView:focus, QListWidget:focus,
QPushButton:focus, QCheckBox:focus { border: 4px solid #ffff00; }
QPushButton { background: #000000; color: #ffffff; border: 2px solid #ffffff; padding: 6px 14px; }
QPushButton[primary="true"] { background: #ffff00; color: #000000; font-weight: bold; }
QLabel[role="error"] { color: #ffff00; font-weight: bold; }
QLabel[role="title"] { font-weight: bold; }
QListWidget#nav::item:selected { background: #ffff00; color: #000000; }
QHeaderView::section { background: #000000; color: #ffffff; border: 1px solid #ffffff; }
QCheckBox::indicator, QListView::indicator { width: 18px; height: 18px;
    border: 3px solid #ffffff; background: #000000; }
QCheckBox::indicator:checked, QListView::indicator:checked { background: #ffff00; }
"""

BASE_POINTS = 11
LARGE_POINTS = 15


def apply_theme(app: QApplication, settings: LocalSettings) -> None:
    """(Re)apply font size and colours from the settings."""
    # Only what changed: setting either repolishes every widget of the application.
    points = LARGE_POINTS if settings.get("large_text") else BASE_POINTS
    if app.font().pointSize() != points:
        font = QFont(app.font())
        font.setPointSize(points)
        app.setFont(font)
    sheet = _HIGH_CONTRAST if settings.get("high_contrast") else _NORMAL
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
