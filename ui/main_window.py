"""Main window: only composes the pages (set-up, log-in, password, shell, lock)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.services.actor import Actor
from kiosk.services.setup import SiteView, get_site, is_set_up
from ui.env import UiEnv
from ui.i18n import apply_language, translate
from ui.idle import IdleWatcher
from ui.mnemonic_keys import AltKeysToMnemonics
from ui.pages.lock import LockPage
from ui.pages.login import LoginPage
from ui.pages.password import ChangePasswordPage
from ui.pages.setup import SetupPage
from ui.shell import Shell
from ui.sync_runner import SyncRunner


class MainWindow(QMainWindow):
    """Which page shows is a function of state: set up? logged in? locked?

    The site and whether it is set up are read through an op (never on the window's thread);
    ``opened`` says the first page is chosen (``ready`` once it has been)."""

    opened = Signal()

    def __init__(self, env: UiEnv):
        super().__init__()
        self.env = env
        self.actor: Actor | None = None
        self.shell: Shell | None = None
        self.focus_before_lock: QWidget | None = None
        self.setWindowTitle(translate("main_window", "Puskesos Kiosk"))
        self.setObjectName("main_window")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.site: SiteView | None = None
        self.ready = False
        self.setup_page = SetupPage(env)
        self.stack.addWidget(self.setup_page)
        self.setup_page.completed.connect(self.on_setup_completed)
        self._build_account_pages()
        env.settings.changed.connect(self.on_setting)
        self.idle = IdleWatcher(5, self)
        self.idle.idle.connect(self.on_lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            self.alt_keys = AltKeysToMnemonics(self)
            app.installEventFilter(self.alt_keys)
        if env.sync is None:
            env.sync = SyncRunner(env, self)
            if not env.demo:
                env.sync.start()
        gateway = env.gateway
        opening = env.run(self, lambda: (gateway.call(get_site), gateway.call(is_set_up)))
        opening.success(self._opened).run()

    def _opened(self, opening: tuple[SiteView | None, bool]) -> None:
        """The site is known: its name on the log-in page, its idle lock, the first page."""
        self.site, set_up = opening
        if self.site is not None:
            self.login_page.title.setText(self.site.name)
            self.idle.timer.setInterval(max(1, int(self.site.idle_lock_minutes * 60_000)))
        self.stack.setCurrentWidget(self.login_page if set_up else self.setup_page)
        self.ready = True
        self.opened.emit()

    def _build_account_pages(self) -> None:
        """Log-in, password and lock pages: built again when the language changes."""
        self.login_page = LoginPage(self.env, self.site.name if self.site else "")
        self.password_page = ChangePasswordPage(self.env)
        self.lock_page = LockPage(self.env)
        for page in (self.login_page, self.password_page, self.lock_page):
            self.stack.addWidget(page)
        self.login_page.logged_in.connect(self.on_logged_in)
        self.password_page.changed.connect(self.on_logged_in)
        self.lock_page.unlocked.connect(self.on_unlocked)
        self.lock_page.switch_user.connect(self.on_logout)

    def on_setting(self, key: str) -> None:
        """A new language: every page is built again in it, and the officer stays where
        they were (on the display page, signed in)."""
        if key != "language":
            return
        app = QCoreApplication.instance()
        if app is not None:
            apply_language(app, str(self.env.settings.get("language")))
        self.setWindowTitle(translate("main_window", "Puskesos Kiosk"))
        old = (self.login_page, self.password_page, self.lock_page)
        showing_login = self.stack.currentWidget() is self.login_page
        self._build_account_pages()
        for page in old:
            self.stack.removeWidget(page)
            page.deleteLater()
        if showing_login:
            self.stack.setCurrentWidget(self.login_page)
        if self.actor is not None and self.shell is not None:
            self.on_logged_in(self.actor)
            self.shell.show_key("display")

    def on_setup_completed(self, actor: Actor) -> None:
        def shown(site: SiteView | None) -> None:
            self.site = site
            self.login_page.title.setText(site.name if site else "")
            self.on_logged_in(actor)

        self.env.op(self, get_site).success(shown).run()

    def on_logged_in(self, actor: Actor) -> None:
        self.actor = actor
        if actor.must_change_password:
            self.password_page.start(actor)
            self.stack.setCurrentWidget(self.password_page)
            return
        if self.shell is not None:
            self.stack.removeWidget(self.shell)
            self.shell.deleteLater()
        self.shell = Shell(self.env, actor, self.site)
        self.shell.lock_requested.connect(self.on_lock)
        self.shell.logout_requested.connect(self.on_logout)
        self.stack.addWidget(self.shell)
        self.stack.setCurrentWidget(self.shell)
        self.shell.nav.setFocus()
        self.idle.start()

    def on_lock(self) -> None:
        if self.actor is None or self.stack.currentWidget() is not self.shell:
            return
        self.idle.stop()
        if self.shell is not None:  # before the lock page takes the cursor
            self.focus_before_lock = self.shell.focus_to_keep()
        self.lock_page.lock_for(self.actor)
        if self.shell is not None:
            self.shell.hide()  # nothing of the citizen stays drawn behind the lock
        self.stack.setCurrentWidget(self.lock_page)

    def on_unlocked(self, actor: Actor) -> None:
        if self.shell is not None:
            self.shell.show()
            self.stack.setCurrentWidget(self.shell)
            self.shell.return_focus(self.focus_before_lock)  # never the lock button
        self.focus_before_lock = None
        self.idle.start()

    def on_logout(self) -> None:
        self.idle.stop()
        self.actor = None
        if self.shell is not None:
            self.stack.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None
        self.login_page.reset()
        self.login_page.username.clear()
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.username.setFocus()
