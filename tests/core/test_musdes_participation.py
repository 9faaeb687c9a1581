"""A musyawarah desa's "ditetapkan" becomes programme participation at the counter, with the
berita acara as its source, in the decision's own transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.errors import ValidationError
from kiosk.models import AuditEntry, Household, Person, ProgrammeParticipation
from kiosk.roles import Role
from kiosk.services.eligibility import eligible_programmes
from kiosk.services.person_profile import person_profile
from kiosk.services.ranking import rank_candidates
from kiosk.services.ranking_lists import record_meeting_decision, review_ranking, submit_ranking

F1, F2 = "3324010101000001", "3324010101000002"


def _reviewed(gateway, office, quota=2):
    kept = gateway.call(submit_ranking, office[Role.COORDINATOR], "BLT-DD", quota)
    gateway.call(review_ranking, office[Role.SUPERVISOR], kept.id, True)
    return kept


def _participation(session):
    session.expire_all()
    return session.scalars(
        select(ProgrammeParticipation).order_by(ProgrammeParticipation.no_kk)
    ).all()


def test_ditetapkan_becomes_participation_sourced_from_the_berita_acara(
    gateway, office, village, session
):
    today = gateway.ctx.clock.today()
    kept = _reviewed(gateway, office)
    gateway.call(
        record_meeting_decision,
        office[Role.COORDINATOR],
        kept.id,
        today,
        "BA/07/2026",
        {F1: "ditetapkan", F2: "cadangan"},
    )
    (row,) = _participation(session)  # the reserve household receives nothing yet
    registered = session.scalars(select(Household).where(Household.no_kk == F1)).one()
    assert (row.household_id, row.no_kk, row.programme_code) == (registered.id, F1, "BLT-DD")
    assert (row.source, row.source_ref, row.since) == ("musdes", "BA/07/2026", today)
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "peringkat_diputuskan")
    ).one()
    assert entry.detail["peserta_dicatat"] == 1

    nenek = session.scalars(select(Person).where(Person.name == "Nenek")).one()
    profile = gateway.call(person_profile, office[Role.FRONT_OFFICE], nenek.id, gateway.ctx.clock)
    assert "BLT-DD" in profile.eligibility.receiving
    assert [(p.programme_code, p.source_ref, p.since) for p in profile.participation] == [
        ("BLT-DD", "BA/07/2026", today)
    ]
    assert all(h.code != "BLT-DD" for h in profile.eligibility.hints)  # no longer a hint


def test_a_household_registered_after_the_meeting_is_found_by_its_kk(
    gateway, office, village, session
):
    today = gateway.ctx.clock.today()
    kept = _reviewed(gateway, office)
    gateway.call(
        record_meeting_decision,
        office[Role.COORDINATOR],
        kept.id,
        today,
        "BA/08/2026",
        {F1: "ditetapkan", F2: "ditetapkan"},
    )
    later = [r for r in _participation(session) if r.no_kk == F2]
    assert len(later) == 1 and later[0].household_id is None and later[0].person_id is None
    again = gateway.call(rank_candidates, office[Role.COORDINATOR], "BLT-DD", 2)
    assert {c.no_kk for c in (r.candidate for r in again.ranked)} & {F1, F2} == set()

    def register(s):
        hh = Household(no_kk=F2, village_code="3324012001")
        s.add(hh)
        s.flush()
        p = Person(name="Kepala F2", household_id=hh.id)
        s.add(p)
        s.flush()
        return p.id

    person_id = gateway.call(register)
    seen = gateway.call(eligible_programmes, office[Role.FRONT_OFFICE], person_id)
    assert "BLT-DD" in seen.receiving
    profile = gateway.call(person_profile, office[Role.FRONT_OFFICE], person_id, gateway.ctx.clock)
    assert [p.source_ref for p in profile.participation] == ["BA/08/2026"]


def test_a_refused_decision_writes_no_participation(gateway, office, village, session):
    kept = _reviewed(gateway, office, quota=1)
    with pytest.raises(ValidationError, match="kuota"):
        gateway.call(
            record_meeting_decision,
            office[Role.COORDINATOR],
            kept.id,
            gateway.ctx.clock.today(),
            "BA/09/2026",
            {F1: "ditetapkan", F2: "ditetapkan"},
        )
    assert _participation(session) == []
