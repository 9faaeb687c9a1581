"""The front-office walk-in as services: ticket, DTKS check, capture, hand-off."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.models import (
    AuditEntry,
    Case,
    CaseEvent,
    Complaint,
    DtksRecord,
    DtksSnapshot,
    OutboxOperation,
    PrelistProposal,
    ProgrammeNeed,
    QueueEvent,
    QueueTicket,
)
from kiosk.roles import Role
from kiosk.services.dtks_check import check_dtks, search_dtks
from kiosk.services.people import PersonInput, register_person
from kiosk.services.tickets import issue_ticket
from kiosk.services.walk_in import CaptureInput, record_walk_in
from kiosk.workdays import add_working_days

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = Clock(frozen=datetime(2026, 8, 10, 9, 0, tzinfo=WIB))  # before the 17 Aug holiday


def load_snapshot(session):
    snap = DtksSnapshot(
        kind="DTSEN",
        source="uji",
        snapshot_date=date(2026, 10, 8),
        imported_at=MONDAY.now(),
        status="active",
    )
    session.add(snap)
    session.flush()
    for nik, name, rel in (
        ("3324015708900003", "Siti Fatimah", "kepala_keluarga"),
        ("3324011503100001", "Ahmad", "anak"),
    ):
        session.add(
            DtksRecord(
                snapshot_id=snap.id,
                nik=nik,
                no_kk="3324011203150007",
                name=name,
                name_key=name.lower(),
                relationship=rel,
                decile=2,
                programmes="BPNT,PKH",
            )
        )
    session.commit()


SITI = PersonInput(
    name="Siti Fatimah",
    nik="3324015708900003",
    birth_date=date(1990, 8, 17),
    sex="P",
    no_kk="3324011203150007",
    relationship="kepala_keluarga",
    address="Dusun Krajan",
)


def test_ticket_numbers_per_prefix_per_day_reset_at_local_midnight(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    first = gateway.call(issue_ticket, fo, "pengaduan", "lansia", MONDAY)
    second = gateway.call(issue_ticket, fo, "pengaduan", None, MONDAY)
    info = gateway.call(issue_ticket, fo, "informasi", None, MONDAY)
    assert (first.label, second.label, info.label) == ("A001", "A002", "C001")
    assert (first.waiting_ahead, second.waiting_ahead) == (0, 1)
    assert first.priority_label == "Lanjut usia"
    # 23:59 WIB is still Monday; 00:01 WIB is Tuesday: numbering starts again.
    late = Clock(frozen=datetime(2026, 8, 10, 23, 59, tzinfo=WIB))
    next_day = Clock(frozen=datetime(2026, 8, 11, 0, 1, tzinfo=WIB))
    assert gateway.call(issue_ticket, fo, "pengaduan", None, late).label == "A003"
    assert gateway.call(issue_ticket, fo, "pengaduan", None, next_day).label == "A001"


def test_dtks_check_by_nik_and_household(gateway, office, session):
    load_snapshot(session)
    fo = office[Role.FRONT_OFFICE]
    result = gateway.call(check_dtks, fo, "3324015708900003")
    assert result.found and result.decile == 2 and result.person.programmes == ("BPNT", "PKH")
    assert [m.name for m in result.household] == ["Siti Fatimah", "Ahmad"]
    assert result.snapshot_date == date(2026, 10, 8) and result.snapshot_kind == "DTSEN"
    assert not gateway.call(check_dtks, fo, "3324011508900003").found
    assert [e.name for e in gateway.call(search_dtks, fo, "siti")] == ["Siti Fatimah"]


def test_registered_citizen_pkh_complaint_end_to_end(gateway, office, session):
    load_snapshot(session)
    fo = office[Role.FRONT_OFFICE]
    ticket = gateway.call(issue_ticket, fo, "pengaduan", None, MONDAY)
    person = gateway.call(register_person, fo, SITI)
    result = gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            ticket_id=ticket.id,
            about_membership=True,
            category="bantuan_tidak_diterima",
            programme_code="PKH",
            sector="sosial",
            description="PKH tahap 3 belum cair",
            needs=["PBI-JK"],
            participation=["PKH", "BPNT"],
            documents={"ktp": True, "kk": True, "kks": False},
        ),
        MONDAY,
    )
    assert result.tracking_number == "3324012001-2608-00001"
    assert result.dtks_status == "terdaftar" and result.nik_masked == "3324********0003"
    # five working days from Monday 10 Aug, skipping 17 Aug (Independence Day)
    assert (
        result.due_on
        == date(2026, 8, 17 + 1)
        == add_working_days(date(2026, 8, 10), 5, {date(2026, 8, 17)})
    )
    case = session.scalars(select(Case)).one()
    assert (case.status, case.desk, case.emergency) == ("diterima", "sosial_ekonomi", False)
    complaint = session.scalars(select(Complaint)).one()
    assert (complaint.programme_code, complaint.about_membership) == ("PKH", True)
    assert [n.programme_code for n in session.scalars(select(ProgrammeNeed))] == ["PBI-JK"]
    assert session.scalars(select(CaseEvent.kind)).all() == ["diterima"]
    assert session.get(QueueTicket, ticket.id).status == "selesai"
    assert "ended" in session.scalars(select(QueueEvent.kind)).all()
    op = session.scalars(select(OutboxOperation).where(OutboxOperation.entity_type == "case")).one()
    assert op.payload["tracking_number"] == result.tracking_number
    assert op.payload["programme"] == "PKH"
    audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "kasus_dicatat")).one()
    assert "PKH tahap" not in str(audit.detail)


def test_family_not_in_dtks_becomes_a_prelist_proposal(gateway, office, session):
    load_snapshot(session)
    fo = office[Role.FRONT_OFFICE]
    person = gateway.call(
        register_person,
        fo,
        PersonInput(
            name="Budi Santoso",
            nik="3324011508800001",
            no_kk="3324010101200003",
            relationship="kepala_keluarga",
            address="RT 003",
        ),
    )
    result = gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            category="belum_terdaftar",
            sector="sosial",
            description="Belum pernah terdaftar bantuan",
            propose_prelist=True,
            prelist_reason="Buruh harian, 4 anak",
        ),
        MONDAY,
    )
    assert result.dtks_status == "tidak_terdaftar" and result.prelist_id is not None
    proposal = session.get(PrelistProposal, result.prelist_id)
    assert proposal.status == "draf" and proposal.reason == "Buruh harian, 4 anak"
    assert session.get(Case, result.case_id).desk == "data"
    assert "diusulkan masuk DTKS" in result.next_steps


def test_emergency_is_flagged_and_due_next_working_day(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    friday = Clock(frozen=datetime(2026, 8, 14, 10, 0, tzinfo=WIB))
    person = gateway.call(register_person, fo, PersonInput(name="Warga Darurat"))
    result = gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            sector="kesehatan",
            urgency="darurat",
            channel="telepon",
            description="Rumah terbakar, butuh tempat tinggal",
        ),
        friday,
    )
    assert result.emergency and "DARURAT" in result.next_steps
    assert result.due_on == date(2026, 8, 18)  # Mon 17 Aug is a holiday
    assert result.dtks_status == "tanpa_data"
    case = session.get(Case, result.case_id)
    assert case.emergency and case.desk == "kesehatan"


def test_invalid_capture_writes_nothing(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    person = gateway.call(register_person, fo, PersonInput(name="Warga"))
    with pytest.raises(ValidationError) as missing:
        gateway.call(record_walk_in, fo, CaptureInput(person_id=person.id, description=""))
    assert missing.value.field == "description"
    with pytest.raises(ValidationError) as bad:
        gateway.call(
            record_walk_in,
            fo,
            CaptureInput(person_id=person.id, description="x", needs=["TIDAKADA"]),
        )
    assert bad.value.field == "needs"
    assert session.scalars(select(Case)).all() == []


def test_supervisor_cannot_capture(gateway, office):
    from kiosk.errors import PermissionDenied

    person = gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name="W"))
    with pytest.raises(PermissionDenied):
        gateway.call(
            record_walk_in,
            office[Role.SUPERVISOR],
            CaptureInput(person_id=person.id, description="x"),
        )
