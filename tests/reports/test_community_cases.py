"""A case about a community: one case, its households attached by No. KK, each counted once in
the reports (also when a household has its own case); more households added later; Depok's
stages with the next step and the due day; the command line and the outbox carry it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kiosk.errors import Conflict, PermissionDenied, ValidationError
from kiosk.models import Case, CaseHousehold, OutboxOperation
from kiosk.roles import Role
from kiosk.services.case_views import case_detail
from kiosk.services.community_cases import (
    CommunityCaseInput,
    advance_stage,
    attach_households,
    open_community_case,
)
from kiosk.services.reports import office_report, report_records
from tests.reports.conftest import Q4, TODAY

NEW_1, NEW_2 = "3324011203199901", "3324011203199902"


def flood(village, *extra):
    kk_a, kk_b = (village.households[k].no_kk for k in ("A", "B"))
    return CommunityCaseInput(
        "Warga RT 03/RW 02 Krajan",
        "Banjir 25 November: 4 rumah terendam, perlu logistik dan pendataan.",
        [kk_a, f"{kk_b[:6]}.{kk_b[6:12]}.{kk_b[12:]}", NEW_1, NEW_1, NEW_2, "", *extra],
        "sosial_ekonomi",
        "segera",
    )


@pytest.fixture
def village(gateway, office):
    from tests.reports.village import build

    officer = office[Role.FRONT_OFFICE].id
    return gateway.call(lambda s: build(s, officer))


def test_households_counted_once_in_the_report(gateway, office, village, session):
    before = gateway.call(office_report, office[Role.COORDINATOR], Q4, TODAY)
    assert before.table("keluarga_kasus").total.values == (3,)  # ali's, citra's, fajar's
    made = gateway.call(open_community_case, office[Role.BACK_OFFICE], flood(village), TODAY)
    assert (made.households, made.already) == (4, 1)  # NEW_1 written twice: once
    report = gateway.call(office_report, office[Role.COORDINATOR], Q4, TODAY)
    families = report.table("keluarga_kasus")
    assert families.total.values == (5,)  # A and B have their own cases too: counted once
    by_subject = report.table("keluarga_kasus", "subject")
    assert by_subject.value("orang") == 3 and by_subject.value("komunitas") == 4
    cases = report.table("kasus_baru", "subject")
    assert cases.value("komunitas", "Jumlah") == 1
    rows = gateway.call(
        report_records,
        office[Role.COORDINATOR],
        Q4,
        "keluarga_kasus",
        "subject",
        "komunitas",
        None,
        TODAY,
    )
    assert len(rows) == 4 and all(r.ref == made.tracking_number for r in rows)
    stored = session.scalar(select(func.count()).select_from(CaseHousehold))
    assert stored == 4


def test_bad_numbers_write_nothing(gateway, office, village, session):
    with pytest.raises(ValidationError, match="12345"):
        gateway.call(open_community_case, office[Role.BACK_OFFICE], flood(village, "12345"), TODAY)
    with pytest.raises(ValidationError):
        gateway.call(
            open_community_case,
            office[Role.BACK_OFFICE],
            CommunityCaseInput("RT 1", "banjir", []),
            TODAY,
        )
    assert (
        session.scalar(select(func.count()).select_from(Case).where(Case.subject == "komunitas"))
        == 0
    )
    with pytest.raises(PermissionDenied):
        gateway.call(open_community_case, office[Role.SUPERVISOR], flood(village), TODAY)


def test_more_households_and_the_stages(gateway, office, village, session):
    worker = office[Role.BACK_OFFICE]
    made = gateway.call(open_community_case, worker, flood(village), TODAY)
    case_id = session.scalar(select(Case.id).where(Case.tracking_number == made.tracking_number))
    view = gateway.call(case_detail, worker, case_id, TODAY)
    assert view.subject == "komunitas" and view.person_name == "Warga RT 03/RW 02 Krajan"
    assert len(view.households) == 4 and view.households[0][1]  # a name from the register
    assert view.stage.stage == "registrasi" and view.stage.next_label == "Seleksi"
    assert view.stage.due_on == date(2026, 12, 1)  # 3 working days from Thursday 26 Nov
    assert {a.key for a in view.actions} >= {"stage", "add_households"}

    more = gateway.call(attach_households, worker, case_id, [NEW_2, "3324011203199903"], TODAY)
    assert (more.added, more.already, more.households) == (1, 1, 5)
    with pytest.raises(ValidationError, match="Registrasi"):
        gateway.call(advance_stage, worker, case_id, "", TODAY)  # what was done is required
    st = gateway.call(advance_stage, worker, case_id, "5 KK didata, dokumen diperiksa", TODAY)
    assert st.stage == "seleksi" and st.due_on == date(2026, 12, 3)
    for note in ("ditetapkan 5 KK", "logistik disalurkan", "dipantau", "tuntas"):
        st = gateway.call(advance_stage, worker, case_id, note, TODAY)
    assert st.stage == "selesai" and st.due_on is None and st.next_label == ""
    with pytest.raises(Conflict):
        gateway.call(advance_stage, worker, case_id, "lagi", TODAY)
    view = gateway.call(case_detail, worker, case_id, TODAY)
    assert "stage" not in {a.key for a in view.actions}
    assert [t.label for t in view.timeline].count("Tahapan (prosedur Depok)") == 5
    kinds = [
        o.op_type
        for o in session.scalars(
            select(OutboxOperation)
            .where(OutboxOperation.entity_id == case_id)
            .order_by(OutboxOperation.created_at)
        )
    ]
    assert kinds[0] == "kasus_komunitas_dicatat" and kinds.count("kasus_tahap") == 5
    assert "kasus_keluarga_ditambah" in kinds


def test_a_persons_case_can_follow_the_stages_too(gateway, office, village, session):
    case_id = session.scalar(select(Case.id).where(Case.person_id == village.people["citra"].id))
    st = gateway.call(advance_stage, office[Role.BACK_OFFICE], case_id, "", TODAY)
    assert st.stage == "registrasi"  # the first move needs no note
    with pytest.raises(Conflict):  # households are attached to a community's case only
        gateway.call(attach_households, office[Role.BACK_OFFICE], case_id, [NEW_1], TODAY)
