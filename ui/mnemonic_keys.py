"""Alt+letter belongs to the mnemonics, never to a list's keyboard search.

Qt tries the window's shortcuts (the underlined letters) first; a key press that still reaches
a combo box or a list then picks the first item starting with that letter. With the combo
focused, Alt+L meant for a disabled "pre-&list" box (or a letter the page does not use)
silently changed the complaint's category. One filter on the application swallows such key
presses instead, so a focused list never changes on Alt+letter (STYLE.md convention 19).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox

_ALT = Qt.KeyboardModifier.AltModifier
_OTHERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


class AltKeysToMnemonics(QObject):
    """Installed once on the application (ui.main_window)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers()
        if not (mods & _ALT) or (mods & _OTHERS) or not event.text().strip():
            return False  # Alt+Down still opens a combo's list; plain letters still search
        searches = isinstance(watched, QComboBox) and not watched.isEditable()
        return searches or isinstance(watched, QAbstractItemView)
