"""The administrator's and supervisor's data-safety pages, driven as an officer would."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt

from kiosk.models import Case, Person
from tests.backoffice.helpers import open_case
from tests.ui.test_back_office import login
from ui.pages.audit import AuditPage
from ui.pages.backups import BackupPage
from ui.pages.person_rights import PersonRightsPage


def test_the_pages_appear_only_for_the_roles_that_hold_them(qtbot, make_window, office):
    front = login(qtbot, make_window, "frontoffice", "home").keep_window_alive
    assert not {"backup", "audit", "rights"} & set(front.shell.page_keys())
    sup = login(qtbot, make_window, "supervisor", "home").keep_window_alive
    assert "audit" in sup.shell.page_keys() and "backup" not in sup.shell.page_keys()


def test_admin_backs_up_and_restores_from_the_page(qtbot, make_window, office, monkeypatch):
    window = login(qtbot, make_window, "admin", "backup").keep_window_alive
    page = window.shell.show_key("backup")
    assert isinstance(page, BackupPage)
    if window.env.gateway.ctx.engine.dialect.name != "sqlite":
        assert "pg_dump" in page.status.text() and not page.create_button.isEnabled()
        return
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "terverifikasi" in page.status.text() and page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 1)) == "Dibuat petugas"
    page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(page, "confirm_restore", lambda info: asked.append(info) or False)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert asked and page.model.rowCount() == 1  # said no: nothing happened
    monkeypatch.setattr(page, "confirm_restore", lambda info: True)
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "dipulihkan" in page.status.text()
    reasons = {page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())}
    assert reasons == {"Dibuat petugas", "Sebelum pemulihan"}


def test_admin_sets_the_recovery_passphrase_the_page_asked_for(
    qtbot, make_window, office, monkeypatch
):
    window = login(qtbot, make_window, "admin", "backup").keep_window_alive
    page = window.shell.show_key("backup")
    if window.env.gateway.ctx.engine.dialect.name != "sqlite":
        return
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "Frasa pemulihan belum ditetapkan" in page.error.text()
    typed = iter(["sawah hijau di kaki gunung", "sawah hijau di kaki gunung"])
    monkeypatch.setattr(page, "ask_passphrase", lambda title: next(typed))
    qtbot.mouseClick(page.passphrase_button, Qt.MouseButton.LeftButton)
    assert "Frasa pemulihan ditetapkan" in page.status.text()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "terverifikasi" in page.status.text() and not page.error.text()
    assert "kepala rantai audit: entri no. " in page.status.text()
    assert window.env.gateway.ctx.backup_keys.recovery


def test_supervisor_filters_the_audit_and_sees_tampering(qtbot, make_window, office, gateway):
    open_case(gateway, office)
    window = login(qtbot, make_window, "supervisor", "audit").keep_window_alive
    page = window.shell.show_key("audit")
    assert isinstance(page, AuditPage) and page.model.rowCount() > 5
    page.action.setCurrentIndex(page.action.findData("warga_didaftarkan"))
    page.load()
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "utuh" in page.verdict.text()
    ctx = window.env.gateway.ctx
    if ctx.engine.dialect.name != "sqlite":
        pytest.skip("tampering is shown on SQLite here; tests/core covers PostgreSQL")
    with closing(sqlite3.connect(ctx.engine.url.database)) as con, con:
        con.execute("UPDATE audit_entry SET detail = '{}' WHERE action = 'warga_didaftarkan'")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "RUSAK" in page.error.text()


def test_admin_handles_a_citizens_request(
    qtbot, make_window, office, gateway, session, tmp_path, monkeypatch
):
    case = open_case(gateway, office)
    nik = session.get(Person, session.get(Case, case.case_id).person_id).nik
    window = login(qtbot, make_window, "admin", "rights").keep_window_alive
    page = window.shell.show_key("rights")
    assert isinstance(page, PersonRightsPage)
    qtbot.keyClicks(page.nik, nik)
    out = tmp_path / "warga.json"
    monkeypatch.setattr(page, "choose_file", lambda: str(out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "ditulis" in page.status.text(), page.error.text()
    assert json.loads(out.read_text())["nik"] == nik and out.with_suffix(".pdf").exists()
    qtbot.keyClicks(page.note, "permintaan lisan di loket")
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert "1 persetujuan dicabut" in page.status.text()
    monkeypatch.setattr(page, "confirm_erase", lambda: True)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert "Permintaan dicatat" in page.status.text()
