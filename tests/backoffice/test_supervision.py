"""Review before upstream (issue #32): under a profile whose regulation has the supervisor
check the back office's result (Kendal Perbup 36/2023 art. 20(4)-(5), Empat Lawang 9(6)),
nothing about the case is sendable to the kabupaten until the review; under one without
(Depok) it is at once. Shown by the outbox's content, as the sync client would read it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.errors import Conflict, PermissionDenied, ValidationError
from kiosk.models import Case, CaseEvent, OutboxOperation, PrelistProposal
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.outbox import claim_batch
from kiosk.services.people import PersonInput, register_person
from kiosk.services.prelist_review import (
    record_prelist_progress,
    resubmit_prelist,
    returned_prelist,
    review_prelist,
)
from kiosk.services.profiles import use_profile
from kiosk.services.supervision import review_case
from kiosk.services.walk_in import CaptureInput, record_walk_in
from tests.backoffice.helpers import MONDAY, open_case


def sendable(session, case_id) -> list[str]:
    """The op types about the case the sync client would send (state pending), in order."""
    session.expire_all()
    ops = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.state == "pending")
        .order_by(OutboxOperation.seq)
    ).all()
    return [
        o.op_type
        for o in ops
        if str(o.entity_id) == str(case_id) or o.payload.get("case_id") == str(case_id)
    ]


def items(gateway, actor, kind):
    return [p for p in gateway.call(inbox.pending_approvals, actor) if p.subject_type == kind]


def test_kendal_result_goes_upstream_only_after_the_supervisor_approves(gateway, office, session):
    gateway.call(use_profile, office[Role.ADMIN], "kendal")
    bo, sup = office[Role.BACK_OFFICE], office[Role.SUPERVISOR]
    case = open_case(gateway, office)
    assert session.get(Case, case.case_id).review_state == "menunggu_tinjauan"
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Dibantu sembako desa")
    # Nothing about the case may leave yet, but the ask for the review (for a supervisor who
    # reviews on the kabupaten server) with no complaint words in it.
    assert sendable(session, case.case_id) == ["tinjauan_diminta"]
    # Kendal 20(4): the supervisor's approval of the result is the review.
    [step] = items(gateway, sup, ap.RESOLUTION)
    gateway.call(ap.vote, sup, step.step_id, ap.APPROVE)
    sent = sendable(session, case.case_id)
    assert sent[0] == "kasus_dicatat" and sent[-1] == "kasus_ditinjau"
    assert "persetujuan_diajukan" in sent and "persetujuan_diputuskan" in sent
    kinds = session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case.case_id)).all()
    assert "ditinjau" in kinds
    batch = gateway.call(lambda s: claim_batch(s, 100))
    first = next(i["op_type"] for i in batch.items if i["entity_id"] == str(case.case_id))
    assert first == "kasus_dicatat"  # the sync client sends the case first, now it may


def test_without_review_the_case_goes_upstream_at_once(gateway, office, session):
    gateway.call(use_profile, office[Role.ADMIN], "depok")
    case = open_case(gateway, office)
    assert session.get(Case, case.case_id).review_state is None
    assert sendable(session, case.case_id) == ["kasus_dicatat"]


def test_empat_lawang_supervisor_returns_then_approves_the_result(gateway, office, session):
    """The resolution is the coordinator's (14(4)); the result is then reviewed (9(6)e)."""
    gateway.call(use_profile, office[Role.ADMIN], "empat_lawang")
    bo, coord, sup = office[Role.BACK_OFFICE], office[Role.COORDINATOR], office[Role.SUPERVISOR]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Dibantu sembako")
    [step] = items(gateway, coord, ap.RESOLUTION)
    gateway.call(ap.vote, coord, step.step_id, ap.APPROVE)
    assert sendable(session, case.case_id) == ["tinjauan_diminta"]  # only the ask
    [review] = items(gateway, sup, ap.REVIEW_CASE)
    assert review.role_label == "Supervisor" and review.summary == "Dibantu sembako"
    gateway.call(review_case, sup, review.step_id, False, "Tulis jumlah sembako")
    stored = session.get(Case, case.case_id)
    session.refresh(stored)
    assert stored.status == rules.IN_PROGRESS and stored.decision is None
    assert items(gateway, sup, ap.REVIEW_CASE) == []
    # Returned: still nothing upstream but that the ask was settled here.
    assert sendable(session, case.case_id) == ["tinjauan_diminta", "tinjauan_selesai"]
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Sembako 10 kg")
    [step] = items(gateway, coord, ap.RESOLUTION)
    gateway.call(ap.vote, coord, step.step_id, ap.APPROVE)
    [review] = items(gateway, sup, ap.REVIEW_CASE)
    gateway.call(review_case, sup, review.step_id, True)
    assert sendable(session, case.case_id)[-1] == "kasus_ditinjau"
    with pytest.raises(Conflict):
        gateway.call(review_case, sup, review.step_id, True)


def propose(gateway, office, n: int, by=None):
    fo = by or office[Role.FRONT_OFFICE]
    person = gateway.call(
        register_person, fo, PersonInput(name="Budi Santoso", nik=f"332401150880000{n}")
    )
    return gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            category="belum_terdaftar",
            sector="sosial",
            description="Belum pernah terdaftar bantuan",
            propose_prelist=True,
            prelist_reason="Rumah tidak layak huni",
        ),
        MONDAY,
    )


def prelist_ops(session, prelist_id) -> list[str]:
    session.expire_all()
    return session.scalars(
        select(OutboxOperation.op_type)
        .where(OutboxOperation.entity_id == prelist_id, OutboxOperation.state == "pending")
        .order_by(OutboxOperation.seq)
    ).all()


def test_prelist_waits_for_review_then_carries_musdes_and_siksng(gateway, office, session):
    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")  # 10(3)b angka 2
    sup, bo = office[Role.SUPERVISOR], office[Role.BACK_OFFICE]
    result = propose(gateway, office, 1)
    p = session.get(PrelistProposal, result.prelist_id)
    assert p.status == "menunggu_tinjauan"
    assert prelist_ops(session, p.id) == []
    with pytest.raises(Conflict):  # no village meeting before the review
        gateway.call(record_prelist_progress, bo, p.id, date(2026, 8, 7))
    [item] = items(gateway, sup, ap.REVIEW_PRELIST)
    assert item.role_label == "Pengawas"
    gateway.call(review_prelist, sup, item.step_id, True, "", MONDAY)
    assert prelist_ops(session, p.id) == ["usulan_prelist"]
    assert gateway.call(record_prelist_progress, bo, p.id, date(2026, 8, 7), "", MONDAY) == "musdes"
    status = gateway.call(
        record_prelist_progress, bo, p.id, date(2026, 8, 7), "SIKS-3324-0042", MONDAY
    )
    session.expire_all()
    p = session.get(PrelistProposal, result.prelist_id)
    assert (status, p.musdes_date, p.siksng_ref) == ("siks_ng", date(2026, 8, 7), "SIKS-3324-0042")
    assert prelist_ops(session, p.id)[-1] == "usulan_prelist_diperbarui"


def test_a_returned_prelist_is_corrected_and_reviewed_again(gateway, office, session):
    """Barito Selatan 10(3)b angka 2: the supervisor returns a proposal with a note; the front
    office sees it with the note, corrects the reason and sends it back for review; only the
    second review lets it go upstream."""
    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    sup, fo = office[Role.SUPERVISOR], office[Role.FRONT_OFFICE]
    result = propose(gateway, office, 3)
    gateway.call(review_prelist, sup, result.prelist_id, False, "Sebutkan kondisi atap", MONDAY)
    [back] = gateway.call(returned_prelist, fo)
    assert (back.id, back.reason, back.review_note) == (
        result.prelist_id,
        "Rumah tidak layak huni",
        "Sebutkan kondisi atap",
    )
    assert back.nik_masked.endswith("3") and "*" in back.nik_masked
    with pytest.raises(ValidationError):
        gateway.call(resubmit_prelist, fo, back.id, "  ", MONDAY)
    fixed = "Rumah tidak layak huni: atap bocor, dinding bambu"
    assert gateway.call(resubmit_prelist, fo, back.id, fixed, MONDAY) == "menunggu_tinjauan"
    assert gateway.call(returned_prelist, fo) == []
    assert prelist_ops(session, back.id) == []  # still not upstream
    with pytest.raises(Conflict):  # only a returned proposal is resubmitted
        gateway.call(resubmit_prelist, fo, back.id, fixed, MONDAY)
    [item] = items(gateway, sup, ap.REVIEW_PRELIST)
    assert item.step_id == back.id
    gateway.call(review_prelist, sup, back.id, True, "", MONDAY)
    session.expire_all()
    assert session.get(PrelistProposal, back.id).reason == fixed
    assert prelist_ops(session, back.id) == ["usulan_prelist"]
    kinds = session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == result.case_id))
    assert {"tinjauan_dikembalikan", "diajukan_lagi", "ditinjau"} <= set(kinds)


def test_who_rewrote_a_returned_prelist_does_not_review_it(gateway, office, session):
    """An officer who is both supervisor and front office returns a proposal, rewrites it and
    would approve the own words: refused; the review stays another officer's."""
    from kiosk.services.actor import Actor
    from kiosk.services.officers import create_officer
    from tests.conftest import PASSWORD

    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    both = gateway.call(
        lambda s: Actor.of(
            create_officer(
                s, "rangkap", "Petugas Rangkap", PASSWORD, [Role.SUPERVISOR, Role.FRONT_OFFICE]
            )
        )
    )
    result = propose(gateway, office, 5)
    gateway.call(review_prelist, both, result.prelist_id, False, "Lengkapi alasannya", MONDAY)
    gateway.call(resubmit_prelist, both, result.prelist_id, "Alasan baru yang lengkap", MONDAY)
    with pytest.raises(PermissionDenied):
        gateway.call(review_prelist, both, result.prelist_id, True, "", MONDAY)
    gateway.call(review_prelist, office[Role.SUPERVISOR], result.prelist_id, True, "", MONDAY)
    assert prelist_ops(session, result.prelist_id) == ["usulan_prelist"]


def test_the_proposer_stays_the_proposer_after_a_colleague_rewrites_it(gateway, office):
    """A supervisor who is also front office proposes; returned, a colleague rewrites it; the
    proposer still may not approve it (nor may the colleague, had they the role)."""
    from kiosk.services.actor import Actor
    from kiosk.services.officers import create_officer
    from tests.conftest import PASSWORD

    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    both = gateway.call(
        lambda s: Actor.of(
            create_officer(
                s, "rangkap2", "Petugas Rangkap", PASSWORD, [Role.SUPERVISOR, Role.FRONT_OFFICE]
            )
        )
    )
    result = propose(gateway, office, 8, by=both)
    sup, fo = office[Role.SUPERVISOR], office[Role.FRONT_OFFICE]
    gateway.call(review_prelist, sup, result.prelist_id, False, "Lengkapi", MONDAY)
    gateway.call(resubmit_prelist, fo, result.prelist_id, "Atap bocor, dinding bambu", MONDAY)
    with pytest.raises(PermissionDenied):
        gateway.call(review_prelist, both, result.prelist_id, True, "", MONDAY)


def test_a_returned_prelist_goes_up_at_once_when_the_profile_no_longer_reviews(
    gateway, office, session
):
    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    result = propose(gateway, office, 6)
    gateway.call(
        review_prelist, office[Role.SUPERVISOR], result.prelist_id, False, "Lengkapi", MONDAY
    )
    gateway.call(use_profile, office[Role.ADMIN], "depok")  # no review before upstream
    fo = office[Role.FRONT_OFFICE]
    assert gateway.call(resubmit_prelist, fo, result.prelist_id, "Lengkap", MONDAY) == "draf"
    assert prelist_ops(session, result.prelist_id) == ["usulan_prelist"]


def test_prelist_goes_upstream_at_once_without_review(gateway, office, session):
    gateway.call(use_profile, office[Role.ADMIN], "depok")
    result = propose(gateway, office, 2)
    assert session.get(PrelistProposal, result.prelist_id).status == "draf"
    assert prelist_ops(session, result.prelist_id) == ["usulan_prelist"]


def test_a_refusal_is_a_result_too_reviewed_before_it_goes_up(gateway, office, session):
    """Balangan 14(3): "tidak dapat dipenuhi" written by the back office waits for the
    supervisor like any result; returned, the case is the back office's again."""
    gateway.call(use_profile, office[Role.ADMIN], "balangan")
    bo, sup = office[Role.BACK_OFFICE], office[Role.SUPERVISOR]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REJECTED, "Bukan kewenangan desa")
    [review] = items(gateway, sup, ap.REVIEW_CASE)
    assert review.summary == "Bukan kewenangan desa"
    gateway.call(review_case, sup, case.case_id, False, "Rujuk ke Dinsos dulu")
    session.expire_all()
    assert session.get(Case, case.case_id).status == rules.IN_PROGRESS
    assert sendable(session, case.case_id) == []
    gateway.call(move_case, bo, case.case_id, rules.REJECTED, "Dinsos menolak: bukan DTKS")
    gateway.call(review_case, sup, case.case_id, True)
    assert sendable(session, case.case_id)[0] == "kasus_dicatat"


def test_the_siksng_export_leaves_out_what_the_supervisor_has_not_seen(gateway, office):
    from kiosk.periods import parse_period
    from kiosk.services.prelist import prelist_for_period

    gateway.call(use_profile, office[Role.ADMIN], "empat_lawang")  # 9(6)b
    result = propose(gateway, office, 7)
    coord, sup = office[Role.COORDINATOR], office[Role.SUPERVISOR]
    year = parse_period("2026", date(2026, 12, 1))
    assert gateway.call(prelist_for_period, coord, year).rows == ()
    gateway.call(review_prelist, sup, result.prelist_id, True, "", MONDAY)
    [row] = gateway.call(prelist_for_period, coord, year).rows
    assert row.proposal_id == result.prelist_id and row.status == "ditinjau"


def test_switching_profile_keeps_reviews_already_decided(gateway, office, session):
    """Kendal's review decided, then the office moves to Depok and back: the decision, its
    history and its released messages stay; a new Depok case is not held."""
    admin, bo, sup = office[Role.ADMIN], office[Role.BACK_OFFICE], office[Role.SUPERVISOR]
    gateway.call(use_profile, admin, "kendal")
    reviewed = open_case(gateway, office)
    waiting = open_case(gateway, office)
    gateway.call(move_case, bo, reviewed.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, reviewed.case_id, "Sembako 10 kg")
    [step] = items(gateway, sup, ap.RESOLUTION)
    gateway.call(ap.vote, sup, step.step_id, ap.APPROVE)
    before = sendable(session, reviewed.case_id)
    gateway.call(use_profile, admin, "depok")
    later = open_case(gateway, office)
    gateway.call(use_profile, admin, "kendal")
    session.expire_all()
    assert session.get(Case, reviewed.case_id).review_state == "ditinjau"
    assert session.get(Case, reviewed.case_id).status == rules.RESOLVED
    assert sendable(session, reviewed.case_id) == before
    assert session.get(Case, waiting.case_id).review_state == "menunggu_tinjauan"
    assert sendable(session, waiting.case_id) == []
    assert sendable(session, later.case_id) == ["kasus_dicatat"]  # Depok's: no review
