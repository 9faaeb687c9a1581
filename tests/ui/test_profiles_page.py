"""The administrator reads a regulation's profile with its articles and makes it the office's;
a screenshot-free check that the page works by keyboard and says the switch is for new cases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.models import Site
from kiosk.roles import Role
from kiosk.services.profiles import use_profile
from tests.conftest import PASSWORD
from tests.ui.test_back_office import login


def test_the_administrator_reads_and_chooses_a_profile(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "admin", "profil")
    assert page.chosen().name == "umum" and not page.use.isEnabled()  # the one in use
    at = next(i for i, p in enumerate(page.profiles) if p.name == "barito_selatan")
    page.choice.setCurrentIndex(at)
    qtbot.waitUntil(lambda: "Pengawas" in page.text.toPlainText())
    assert "Pasal 10 ayat (1) huruf b" in page.text.toPlainText()
    assert page.use.isEnabled()
    page.choice.setFocus()
    qtbot.keyClick(page.choice, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Pakai
    qtbot.waitUntil(lambda: "Berlaku untuk kasus baru" in page.info.text() + page.error.text())
    session.expire_all()
    site = session.scalars(select(Site)).one()
    assert (site.profile, site.head_title) == ("barito_selatan@2022.57", "Kepala Desa")
    qtbot.waitUntil(lambda: page.chosen() is not None and page.chosen().active)
    assert page.chosen().name == "barito_selatan" and not page.use.isEnabled()


def test_only_the_administrator_sees_the_page(qtbot, make_window, office):
    window = make_window()
    qtbot.keyClicks(window.login_page.username, "coordinator")
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    assert "profil" not in window.shell.page_keys()


def test_the_window_names_the_role_as_the_regulation_does(qtbot, make_window, office, gateway):
    gateway.call(use_profile, office[Role.ADMIN], "depok")  # Perwali 14 (3) b: Ketua
    home = login(qtbot, make_window, "coordinator", "home")
    said = " ".join(label.text() for label in home.findChildren(QLabel))
    assert "Ketua Puskesos" in said and "Koordinator" not in said
