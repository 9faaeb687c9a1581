"""The rules of a case's life, without a database."""

from datetime import date

import pytest

from kiosk import case_rules as r
from kiosk.workdays import add_working_days

AUG_17 = {date(2026, 8, 17)}  # Independence Day, a Monday


@pytest.mark.parametrize(
    ("src", "dst", "ok"),
    [
        (r.RECEIVED, r.REVIEW, True),
        (r.REVIEW, r.IN_PROGRESS, True),
        (r.RECEIVED, r.RESOLVED, False),  # resolving needs the coordinator's approval
        (r.IN_PROGRESS, r.RESOLVED, False),
        (r.IN_PROGRESS, r.REFERRED, False),  # referring needs the approval steps
        (r.AWAITING, r.IN_PROGRESS, False),  # only the approval engine leaves AWAITING
        (r.RESOLVED, r.CLOSED, True),
        (r.REJECTED, r.CLOSED, True),
        (r.RECEIVED, r.CLOSED, False),  # nothing decided yet
        (r.CLOSED, r.IN_PROGRESS, True),  # reopen
        (r.CLOSED, r.RESOLVED, False),
    ],
)
def test_manual_moves(src, dst, ok):
    assert r.can_move(src, dst) is ok


def test_engine_moves_are_separate():
    assert r.can_move(r.IN_PROGRESS, r.AWAITING, by_engine=True)
    assert r.can_move(r.AWAITING, r.RESOLVED, by_engine=True)
    assert not r.can_move(r.RECEIVED, r.AWAITING, by_engine=True)  # review it first
    assert not r.can_move(r.IN_PROGRESS, r.AWAITING)


def test_rejecting_and_reopening_need_a_reason():
    assert r.needs_note(r.REVIEW, r.REJECTED) and r.needs_note(r.CLOSED, r.IN_PROGRESS)
    assert not r.needs_note(r.RECEIVED, r.REVIEW)


def test_due_dates_and_health_across_a_holiday():
    # Received Monday 10 Aug, 5 working days; 17 Aug is a holiday, so due Tuesday 18 Aug.
    due = add_working_days(date(2026, 8, 10), 5, AUG_17)
    assert due == date(2026, 8, 18)
    assert r.health(r.RECEIVED, due, date(2026, 8, 12), AUG_17) == r.ON_TRACK
    # Friday 14 Aug: Monday is a holiday, so one working day (Tuesday) is left: at risk.
    assert r.working_days_left(date(2026, 8, 14), due, AUG_17) == 1
    assert r.health(r.IN_PROGRESS, due, date(2026, 8, 14), AUG_17) == r.AT_RISK
    # Without the holiday Friday would still have two working days left.
    assert r.health(r.IN_PROGRESS, due, date(2026, 8, 14), set()) == r.ON_TRACK
    assert r.health(r.IN_PROGRESS, due, date(2026, 8, 19), AUG_17) == r.OVERDUE
    assert r.working_days_left(date(2026, 8, 19), due, AUG_17) == -1
    assert r.health(r.RESOLVED, due, date(2026, 8, 19), AUG_17) == r.FINISHED


def test_referral_steps_are_ordered_and_outward_ones_go_to_the_kabupaten():
    assert r.referral_steps("sekretariat") == [(r.COORDINATOR, False), (r.SUPERVISOR, False)]
    assert r.referral_steps("desa") == [(r.COORDINATOR, False), (r.SUPERVISOR, False)]
    assert r.referral_steps("lokal") == [(r.COORDINATOR, False), (r.SUPERVISOR, False)]
    assert r.referral_steps("non_pemerintah") == [(r.COORDINATOR, False), (r.SUPERVISOR, False)]
    for outward in ("opd", "provinsi", "kementerian"):
        assert r.referral_steps(outward)[-1] == (r.MANAGER, True)
    # a destination's own steps from the reference list win
    assert r.referral_steps("desa", ["koordinator"]) == [(r.COORDINATOR, False)]
    assert r.referral_steps("lokal", ["koordinator", "manajer"]) == [
        (r.COORDINATOR, False),
        (r.MANAGER, True),
    ]


def test_no_status_reads_as_a_code():
    assert r.words(r.REFERRAL_STATUS_LABELS, "menunggu_kabupaten").startswith("Menunggu keputusan")
    assert r.words(r.REFERRAL_STATUS_LABELS, "kode_baru") == "Kode baru"
