"""The supervisor's inbox in the window (issue #32): a case's result reviewed before it goes to
the kabupaten, an escalated case taken up; and the Usulan DTKS page recording the village
meeting and SIKS-NG number of a proposal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.models import Case, OutboxOperation, PrelistProposal
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.escalation import escalate_overdue
from kiosk.services.profiles import use_profile
from tests.backoffice.helpers import open_case
from tests.backoffice.test_supervision import propose
from tests.ui.test_back_office import CTRL, answer, login


def test_supervisor_reviews_a_result_and_takes_up_an_escalation(
    qtbot, make_window, office, gateway, session
):
    gateway.call(use_profile, office[Role.ADMIN], "empat_lawang")  # 9(6)e: results reviewed
    bo, coord = office[Role.BACK_OFFICE], office[Role.COORDINATOR]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Dibantu sembako")
    [step] = gateway.call(inbox.pending_approvals, coord)
    gateway.call(ap.vote, coord, step.step_id, ap.APPROVE)
    gateway.call(escalate_overdue, office[Role.ADMIN], date(2026, 9, 1))
    assert session.get(Case, case.case_id).status == rules.RESOLVED  # not open: not escalated
    late = open_case(gateway, office)
    gateway.call(escalate_overdue, office[Role.ADMIN], date(2026, 9, 1))

    page = login(qtbot, make_window, "supervisor", "approvals")
    kinds = {page.model.row(r).subject_type: r for r in range(page.model.rowCount())}
    assert set(kinds) == {ap.REVIEW_CASE, ap.ESCALATION}
    assert "2 pengajuan" in page.empty.text()
    page.table.selectRow(kinds[ap.REVIEW_CASE])
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)
    session.expire_all()
    assert session.get(Case, case.case_id).review_state == "ditinjau"
    sent = session.scalars(
        select(OutboxOperation.op_type)
        .where(OutboxOperation.entity_id == case.case_id, OutboxOperation.state == "pending")
        .order_by(OutboxOperation.seq)  # the order sync sends them in
    ).all()
    # the review request went ahead on its own (kiosk/services/review_request.py)
    case_ops = [t for t in sent if not t.startswith("tinjauan_")]
    assert case_ops[0] == "kasus_dicatat" and case_ops[-1] == "kasus_ditinjau"
    [row] = [page.model.row(r) for r in range(page.model.rowCount())]
    assert row.subject_type == ap.ESCALATION and row.tracking_number == late.tracking_number
    page.table.selectRow(0)
    page.reject_button.click()  # an escalation is taken up, not returned
    assert "Eskalasi tidak dikembalikan" in page.error.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)
    assert page.model.rowCount() == 0
    session.expire_all()
    assert session.get(Case, late.case_id).escalated_to is None


def test_prelist_page_records_the_village_meeting(qtbot, make_window, office, gateway, session):
    result = propose(gateway, office, 4)  # the neutral profile: no review, ready at once
    page = login(qtbot, make_window, "coordinator", "prelist")
    page.period.setEditText("2026")
    page.show_period()
    page.table.selectRow(0)
    answer(qtbot, {"musdes": "07-08-2026", "siksng": "SIKS-0042"})
    page.musdes.click()
    session.expire_all()
    p = session.get(PrelistProposal, result.prelist_id)
    assert (p.status, p.musdes_date, p.siksng_ref) == ("siks_ng", date(2026, 8, 7), "SIKS-0042")
    status = page.model.data(page.model.index(0, 5))
    assert status == "Sudah masuk SIKS-NG (07-08-2026, SIKS-0042)"


def test_the_sync_page_counts_what_waits_for_review(qtbot, make_window, office, gateway):
    gateway.call(use_profile, office[Role.ADMIN], "kendal")
    open_case(gateway, office)  # its record and analysis wait for the supervisor (20(4)-(5))
    page = login(qtbot, make_window, "admin", "sync")
    assert "Ditahan sampai ditinjau supervisor (profil daerah): 1." in page.summary.text()
