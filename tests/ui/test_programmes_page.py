"""The administrator's programme catalogue: criteria shown as rows (field and test chosen, value
typed), changed by keyboard and clicks, a row the core cannot read refused by number with what
was typed kept, back to the shipped ones, a village programme added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.models import Programme
from tests.ui.test_back_office import answer, login


def shown(page):
    return [r.criterion() for r in page.rules.rows]


def test_criteria_are_rows_changed_by_keyboard_and_clicks(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "admin", "programmes")
    codes = [page.model.row(r).code for r in range(page.model.rowCount())]
    assert {"PKH", "BLT-DD"} <= set(codes)
    page.table.selectRow(codes.index("BLT-DD"))
    rows = shown(page)
    assert [(r.field, r.op, r.value) for r in rows] == [
        ("desil", "paling_tinggi", "1"),
        ("domisili", "di_desa_ini", ""),
        ("program", "tidak_menerima", "PKH, BPNT"),
    ]
    first = page.rules.rows[0]
    assert first.field.currentText() == "Desil DTKS/DTSEN" and first.op.currentText() == (
        "paling tinggi"
    )
    first.value.selectAll()
    qtbot.keyClicks(first.value, "2")
    qtbot.mouseClick(page.rules.rows[2].remove, Qt.MouseButton.LeftButton)  # no programme test
    qtbot.keyClick(first.value, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Tamba&h baris
    qtbot.waitUntil(lambda: len(page.rules.rows) == 3)  # a mnemonic clicks after its flash
    new = page.rules.rows[-1]
    assert QApplication.focusWidget() is new.field
    qtbot.keyClick(new.field, Qt.Key.Key_Down)  # Usia anggota keluarga
    assert new.op.currentText() == "antara (tahun)"
    qtbot.keyClick(new.field, Qt.Key.Key_Tab)
    qtbot.keyClick(new.op, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is new.value
    qtbot.keyClicks(new.value, "6-2")
    qtbot.keyClick(new.value, Qt.Key.Key_Tab)
    qtbot.keyClick(new.group, Qt.Key.Key_Down)  # Salah satu dari kelompok
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert page.error.text().startswith("Baris 3: rentang usia ditulis 'dari-sampai'")
    assert new.value.text() == "6-2" and len(page.rules.rows) == 3  # kept as typed
    new.value.selectAll()
    qtbot.keyClicks(new.value, "0-5")
    qtbot.keyClick(new.value, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Simpan kriteria
    qtbot.waitUntil(lambda: "disimpan" in page.info.text())
    blt = session.scalars(select(Programme).where(Programme.code == "BLT-DD")).one()
    assert blt.rules_by_office
    assert blt.rules == {
        "all": [{"decile_max": 2}, {"resident": True}, {"any": [{"member_age": [0, 5]}]}]
    }
    qtbot.waitUntil(lambda: page.chosen() is not None and page.chosen().by_office)
    assert [r.value for r in shown(page)] == ["2", "", "0-5"]
    page.reset.click()
    session.expire_all()
    assert not session.get(Programme, blt.id).rules_by_office

    answer(qtbot, {"code": "bansos-lansia", "name": "Bantuan lansia desa", "level": "desa"})
    page.add.click()
    assert page.chosen().code == "BANSOS-LANSIA" and "ditambahkan" in page.info.text()
    assert shown(page) == [] and page.rules.empty.isVisibleTo(page)


def test_a_rule_deeper_than_rows_is_shown_and_replaced_when_saved(
    qtbot, make_window, office, session
):
    from kiosk.services.eligibility import set_programme_rules

    deep = {"any": [{"all": [{"decile_max": 2}, {"resident": True}]}, {"pregnant": True}]}
    page = login(qtbot, make_window, "admin", "programmes")
    page.env.gateway.call(set_programme_rules, office_admin(office), "BPNT", deep)
    page.refresh("BPNT")
    qtbot.waitUntil(lambda: page.chosen() is not None and page.chosen().code == "BPNT")
    assert page.rules.note.isVisibleTo(page) and '"pregnant": true' in page.rules.note.text()
    assert shown(page) == []
    page.rules.add.click()
    page.rules.rows[0].value.setText("3")
    page.save.click()
    qtbot.waitUntil(lambda: "disimpan" in page.info.text())
    session.expire_all()
    stored = session.scalars(select(Programme).where(Programme.code == "BPNT")).one()
    assert stored.rules == {"all": [{"decile_max": 3}]}


def office_admin(office):
    from kiosk.roles import Role

    return office[Role.ADMIN]
