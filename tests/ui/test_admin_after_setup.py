"""What the administrator changes in the window after set-up: an officer's roles (Petugas),
the office's letterhead facts (Petugas, Ubah data kantor), a citizen's renewed consent (Hak
data warga), a new access need and the shipped lists reloaded (Panduan disabilitas)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton
from sqlalchemy import select

from kiosk.models import Case, Consent, Officer, Person, Site
from tests.backoffice.helpers import open_case
from tests.ui.test_back_office import answer, login


def _select(page, username):
    for row in range(page.model.rowCount()):
        if page.model.row(row).username == username:
            page.table.selectRow(row)
            return
    raise AssertionError(username)


def _button(page, text):
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def test_the_administrator_changes_an_officer_s_roles(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "admin", "officers")
    _select(page, "frontoffice")
    answer(qtbot, {"facilitator": True, "front_office": False})
    _button(page, "&Ubah peran…").click()
    officer = session.scalars(select(Officer).where(Officer.username == "frontoffice")).one()
    session.refresh(officer)
    assert officer.role_names == ["facilitator"]
    assert "Fasilitator" in page.status.text()


def test_the_administrator_changes_the_office_s_details(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "admin", "officers")

    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog.widgets["head_name"].text() == "Slamet"  # today's value to change
        for key, value in {"head_name": "Bu Wati", "address": "Jl. Balai Desa 1"}.items():
            edit = dialog.widgets[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(value)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    _button(page, "Ubah &data kantor…").click()
    qtbot.waitUntil(lambda: "Bu Wati" in page.status.text())
    site = session.scalars(select(Site)).one()
    session.refresh(site)
    assert (site.head_name, site.address) == ("Bu Wati", "Jl. Balai Desa 1")


def test_consent_given_again_on_the_rights_page(qtbot, make_window, gateway, office, session):
    case = open_case(gateway, office)
    nik = session.get(Person, session.get(Case, case.case_id).person_id).nik
    page = login(qtbot, make_window, "admin", "rights")
    qtbot.keyClicks(page.nik, nik)
    page.withdraw_button.click()
    assert "dicabut" in page.status.text()
    answer(qtbot, {"purpose": "rujukan"})
    page.consent_button.click()
    assert "Persetujuan dicatat" in page.status.text(), page.error.text()
    session.expire_all()
    standing = session.scalars(select(Consent.purpose).where(Consent.withdrawn_at.is_(None)))
    assert list(standing) == ["rujukan"]


def test_a_new_access_need_and_the_lists_reloaded(qtbot, make_window, office):
    page = login(qtbot, make_window, "admin", "akses")
    before = len(page.edits)
    answer(qtbot, {"label": "Butuh juru bahasa daerah", "code": "bahasa_daerah"})
    page.add_need.trigger()
    assert len(page.edits) == before + 1 and "bahasa_daerah" in page.edits
    assert "Butuh juru bahasa daerah" in page.info.text()
    page.reload.trigger()
    assert "dimuat ulang" in page.info.text()
    assert "bahasa_daerah" in page.edits  # the office's own need stays
