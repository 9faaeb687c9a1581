"""What every page of the shell has: its title, its error area, its tables, where the cursor
starts, and a ``load()`` that reads off the window's thread and runs again when what it shows
changes (STYLE.md 22: a page shows what is true now).

Pages work as Anki's screens do with ``operation_did_execute``: every ``Op`` tells the
window's :class:`~ui.ops.ChangeHub` which kinds of record it committed; a page whose
:attr:`Page.shows` meets them is stale, and reloads at once if it is on screen, else the next
time it is shown (never for a page nobody looks at). Changes a page made itself are left to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget
from shiboken6 import isValid

from kiosk.changes import Changes, Kind
from kiosk.services.actor import Actor
from ui.env import UiEnv
from ui.forms import error_label, message_of, show_error
from ui.ops import Op
from ui.table_fit import ColumnFit, fit_columns


class Page(QWidget):
    """A page for one officer. Subclasses name the kinds of record they show in
    :attr:`shows` and, when they read records, return the reading from :meth:`reading` and show
    its result in :meth:`loaded`. ``self.error`` is the page's error area; :meth:`_failed`
    puts any failure there in words."""

    shows: ClassVar[frozenset[Kind]] = frozenset()

    def __init__(self, env: UiEnv, actor: Actor, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName(name)
        self.error = error_label(self)
        self.stale = False
        self.load_count = 0  # how many readings were started (tests count wasted ones)
        self.first_field: QWidget | None = None
        if self.shows:
            env.changes.changed.connect(self.on_changes)

    # --- building -----------------------------------------------------------------------

    @staticmethod
    def title_label(text: str) -> QLabel:
        """The page's heading."""
        title = QLabel(text)
        title.setProperty("role", "title")
        return title

    def make_table(
        self,
        model: QAbstractItemModel,
        name: str,
        accessible: str,
        keep: Sequence[int],
        wrap: Sequence[int] = (),
    ) -> tuple[QTableView, ColumnFit]:
        """A one-row-at-a-time table on ``model`` whose ``keep`` columns always show whole
        (ui/table_fit.py); ``wrap``: those of them that may take two lines."""
        table = QTableView()
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return table, fit_columns(table, keep, wrap)

    # --- reading ------------------------------------------------------------------------

    def reading(self) -> Op[Any] | None:
        """The reading of what the page shows (not yet run); None: the page reads nothing."""
        return None

    def loaded(self, result: Any) -> None:
        """Show what :meth:`reading` read."""

    def load(self) -> None:
        """Read what the page shows off the window's thread, then show it."""
        op = self.reading()
        if op is None:
            return
        self.stale = False
        self.load_count += 1
        op.success(self.loaded).failure(self._failed).run()

    def on_changes(self, changes: Changes, initiator: QObject | None) -> None:
        """Work somewhere committed ``changes``: stale if the page shows any of them."""
        if not changes & self.shows or self._own(initiator):
            return
        self.stale = True
        if self.isVisible():
            self.load()

    def _own(self, initiator: QObject | None) -> bool:
        if initiator is self:
            return True
        # (an op's parent may be gone by now: a dialog deleted in the op's own callback)
        if not isinstance(initiator, QWidget) or not isValid(initiator):
            return False
        return self.isAncestorOf(initiator)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.load()

    # --- the officer --------------------------------------------------------------------

    def start_focus(self) -> None:
        """Where the cursor goes when the page is opened (the shell calls this)."""
        if self.first_field is not None:
            self.first_field.setFocus()

    def _failed(self, exc: Exception) -> None:
        show_error(self.error, message_of(exc))
