"""Statuses coming back from the kabupaten: history events, approvals, cursor safety."""

from __future__ import annotations

import shutil
import uuid

from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.models import Case, CaseEvent, Referral, SyncState
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import referrals
from kiosk.services.case_views import case_detail
from kiosk.services.cases import move_case
from tests.backoffice.helpers import open_case


def cursor(session) -> str:
    session.expire_all()
    row = session.get(SyncState, "pull_cursor")
    return row.value if row else ""


def test_a_status_from_the_kabupaten_becomes_case_history(
    gateway, office, kiosk, upstream, session
):
    kiosk.run_once()
    case = session.scalars(select(Case)).first()
    change = upstream.add_change(
        kind="case_status",
        entity_id=str(case.id),
        status="diproses",
        note="Diverifikasi Dinsos kabupaten",
    )
    report = kiosk.run_once()
    assert report.ok and report.pulled == 1
    session.expire_all()
    assert session.get(Case, case.id).status == "diproses"
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.id)
    last = view.timeline[-1]
    assert (last.source, last.officer, last.note) == (
        "kabupaten",
        "Kabupaten",
        "Diverifikasi Dinsos kabupaten",
    )
    # The same change delivered again (a cursor reset) changes nothing.
    saved = cursor(session)
    gateway.call(lambda s: s.get(SyncState, "pull_cursor").__setattr__("value", ""))
    assert kiosk.run_once().pulled == 0
    events = session.scalars(
        select(CaseEvent).where(CaseEvent.upstream_seq == change["change_id"])
    ).all()
    assert len(events) == 1 and cursor(session) == saved


def test_the_kabupaten_manager_decides_an_outward_referral(
    gateway, office, kiosk, upstream, session
):
    case = open_case(gateway, office, sector="kesehatan")
    bo, coord, sup = (office[r] for r in (Role.BACK_OFFICE, Role.COORDINATOR, Role.SUPERVISOR))
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    gateway.call(
        ap.vote, coord, gateway.call(inbox.pending_approvals, coord)[0].step_id, ap.APPROVE
    )
    gateway.call(ap.vote, sup, gateway.call(inbox.pending_approvals, sup)[0].step_id, ap.APPROVE)
    kiosk.run_once()
    upstream.add_change(
        kind="approval_decision",
        entity_id=str(ref),
        subject_type="rujukan",
        role="manajer",
        decision="setuju",
        note="",
    )
    assert kiosk.run_once().pulled == 1
    session.expire_all()
    assert session.get(Referral, ref).status == "disetujui"
    assert session.get(Case, case.case_id).status == rules.REFERRED


def test_a_failed_pull_keeps_the_old_cursor(kiosk, upstream, session):
    kiosk.run_once()
    before = cursor(session)
    upstream.add_change(
        kind="case_status",
        entity_id=str(session.scalars(select(Case.id)).first()),
        status="diproses",
    )
    upstream.faults(counts={"changes_truncate": 1})
    report = kiosk.run_once()
    assert not report.ok and cursor(session) == before
    assert kiosk.run_once().pulled == 1


def test_unknown_cursor_after_a_restore_downloads_again_without_duplicates(
    kiosk, upstream, session
):
    ids = [str(i) for i in session.scalars(select(Case.id)).all()]
    kiosk.run_once()
    upstream.add_change(kind="case_status", entity_id=ids[0], status="ditelaah")
    kiosk.run_once()
    backup = upstream.db_path.with_suffix(".backup")
    upstream.store.engine.dispose()
    shutil.copy(upstream.db_path, backup)
    upstream.add_change(kind="case_status", entity_id=ids[1], status="ditelaah")
    kiosk.run_once()
    upstream.thread.stop()
    upstream.store.engine.dispose()
    shutil.copy(backup, upstream.db_path)
    upstream.restart()
    kiosk.client.base = upstream.url
    # After the restore the server numbers a new change where the lost one was.
    upstream.add_change(kind="case_status", entity_id=ids[2], status="ditelaah")
    report = kiosk.run_once()
    assert report.ok, report.error
    assert any("diunduh ulang" in n for n in report.notes)
    session.expire_all()
    assert session.get(Case, uuid.UUID(ids[2])).status == "ditelaah"
    kab = session.scalars(select(CaseEvent).where(CaseEvent.source == "kabupaten")).all()
    assert len(kab) == 3  # one per change, none twice


def test_a_server_that_says_more_without_moving_on_does_not_spin(kiosk, upstream, session):
    kiosk.run_once()
    before = cursor(session)
    upstream.faults(counts={"changes_stuck": 1000})
    report = kiosk.run_once()
    assert cursor(session) == before
    assert not report.ok and "tidak dapat dipercaya" in report.error
