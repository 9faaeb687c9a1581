"""The logged-in shell: role-aware navigation on the left, the chosen page on the right.

A page appears only if the officer's roles allow its permission; the services check again,
so hiding is courtesy, not security. Signals: ``lock_requested()``, ``logout_requested()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.setup import SiteView

if TYPE_CHECKING:
    from sync.engine import SyncReport
from ui.env import UiEnv
from ui.forms import scrolled
from ui.i18n import translate
from ui.page_table import PAGES, AboutPage, DisplayPage, HomePage


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    perm: Perm | None
    build: Callable[[], QWidget]


PRELIST_READERS = (Perm.VIEW_REPORTS, Perm.PROPOSE_PRELIST, Perm.WORK_CASE)


def _entries(env: UiEnv, actor: Actor, site: SiteView | None) -> list[NavEntry]:
    """The menu for this officer's roles: home first, display settings last. A page is built
    only when the officer first opens it."""
    approver = (
        Perm.APPROVE_COORDINATOR if actor.can(Perm.APPROVE_COORDINATOR) else Perm.APPROVE_SUPERVISOR
    )
    entries = [
        NavEntry("home", translate("shell", "Beranda"), None, partial(HomePage, actor, site))
    ]
    for key, label, perm, page in PAGES:
        needed = approver if key == "approvals" else perm
        # Usulan DTKS: those who propose see the proposals returned to them there too.
        if key == "prelist":
            needed = next((p for p in PRELIST_READERS if actor.can(p)), perm)
        entries.append(NavEntry(key, translate("shell", label), needed, partial(page, env, actor)))
    display = partial(DisplayPage, env.settings)
    entries.append(NavEntry("display", translate("shell", "Tampilan"), None, display))
    entries.append(NavEntry("about", translate("shell", "Tentang"), None, AboutPage))
    # The ranked list names households: it also needs the case permission (not an admin's).
    also = {"ranking": Perm.VIEW_CASE}
    return [
        e
        for e in entries
        if (e.perm is None or actor.can(e.perm)) and (e.key not in also or actor.can(also[e.key]))
    ]


class Shell(QWidget):
    """Composes pages for one officer; rebuilt at every log-in."""

    lock_requested = Signal()
    logout_requested = Signal()

    def __init__(
        self, env: UiEnv, actor: Actor, site: SiteView | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.setObjectName("shell")
        self.entries = _entries(env, actor, site)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(translate("shell", "Menu halaman"))
        self.nav.setSpacing(4)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        for i, entry in enumerate(self.entries):
            self.nav.addItem(f"{entry.label}  (Ctrl+{i + 1})" if i < 9 else entry.label)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self.on_nav)
        # Wide enough for the longest label at the current font size (large text included).
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)

        top = self._top_bar()
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

        for i in range(min(9, len(self.entries))):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, partial(self.show_page, i))
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.logout_requested.emit)
        self.show_page(0)

    def _top_bar(self) -> QHBoxLayout:
        """Who is signed in, the sync state, lock and log out."""
        actor = self.actor
        who = QLabel(f"{actor.full_name} ({actor.username})")
        who.setAccessibleName(translate("shell", "Petugas yang masuk"))
        lock = QPushButton(translate("shell", "&Kunci layar (Ctrl+L)"))
        lock.clicked.connect(self.lock_requested.emit)
        logout = QPushButton(translate("shell", "Keluar akun (Ctrl+Q)"))
        logout.clicked.connect(self.logout_requested.emit)
        self.sync_status = QLabel("")
        self.sync_status.setObjectName("sync_status")
        self.sync_status.setAccessibleName(translate("shell", "Keadaan sinkronisasi"))
        if self.env.sync is not None:
            self.env.sync.reported.connect(self._sync_reported)
            if self.env.sync.last is not None:
                self._sync_reported(self.env.sync.last)
        top = QHBoxLayout()
        top.addWidget(who)
        top.addStretch()
        top.addWidget(self.sync_status)
        top.addWidget(lock)
        top.addWidget(logout)
        self.top_buttons = (lock, logout)
        return top

    def focus_to_keep(self) -> QWidget | None:
        """The widget the officer was working in, to return to after the lock; None when it
        was the lock (or log-out) button, which is nobody's work."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus) or focus in self.top_buttons:
            return None
        return focus

    def return_focus(self, widget: QWidget | None) -> None:
        """Back to ``widget`` when it is still there to type in, else where the page starts."""
        if widget is not None and isValid(widget) and widget.isVisible() and widget.isEnabled():
            widget.setFocus()
            return
        page = self._built.get(self.nav.currentRow())
        start = getattr(page, "start_focus", None)
        if callable(start):
            start()
        else:
            self.nav.setFocus()

    def page_keys(self) -> list[str]:
        return [e.key for e in self.entries]

    def current_key(self) -> str:
        return self.entries[max(0, self.nav.currentRow())].key

    def _sync_reported(self, report: SyncReport) -> None:
        if report.ok:
            text = translate("shell", "Sinkron: berhasil")
        elif report.paused:
            text = translate("shell", "Sinkron: kios belum terdaftar (data aman di sini)")
        else:
            text = translate("shell", "Sinkron: tertunda (data aman di sini)")
        if report.attention:
            text += translate("shell", "; {0} perlu perhatian").format(report.attention)
        self.sync_status.setText(text)
        self.sync_status.setToolTip(report.error)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def show_key(self, key: str) -> QWidget:
        index = self.page_keys().index(key)
        self.show_page(index)
        return self._built[index]

    def on_nav(self, index: int) -> None:
        if index < 0:
            return
        if index not in self._built:
            page = self.entries[index].build()
            old = self.stack.widget(index)
            if old is not None:  # the placeholder made with the menu
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, scrolled(page))
            self._built[index] = page
        self.stack.setCurrentIndex(index)
        # The cursor goes where the work starts (the search box, the tracking-number box),
        # never stays in the navigation list.
        start = getattr(self._built[index], "start_focus", None)
        if callable(start):
            start()
