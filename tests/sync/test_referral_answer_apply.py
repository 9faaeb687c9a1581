"""kiosk.services.referral_answers on its own: the agency's answer as the feed brings it, applied
to this office's referral once; a refusal keeps its reason; another office's is ignored."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.models import Case, CaseEvent
from kiosk.roles import Role
from kiosk.services import referrals
from kiosk.services.cases import move_case
from kiosk.services.outbox import apply_changes
from tests.backoffice.helpers import open_case


def answer(entity, **kw):
    return {
        "change_id": str(uuid.uuid4()),
        "kind": "referral_answer",
        "entity_id": str(entity),
        "at": "2026-08-21T02:00:00+00:00",
        **kw,
    }


def test_a_refusal_reaches_the_timeline_with_its_reason_once(gateway, office, session):
    case = open_case(gateway, office, sector="kesehatan")
    bo = office[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    refused = answer(ref, outcome="ditolak", reason="Bukan peserta wilayah ini")
    stranger = answer(uuid.uuid4(), outcome="dilayani", served_on="2026-08-20", given="x")
    odd = answer(ref, outcome="entah")
    applied = gateway.call(lambda s: apply_changes(s, [refused, stranger, odd], "c1"))
    assert applied == 1
    again = gateway.call(lambda s: apply_changes(s, [refused], "c2"))
    assert again == 0
    session.expire_all()
    notes = session.scalars(
        select(CaseEvent.note).where(
            CaseEvent.case_id == case.case_id, CaseEvent.kind == "jawaban_rujukan"
        )
    ).all()
    assert notes == ["Ditolak instansi tujuan: Bukan peserta wilayah ini"]
    assert "Bukan peserta wilayah ini" in session.get(Case, case.case_id).decision


def test_an_answer_after_the_erasure_brings_no_words_back(gateway, office, session):
    from datetime import UTC, datetime

    from kiosk.models import Person

    case = open_case(gateway, office, sector="kesehatan")
    bo = office[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(referrals.refer_case, bo, case.case_id, "dinkes", "Butuh PBI", "", True)
    person = session.get(Person, session.get(Case, case.case_id).person_id)
    person.erased_at = datetime.now(UTC)  # as person_rights' erasure leaves it
    session.commit()
    served = answer(ref, outcome="dilayani", served_on="2026-08-20", given="Obat untuk Bu Sri")
    assert gateway.call(lambda s: apply_changes(s, [served], "c1")) == 1
    session.expire_all()
    note = session.scalars(
        select(CaseEvent.note).where(
            CaseEvent.case_id == case.case_id, CaseEvent.kind == "jawaban_rujukan"
        )
    ).one()
    assert note == "Dilayani instansi tujuan pada 20-08-2026"
    assert "Bu Sri" not in (session.get(Case, case.case_id).decision or "")
