"""Registering a citizen writes the record, its history and its outbox operation together."""

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.errors import Conflict, ValidationError
from kiosk.models import AuditEntry, Household, HouseholdMembership, OutboxOperation, Person
from kiosk.roles import Role
from kiosk.services.people import PersonInput, PossibleDuplicate, find_people, register_person

SITI = PersonInput(
    name="Siti Fatimah",
    nik="3324015708900003",
    birth_place="Kendal",
    birth_date=date(1990, 8, 17),
    sex="P",
    no_kk="3324011203150007",
    relationship="kepala_keluarga",
    address="Dusun Krajan",
    rt="002",
    rw="001",
    village_code="3324012001",
)


def test_registration_writes_person_household_history_and_outbox(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    view = gateway.call(register_person, fo, SITI)
    assert view.warnings == ()
    person = session.get(Person, view.id)
    household = session.get(Household, view.household_id)
    assert person.nik == "3324015708900003" and person.name_key == "siti patima"
    assert household.no_kk == "3324011203150007" and household.head_person_id == person.id
    membership = session.scalars(select(HouseholdMembership)).one()
    assert membership.relationship == "kepala_keluarga" and membership.recorded_by == fo.id
    ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
    assert [(o.entity_type, o.op_type) for o in ops][-2:] == [
        ("household", "keluarga_didaftarkan"),
        ("person", "warga_didaftarkan"),
    ]
    assert ops[-1].payload["nik"] == "3324015708900003" and ops[-1].entity_id == person.id
    audit = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(person.id))).one()
    assert audit.officer_id == fo.id
    assert "3324015708900003" not in str(audit.detail) and "Siti" not in str(audit.detail)


def test_second_member_joins_the_same_household(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    first = gateway.call(register_person, fo, SITI)
    child = PersonInput(
        name="Ahmad",
        nik="3324011503100001",
        birth_date=date(2010, 3, 15),
        sex="L",
        no_kk=SITI.no_kk,
        relationship="anak",
    )
    second = gateway.call(register_person, fo, child)
    assert second.household_id == first.household_id
    assert len(session.scalars(select(Household)).all()) == 1


def test_same_nik_is_never_registered_twice(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(register_person, fo, SITI)
    with pytest.raises(Conflict) as dup:
        gateway.call(register_person, fo, PersonInput(name="Siti F.", nik=SITI.nik))
    assert dup.value.code == "nik_terdaftar" and dup.value.field == "nik"


def test_same_name_and_birth_date_is_flagged_for_the_officer(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(register_person, fo, SITI)
    other = PersonInput(name="SITI FATIMA", birth_date=SITI.birth_date)
    with pytest.raises(PossibleDuplicate) as maybe:
        gateway.call(register_person, fo, other)
    assert [m.nik for m in maybe.value.matches] == [SITI.nik]
    other.confirm_not_duplicate = True
    gateway.call(register_person, fo, other)
    assert len(session.scalars(select(Person)).all()) == 2


def test_odd_nik_needs_a_recorded_reason(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    odd = PersonInput(name="Warga Lama", nik="3324013208900003")
    with pytest.raises(ValidationError) as need_reason:
        gateway.call(register_person, fo, odd)
    assert need_reason.value.code == "nik_perlu_alasan" and "alasan" in need_reason.value.message
    assert session.scalars(select(Person)).all() == []
    odd.override_reason = "Sesuai KTP-el yang ditunjukkan"
    view = gateway.call(register_person, fo, odd)
    assert "NIK diterima dengan alasan petugas." in view.warnings
    assert session.get(Person, view.id).nik_override_reason == "Sesuai KTP-el yang ditunjukkan"
    audit = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(view.id))).one()
    assert audit.detail["nik_override"] is True


def test_mangled_nik_cannot_be_overridden(gateway, office):
    bad = PersonInput(name="X", nik="3.32401E+15", override_reason="dipaksa")
    with pytest.raises(ValidationError) as refused:
        gateway.call(register_person, office[Role.FRONT_OFFICE], bad)
    assert refused.value.code == "notasi_ilmiah"


def test_nik_hints_disagreeing_with_the_form_are_warnings(gateway, office):
    data = PersonInput(name="Budi", nik="3324011508900003", sex="P", birth_date=date(1990, 8, 16))
    view = gateway.call(register_person, office[Role.FRONT_OFFICE], data)
    assert len(view.warnings) == 2 and all("cocokkan dengan KTP" in w for w in view.warnings)


def test_failed_transaction_leaves_nothing(gateway, office, session):
    def register_then_fail(s, actor):
        register_person(s, actor, SITI)
        raise RuntimeError("listrik padam")

    with pytest.raises(RuntimeError):
        gateway.call(register_then_fail, office[Role.FRONT_OFFICE])
    assert session.scalars(select(Person)).all() == []
    assert (
        session.scalars(
            select(OutboxOperation).where(OutboxOperation.entity_type == "person")
        ).all()
        == []
    )


def test_find_by_nik_kk_and_spelling_variant(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(register_person, fo, SITI)
    assert [p.name for p in gateway.call(find_people, fo, SITI.nik)] == ["Siti Fatimah"]
    assert [p.name for p in gateway.call(find_people, fo, "3324.0112.0315.0007")] == [
        "Siti Fatimah"
    ]
    assert [p.name for p in gateway.call(find_people, fo, "siti patimah")] == ["Siti Fatimah"]


def test_house_location_and_photo_are_optional_and_checked(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    located = PersonInput(
        name="Warga GPS",
        address="Krajan",
        latitude=-6.9912,
        longitude=110.2012,
        house_photo_path="foto/rumah-1.jpg",
    )
    view = gateway.call(register_person, fo, located)
    household = session.get(Household, view.household_id)
    assert (household.latitude, household.longitude) == (-6.9912, 110.2012)
    assert household.house_photo_path == "foto/rumah-1.jpg"
    swapped = PersonInput(name="Warga Tertukar", address="Krajan", latitude=110.2, longitude=-6.99)
    with pytest.raises(ValidationError) as wrong:
        gateway.call(register_person, fo, swapped)
    assert wrong.value.field == "location" and "urutan" in wrong.value.message
    assert session.scalars(select(Person).where(Person.name == "Warga Tertukar")).all() == []
