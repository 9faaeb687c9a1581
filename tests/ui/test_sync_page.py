"""The sync page: enrol against a real server on loopback, sync now, see what needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.models import OutboxOperation
from tests.backoffice.helpers import open_case
from tests.sync.conftest import ENROLMENT, upstream  # noqa: F401 - fixture
from tests.ui.test_back_office import login


def test_admin_enrols_and_syncs_now(qtbot, make_window, office, gateway, session, upstream):  # noqa: F811
    for _ in range(3):
        open_case(gateway, office)
    bad = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).first()
    bad.schema_version = 42
    session.commit()
    page = login(qtbot, make_window, "admin", "sync")
    assert "belum diatur" in page.summary.text()
    qtbot.keyClicks(page.url, "ftp://salah")
    page.code.setFocus()
    qtbot.keyClicks(page.code, ENROLMENT["3324012001"])
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    page.findChild(type(page.now), "sync_enrol").click()
    assert "https://" in page.error.text()
    page.url.clear()
    qtbot.keyClicks(page.url, upstream.url)
    page.findChild(type(page.now), "sync_enrol").click()
    assert page.error.text() == "" or not page.error.isVisible()
    assert "Menunggu dikirim: 0" in page.summary.text()
    assert "Perlu perhatian: 1" in page.summary.text()
    assert page.held_model.rowCount() == 1
    assert "schema_version 42" in page.held_model.item(0, 3).text()
    assert page.held_model.item(0, 1).text().startswith("data kantor ")
    shell = page.keep_window_alive.shell
    assert "1 perlu perhatian" in shell.sync_status.text()
    page.now.click()  # a later pass refuses nothing new: the item still needs attention
    assert "berhasil" in shell.sync_status.text()
    assert "1 perlu perhatian" in shell.sync_status.text()
    assert (
        len(upstream.store.operations()) == len(session.scalars(select(OutboxOperation)).all()) - 1
    )
    page.retry.click()  # nothing chosen: the page says so
    assert "Pilih dulu" in page.error.text()
    page.attention.selectRow(0)
    page.ask_reason = lambda count: "data uji, dicatat ulang oleh petugas"
    page.drop.click()
    assert page.held_model.rowCount() == 0 and "dibuang" in page.held_note.text()
    session.expire_all()
    assert session.get(OutboxOperation, bad.seq).state == "dropped"
