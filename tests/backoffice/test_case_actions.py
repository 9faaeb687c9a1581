"""The core decides which actions a case offers; the window draws exactly those."""

from __future__ import annotations

import uuid

from kiosk import case_rules as rules
from kiosk.case_actions import ACTIONS, Subject, available_actions
from kiosk.case_rules import CaseStatus, ProductStatus, ReferralStatus
from kiosk.roles import GRANTS, Perm, Role

BACK = GRANTS[Role.BACK_OFFICE]
COORD = GRANTS[Role.COORDINATOR]


def keys(status, referrals=(), products=(), held=BACK):
    return [a.key for a in available_actions(status, referrals, products, held)]


def test_a_returned_referral_can_be_resubmitted_wherever_the_service_accepts_it():
    returned = [Subject(uuid.uuid4(), ReferralStatus.RETURNED)]
    for status in CaseStatus:
        offered = "resubmit" in keys(status, returned)
        assert offered == rules.can_move(status, CaseStatus.AWAITING, by_engine=True), status
    # the window used to offer it only while "diproses"
    assert "resubmit" in keys(CaseStatus.REVIEW, returned)


def test_moves_offered_are_moves_the_rules_allow():
    moves = {"review": rules.REVIEW, "reject": rules.REJECTED, "close": rules.CLOSED}
    for status in CaseStatus:
        offered = keys(status)
        for key, target in moves.items():
            assert (key in offered) == rules.can_move(status, target), (status, key)
        if "reopen" in offered or "work" in offered:
            assert rules.can_move(status, rules.IN_PROGRESS)


def test_an_officer_sees_only_what_their_permissions_allow():
    assert "refer" in keys(CaseStatus.IN_PROGRESS, held=BACK)
    assert "refer" not in keys(CaseStatus.IN_PROGRESS, held=COORD)  # no draft_referral
    supervisor = keys(CaseStatus.RESOLVED, held=GRANTS[Role.SUPERVISOR])
    assert supervisor == []  # views cases, works none, prints nothing
    for role in Role:
        for status in CaseStatus:
            for a in available_actions(status, (), (), GRANTS[role]):
                assert ACTIONS[a.key][0] in GRANTS[role]


def test_products_and_referrals_carry_their_own_ids():
    pid, rid = uuid.uuid4(), uuid.uuid4()
    offered = available_actions(
        CaseStatus.REFERRED,
        [Subject(rid, ReferralStatus.APPROVED)],
        [Subject(pid, ProductStatus.SIGNED)],
        BACK | {Perm.PRINT},
    )
    by_key = {a.key: a.subject_id for a in offered}
    assert by_key["hand_over"] == pid and by_key["print_product"] == pid
    assert by_key["print_referral"] == rid
    assert "sign" not in by_key  # already signed


def test_the_window_has_words_for_every_action():
    from ui.pages.cases import _TEXTS

    assert set(_TEXTS) == set(ACTIONS)
