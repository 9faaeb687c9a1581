"""Log-in, role-aware navigation, forced password change, lock screen and idle lock."""

from PySide6.QtCore import Qt

from kiosk.roles import Role
from kiosk.services.officers import add_officer
from tests.conftest import PASSWORD
from ui.pages.officers import OfficersPage


def log_in(qtbot, window, username: str, secret: str) -> None:
    page = window.login_page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClick(page.username, Qt.Key.Key_Return)
    assert page.secret.hasFocus()
    qtbot.keyClicks(page.secret, secret)
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)


def test_wrong_password_then_right_one(qtbot, make_window, office):
    window = make_window()
    assert window.stack.currentWidget() is window.login_page
    log_in(qtbot, window, "admin", "salah-sandi")
    assert window.stack.currentWidget() is window.login_page
    assert "salah" in window.login_page.error.text()
    assert window.login_page.secret.text() == "" and window.login_page.username.text() == "admin"
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.shell
    assert window.shell.page_keys() == [
        "home",
        "sync",
        "officers",
        "dtks",
        "printer",
        "backup",
        "audit",
        "rights",
        "prelist",
        "papan",
        "programme_info",
        "programmes",
        "akses",
        "profil",
        "display",
        "about",
    ]


def test_front_office_does_not_see_officers_and_the_service_refuses(qtbot, make_window, office):
    window = make_window()
    log_in(qtbot, window, "frontoffice", PASSWORD)
    keys = window.shell.page_keys()
    assert "officers" not in keys and "front" in keys
    # Even if the page is reached, the core refuses and says why.
    page = OfficersPage(window.env, office[Role.FRONT_OFFICE])
    qtbot.addWidget(page)
    assert "tidak berwenang melihat daftar petugas" in page.error.text()
    assert page.model.rowCount() == 0


def test_each_role_sees_its_own_pages(qtbot, make_window, office):
    window = make_window()
    expected = {
        "backoffice": {"cases", "queue", "status"},
        "coordinator": {"cases", "approvals", "status"},
        "supervisor": {"approvals", "status"},
        "frontoffice": {"front", "queue", "status"},
    }
    for username, pages in expected.items():
        log_in(qtbot, window, username, PASSWORD)
        assert pages <= set(window.shell.page_keys())
        assert "officers" not in window.shell.page_keys()
        if username == "supervisor":
            assert "cases" not in window.shell.page_keys()
        qtbot.keyClick(window.shell, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.login_page


def test_new_officer_must_change_password_first(qtbot, make_window, office, gateway):
    gateway.call(add_officer, office.admin, "siti", "Siti", "sementara1", [Role.FRONT_OFFICE])
    window = make_window()
    log_in(qtbot, window, "siti", "sementara1")
    page = window.password_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.old, "sementara1")
    qtbot.keyClicks(page.new, "sandibaru99")
    qtbot.keyClicks(page.repeat, "sandibaru99")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.shell


def test_the_pin_alone_does_not_log_in_at_the_window(qtbot, make_window, office):
    window = make_window()
    assert window.login_page.secret.accessibleName() == "Kata sandi"
    log_in(qtbot, window, "frontoffice", "1234")
    assert window.stack.currentWidget() is window.login_page
    assert "kata sandi salah" in window.login_page.error.text()


def test_ctrl_l_locks_and_pin_unlocks(qtbot, make_window, office):
    window = make_window()
    log_in(qtbot, window, "frontoffice", PASSWORD)
    qtbot.keyClick(window.shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.lock_page
    assert not window.shell.isVisible()
    qtbot.keyClicks(window.lock_page.secret, "9999")
    qtbot.keyClick(window.lock_page.secret, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.lock_page
    assert "salah" in window.lock_page.error.text()
    qtbot.keyClicks(window.lock_page.secret, "1234")
    qtbot.keyClick(window.lock_page.secret, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.shell and window.shell.isVisible()


def test_idle_screen_locks_itself(qtbot, make_window, office):
    window = make_window()
    log_in(qtbot, window, "backoffice", PASSWORD)
    window.idle.timer.setInterval(100)
    window.idle.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=3000)


def test_login_runs_off_the_ui_thread(qtbot, make_window, office):
    window = make_window(threaded=True)
    log_in(qtbot, window, "admin", PASSWORD)
    qtbot.waitUntil(lambda: window.shell is not None, timeout=5000)
    window.env.executor.wait()


def test_demo_mode_shows_the_demo_accounts(qtbot, make_window, office):
    window = make_window(demo=True)
    texts = [w.text() for w in window.login_page.findChildren(type(window.login_page.title))]
    assert any("Mode demo" in t for t in texts)
