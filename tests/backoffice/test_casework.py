"""Working cases: moves, resolution with approval, referrals with ordered approvals,
service products, telling the citizen, and finding a case by its tracking number."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.models import ApprovalStep, Case, OutboxOperation, Referral, ServiceProduct
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import products, referrals, resolutions
from kiosk.services.case_views import case_detail, find_case
from kiosk.services.cases import add_note, case_inbox, move_case, record_notice
from tests.backoffice.helpers import MONDAY, open_case


def ops(session, op_type):
    return session.scalar(
        select(func.count()).select_from(OutboxOperation).where(OutboxOperation.op_type == op_type)
    )


def test_resolution_needs_the_coordinator_then_the_citizen_is_told_then_closed(
    gateway, office, session
):
    case = open_case(gateway, office)
    bo, coord = office[Role.BACK_OFFICE], office[Role.COORDINATOR]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(add_note, bo, case.case_id, "Nama KPM berbeda di data bank; cek ke pendamping.")
    gateway.call(move_case, bo, case.case_id, rules.IN_PROGRESS)
    with pytest.raises(Conflict):  # resolving directly is not an allowed move
        gateway.call(move_case, bo, case.case_id, rules.RESOLVED)
    gateway.call(
        resolutions.propose_resolution, bo, case.case_id, "Data bank dibetulkan; cair tahap 4."
    )
    assert session.get(Case, case.case_id).status == rules.AWAITING
    pending = gateway.call(inbox.pending_approvals, coord)
    assert [(p.tracking_number, p.subject_type) for p in pending] == [
        (case.tracking_number, ap.RESOLUTION)
    ]
    with pytest.raises(PermissionDenied):
        gateway.call(ap.vote, bo, pending[0].step_id, ap.APPROVE)
    assert gateway.call(ap.vote, coord, pending[0].step_id, ap.APPROVE) == rules.RESOLVED
    # closing needs the citizen told
    with pytest.raises(ValidationError, match="Warga belum diberi tahu"):
        gateway.call(move_case, bo, case.case_id, rules.CLOSED)
    gateway.call(record_notice, bo, case.case_id, "telepon", "Diterima Ibu Siti sendiri")
    gateway.call(move_case, bo, case.case_id, rules.CLOSED)
    view = gateway.call(case_detail, bo, case.case_id)
    assert view.status == rules.CLOSED and view.told
    assert view.decision == "Data bank dibetulkan; cair tahap 4."
    assert [e.label for e in view.timeline] == [
        "Diterima di front office",  # the status once, not "...: Diterima"
        "Status diubah: Ditelaah",
        "Catatan analisis",
        "Status diubah: Diproses",
        "Diajukan untuk persetujuan: Menunggu persetujuan",
        "Disetujui",
        "Disetujui: Selesai",
        "Warga diberi tahu",
        "Status diubah: Ditutup",
    ]
    assert ops(session, "kasus_status") == 5 and ops(session, "kasus_pemberitahuan") == 1
    assert ops(session, "persetujuan_diputuskan") == 1


def test_rejected_resolution_returns_to_the_sender_with_the_reason(gateway, office, session):
    case = open_case(gateway, office)
    bo, coord = office[Role.BACK_OFFICE], office[Role.COORDINATOR]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Cukup dijelaskan.")
    step = gateway.call(inbox.pending_approvals, coord)[0]
    with pytest.raises(ValidationError, match="alasan penolakan"):
        gateway.call(ap.vote, coord, step.step_id, ap.REJECT, "  ")
    assert gateway.call(ap.vote, coord, step.step_id, ap.REJECT, "Belum dicek ke bank") == (
        "dikembalikan"
    )
    c = session.get(Case, case.case_id)
    assert (c.status, c.assigned_to, c.decision) == (rules.IN_PROGRESS, bo.id, None)
    assert (
        gateway.call(case_detail, bo, case.case_id)
        .timeline[-1]
        .note.endswith("Belum dicek ke bank")
    )


def test_referral_two_approvals_one_rejected_then_resubmitted(gateway, office, session):
    case = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    coord, sup = office[Role.COORDINATOR], office[Role.SUPERVISOR]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    with pytest.raises(ValidationError, match="persetujuan warga"):
        gateway.call(
            referrals.refer_case, bo, case.case_id, "sekretariat_slrt", "Perlu keputusan TKSK"
        )
    ref_id = gateway.call(
        referrals.refer_case,
        bo,
        case.case_id,
        "sekretariat_slrt",
        "Perlu keputusan",
        "Mohon verifikasi kelayakan PKH",
        True,
    )
    # order: the supervisor cannot decide before the coordinator
    assert gateway.call(inbox.pending_approvals, sup) == []
    first = gateway.call(inbox.pending_approvals, coord)[0]
    step_ids = session.scalars(
        select(ApprovalStep.id)
        .where(ApprovalStep.subject_id == ref_id)
        .order_by(ApprovalStep.position)
    ).all()
    with pytest.raises(Conflict, match="urutan persetujuan"):
        gateway.call(ap.vote, sup, step_ids[1], ap.APPROVE)
    assert gateway.call(ap.vote, coord, first.step_id, ap.APPROVE) == "menunggu"
    second = gateway.call(inbox.pending_approvals, sup)[0]
    assert gateway.call(ap.vote, sup, second.step_id, ap.REJECT, "Lampirkan foto rumah") == (
        "dikembalikan"
    )
    referral = session.get(Referral, ref_id)
    assert referral.status == "dikembalikan"
    assert session.get(Case, case.case_id).status == rules.IN_PROGRESS
    # corrected and sent again: a second round, both steps again
    assert gateway.call(referrals.resubmit_referral, bo, ref_id, "Foto rumah dilampirkan") == 2
    gateway.call(
        ap.vote, coord, gateway.call(inbox.pending_approvals, coord)[0].step_id, ap.APPROVE
    )
    assert (
        gateway.call(
            ap.vote, sup, gateway.call(inbox.pending_approvals, sup)[0].step_id, ap.APPROVE
        )
        == rules.REFERRED
    )
    view = gateway.call(case_detail, bo, case.case_id)
    assert view.status == rules.REFERRED
    [r] = view.referrals
    assert (r.status, r.round, r.reason) == ("disetujui", 2, "Foto rumah dilampirkan")
    assert [(s.round, s.role, s.status) for s in r.steps] == [
        (1, "koordinator", "disetujui"),
        (1, "supervisor", "ditolak"),
        (2, "koordinator", "disetujui"),
        (2, "supervisor", "disetujui"),
    ]
    assert r.steps[1].votes == (("Petugas supervisor", "tolak", "Lampirkan foto rumah"),)


def test_outward_referral_waits_for_the_kabupaten_manager(gateway, office, session):
    case = open_case(gateway, office, sector="kesehatan")
    bo, coord, sup = (office[r] for r in (Role.BACK_OFFICE, Role.COORDINATOR, Role.SUPERVISOR))
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref_id = gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    gateway.call(
        ap.vote, coord, gateway.call(inbox.pending_approvals, coord)[0].step_id, ap.APPROVE
    )
    gateway.call(ap.vote, sup, gateway.call(inbox.pending_approvals, sup)[0].step_id, ap.APPROVE)
    assert session.get(Referral, ref_id).status == "menunggu_kabupaten"
    manager_step = session.scalars(
        select(ApprovalStep).where(ApprovalStep.subject_id == ref_id, ApprovalStep.position == 3)
    ).one()
    with pytest.raises(Conflict, match="diputuskan di kabupaten"):
        gateway.call(ap.vote, coord, manager_step.id, ap.APPROVE)

    later = Clock().now() + timedelta(minutes=5)

    def upstream(s):
        return ap.apply_upstream_decision(
            s, ap.REFERRAL, ref_id, rules.MANAGER, ap.APPROVE, "", later
        )

    assert gateway.call(upstream) == rules.REFERRED
    assert gateway.call(upstream) is None  # the same status delivered twice changes nothing
    timeline = gateway.call(case_detail, bo, case.case_id).timeline
    assert timeline[-1].source == "kabupaten" and timeline[-1].officer == "Kabupaten"


def test_service_product_draft_approve_sign_hand_over(gateway, office, session):
    case = open_case(gateway, office)
    bo, coord = office[Role.BACK_OFFICE], office[Role.COORDINATOR]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    pid = gateway.call(
        products.draft_product, bo, case.case_id, "sktm", "Keluarga tidak mampu.", "berobat"
    )
    with pytest.raises(Conflict, match="disetujui koordinator"):
        gateway.call(products.sign_product, bo, pid, "Slamet")
    gateway.call(
        ap.vote, coord, gateway.call(inbox.pending_approvals, coord)[0].step_id, ap.APPROVE
    )
    with pytest.raises(Conflict, match="ditandatangani sebelum diserahkan"):
        gateway.call(products.hand_over_product, bo, pid)
    gateway.call(products.sign_product, bo, pid, "Slamet, Kepala Desa")
    gateway.call(products.hand_over_product, bo, pid)
    product = session.get(ServiceProduct, pid)
    assert (product.status, product.signed_by_name) == ("diserahkan", "Slamet, Kepala Desa")
    assert session.get(Case, case.case_id).status == rules.IN_PROGRESS


def test_inbox_puts_emergencies_first_and_shows_health(gateway, office):
    normal = open_case(gateway, office)
    emergency = open_case(gateway, office, urgency="darurat")
    bo = office[Role.BACK_OFFICE]
    rows = gateway.call(case_inbox, bo, None, None, None, "", False, MONDAY)
    assert [r.tracking_number for r in rows] == [emergency.tracking_number, normal.tracking_number]
    assert rows[0].emergency and rows[0].health == rules.AT_RISK  # due the next working day
    assert rows[1].health == rules.ON_TRACK
    friday_after = Clock(frozen=MONDAY.now() + timedelta(days=11))
    late = gateway.call(case_inbox, bo, None, None, rules.OVERDUE, "", False, friday_after)
    assert {r.tracking_number for r in late} == {normal.tracking_number, emergency.tracking_number}
    by_desk = gateway.call(case_inbox, bo, "kesehatan", None, None, "", False, MONDAY)
    assert by_desk == []
    found = gateway.call(
        case_inbox, bo, None, None, None, normal.tracking_number[-5:], False, MONDAY
    )
    assert [r.tracking_number for r in found] == [normal.tracking_number]
    assert rows[0].due_on == date(2026, 8, 11)


def test_citizen_asks_by_tracking_number_or_qr(gateway, office):
    case = open_case(gateway, office)
    fo = office[Role.FRONT_OFFICE]
    view = gateway.call(find_case, fo, f"  {case.tracking_number.lower()} ")
    assert (view.tracking_number, view.status_label) == (case.tracking_number, "Diterima")
    assert view.nik_masked.count("*") == 8
    scanned = f"https://slrt.example.go.id/lacak/{case.tracking_number}"  # a QR holding a URL
    assert gateway.call(find_case, fo, scanned).tracking_number == case.tracking_number
    with pytest.raises(NotFound, match="tidak ditemukan"):
        gateway.call(find_case, fo, "3324012001-2608-99999")
    with pytest.raises(ValidationError):
        gateway.call(find_case, fo, "   ")


def test_reject_and_reopen_need_reasons(gateway, office, session):
    case = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    with pytest.raises(ValidationError, match="alasan"):
        gateway.call(move_case, bo, case.case_id, rules.REJECTED)
    gateway.call(move_case, bo, case.case_id, rules.REJECTED, "Bukan kewenangan desa")
    gateway.call(record_notice, bo, case.case_id, "langsung")
    gateway.call(move_case, bo, case.case_id, rules.CLOSED)
    with pytest.raises(ValidationError):
        gateway.call(move_case, bo, case.case_id, rules.IN_PROGRESS)
    gateway.call(move_case, bo, case.case_id, rules.IN_PROGRESS, "Warga membawa bukti baru")
    assert session.get(Case, case.case_id).status == rules.IN_PROGRESS


def test_notice_before_an_outcome_is_refused(gateway, office):
    case = open_case(gateway, office)
    with pytest.raises(Conflict, match="belum punya hasil"):
        gateway.call(record_notice, office[Role.BACK_OFFICE], case.case_id, "telepon")


def test_nobody_approves_their_own_submission_or_two_steps(gateway, office, session):
    """A coordinator who also works cases cannot approve the resolution they proposed; an
    officer holding both approving roles cannot decide both steps of a referral."""
    from kiosk.services.officers import set_roles

    case = open_case(gateway, office)
    coord = office[Role.COORDINATOR]
    gateway.call(move_case, coord, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, coord, case.case_id, "Diselesaikan sendiri")
    assert gateway.call(inbox.pending_approvals, coord) == []  # not offered to its submitter
    step_id = session.scalars(
        select(ApprovalStep.id).where(ApprovalStep.subject_id == case.case_id)
    ).one()
    with pytest.raises(PermissionDenied, match="petugas lain"):
        gateway.call(ap.vote, coord, step_id, ap.APPROVE)

    other = open_case(gateway, office)
    bo = office[Role.BACK_OFFICE]
    gateway.call(set_roles, office.admin, coord.id, [Role.COORDINATOR, Role.SUPERVISOR])
    gateway.call(move_case, bo, other.case_id, rules.REVIEW)
    gateway.call(
        referrals.refer_case, bo, other.case_id, "sekretariat_slrt", "Perlu TKSK", "", True
    )
    first = next(
        p for p in gateway.call(inbox.pending_approvals, coord) if p.case_id == other.case_id
    )
    gateway.call(ap.vote, coord, first.step_id, ap.APPROVE)
    assert all(p.case_id != other.case_id for p in gateway.call(inbox.pending_approvals, coord))
    second = next(
        p
        for p in gateway.call(inbox.pending_approvals, office[Role.SUPERVISOR])
        if p.case_id == other.case_id
    )
    with pytest.raises(PermissionDenied, match="langkah sebelumnya"):
        gateway.call(ap.vote, coord, second.step_id, ap.APPROVE)
    assert gateway.call(ap.vote, office[Role.SUPERVISOR], second.step_id, ap.APPROVE) == (
        rules.REFERRED
    )


def _refer_and_approve(gateway, office, destination: str):
    case = open_case(gateway, office, sector="kesehatan")
    bo, coord, sup = (office[r] for r in (Role.BACK_OFFICE, Role.COORDINATOR, Role.SUPERVISOR))
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(
        referrals.refer_case, bo, case.case_id, destination, "Butuh periksa", "", True
    )
    gateway.call(
        ap.vote, coord, gateway.call(inbox.pending_approvals, coord)[0].step_id, ap.APPROVE
    )
    result = gateway.call(
        ap.vote, sup, gateway.call(inbox.pending_approvals, sup)[0].step_id, ap.APPROVE
    )
    return case, ref, result


def test_a_destination_the_village_reaches_is_decided_offline_and_its_letter_prints(
    gateway, office, session
):
    from kiosk.services.documents import issue_letter
    from printing.receipts import PdfDocuments

    case, ref, result = _refer_and_approve(gateway, office, "puskesmas")
    assert result == rules.REFERRED  # no kabupaten step: nothing to wait for
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.case_id)
    [r] = view.referrals
    assert r.status == "disetujui" and not any(s.at_kabupaten for s in r.steps)
    assert "surat rujukan dapat dicetak" in r.status_label
    pdf = gateway.call(
        issue_letter, office[Role.BACK_OFFICE], "surat_rujukan", ref, PdfDocuments(), Clock()
    )
    assert pdf.startswith(b"%PDF")


def test_a_regency_agency_waits_for_the_kabupaten_and_says_so_in_words(gateway, office):
    case, _ref, _result = _refer_and_approve(gateway, office, "dinkes")
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.case_id)
    [r] = view.referrals
    assert r.status == "menunggu_kabupaten" and view.status == rules.AWAITING
    assert r.status_label.startswith("Menunggu keputusan SLRT kabupaten")
    assert [s.status_label for s in r.steps] == ["Disetujui", "Disetujui", "Menunggu"]
