"""The back office driven with keys and clicks: queue calling, a case worked to its end, a
referral rejected once and approved, a citizen asking for status, and the queue board."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.models import Case, CitizenNotice, PrintedDocument, QueueTicket, Referral
from kiosk.roles import Role
from kiosk.services.tickets import issue_ticket
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from tests.ui.modal import when_modal
from ui import pdf_output

CTRL = Qt.KeyboardModifier.ControlModifier


def login(qtbot, make_window, username: str, page: str, **kw: Any):
    window = make_window(**kw)
    qtbot.keyClicks(window.login_page.username, username)
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    shown = window.shell.show_key(page)
    shown.keep_window_alive = window  # qtbot holds windows weakly
    return shown


def answer(qtbot, values: dict[str, Any]) -> None:
    """Fill the next dialog that opens, by typing, then press its OK button."""

    def fill(dialog: QDialog) -> None:
        for key, value in values.items():
            widget = dialog.widgets[key]
            if isinstance(widget, QComboBox):
                widget.setFocus()
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QCheckBox):
                widget.setFocus()
                if widget.isChecked() != value:
                    qtbot.keyClick(widget, Qt.Key.Key_Space)
            else:
                widget.setFocus()
                qtbot.keyClicks(widget, value)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(QDialog, fill)


def select_case(page, tracking: str) -> None:
    for row in range(page.model.rowCount()):
        if page.model.row(row).tracking_number == tracking:
            page.table.selectRow(row)
            return
    raise AssertionError(f"{tracking} not in the inbox")


@pytest.fixture
def printed(monkeypatch) -> list[tuple[bytes, str]]:
    """The A4 print dialog, replaced by a list of what would have been printed."""
    out: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        pdf_output, "print_with_dialog", lambda _p, pdf, title: out.append((pdf, title)) or True
    )
    return out


def test_call_next_then_work_the_case_to_resolution(
    qtbot, make_window, office, gateway, session, printed
):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(issue_ticket, fo, "pengaduan", None)
    elder = gateway.call(issue_ticket, fo, "pengaduan", "lansia")
    case = open_case(gateway, office)

    queue = login(qtbot, make_window, "backoffice", "queue")
    qtbot.keyClick(queue, Qt.Key.Key_F5)
    assert queue.current.text().startswith(elder.label)  # priority first
    assert queue.waiting_model.rowCount() == 1
    qtbot.keyClick(queue, Qt.Key.Key_F7)
    assert "Sedang dilayani" in queue.current.text()
    qtbot.keyClick(queue, Qt.Key.Key_F8)
    assert session.get(QueueTicket, elder.id).status == "selesai"

    cases = queue.keep_window_alive.shell.show_key("cases")
    select_case(cases, case.tracking_number)
    assert case.tracking_number in cases.detail.toPlainText()
    cases.buttons["review"].click()
    cases.buttons["work"].click()
    answer(qtbot, {"decision": "Data bank dibetulkan; cair tahap berikut."})
    cases.buttons["resolve"].click()
    assert session.get(Case, case.case_id).status == rules.AWAITING

    approvals = login(qtbot, make_window, "coordinator", "approvals")
    assert approvals.model.rowCount() == 1
    assert "Data bank dibetulkan" in approvals.model.row(0).summary
    qtbot.keyClick(approvals.table, Qt.Key.Key_Return, CTRL)
    assert approvals.model.rowCount() == 0
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.RESOLVED

    cases.open_case(case.case_id)
    answer(qtbot, {"method": "telepon", "note": "Diterima langsung oleh warga"})
    cases.buttons["notice"].click()
    cases.buttons["print_status"].click()
    assert printed and printed[-1][1] == "surat pemberitahuan"
    cases.buttons["close"].click()
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.CLOSED
    assert session.scalars(select(CitizenNotice.method)).all() == ["telepon"]
    assert "Ditutup" in cases.detail.toPlainText()


def test_referral_rejected_once_then_resubmitted_and_approved(
    qtbot, make_window, office, session, gateway, printed
):
    case = open_case(gateway, office, sector="kesehatan")
    cases = login(qtbot, make_window, "backoffice", "cases")
    select_case(cases, case.tracking_number)
    cases.buttons["review"].click()
    # Without the citizen's consent the referral is refused and nothing is stored.
    answer(qtbot, {"destination": "sekretariat_slrt", "reason": "Perlu keputusan TKSK"})
    cases.buttons["refer"].click()
    assert "persetujuan warga" in cases.error.text()
    assert session.scalars(select(Referral)).all() == []
    answer(
        qtbot,
        {"destination": "sekretariat_slrt", "reason": "Perlu keputusan TKSK", "consent": True},
    )
    cases.buttons["refer"].click()
    assert cases.view.status == rules.AWAITING

    supervisor = login(qtbot, make_window, "supervisor", "approvals")
    assert supervisor.model.rowCount() == 0  # the coordinator decides first
    coordinator = login(qtbot, make_window, "coordinator", "approvals")
    qtbot.keyClick(coordinator.table, Qt.Key.Key_Return, CTRL)
    supervisor.load()
    assert supervisor.model.rowCount() == 1
    answer(qtbot, {"reason": "Lampirkan foto rumah"})
    supervisor.reject_button.click()
    session.expire_all()
    assert session.scalars(select(Referral.status)).one() == "dikembalikan"

    cases.open_case(case.case_id)
    assert "Lampirkan foto rumah" in cases.detail.toPlainText()
    answer(qtbot, {"reason": " Foto rumah dilampirkan"})
    cases.buttons["resubmit"].click()
    # (several windows are open: click rather than rely on which one the shortcut reaches)
    coordinator.load()
    coordinator.approve_button.click()
    supervisor.load()
    supervisor.approve_button.click()
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.REFERRED
    cases.open_case(case.case_id)
    cases.buttons["print_referral"].click()
    assert printed[-1][1] == "surat rujukan"
    assert session.scalars(select(PrintedDocument.kind)).all() == ["surat_rujukan"]


def test_citizen_asks_status_by_tracking_number(qtbot, make_window, office, gateway):
    case = open_case(gateway, office)
    page = login(qtbot, make_window, "frontoffice", "status")
    page.number.setFocus()
    qtbot.keyClicks(page.number, "3324012001-2608-99999")
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    assert "tidak ditemukan" in page.error.text()
    page.number.clear()
    qtbot.keyClicks(page.number, case.tracking_number.lower())  # a scanner may send lower case
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    text = page.result.toPlainText()
    assert case.tracking_number in text and "Diterima" in text
    assert "PKH tahap 3" not in text  # the complaint's text is not read out at the counter
    assert not page.letter.isVisible()
