"""Registering a citizen writes the record, its history and its outbox operation together."""

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.errors import Conflict, ValidationError
from kiosk.models import AuditEntry, Household, HouseholdMembership, OutboxOperation, Person
from kiosk.roles import Role
from kiosk.services.people import (
    CheckAgainstCard,
    PersonInput,
    PossibleDuplicate,
    find_people,
    register_person,
)

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
    odd.override_choice, odd.override_reason = "ktp_lama", "sesuai KTP yang ditunjukkan"
    view = gateway.call(register_person, fo, odd)
    assert (
        session.get(Person, view.id).nik_override_reason
        == "KTP lama (belum KTP-el): sesuai KTP yang ditunjukkan"
    )
    audit = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(view.id))).one()
    assert audit.detail["nik_override"] is True


def test_an_override_reason_is_a_choice_with_words_never_a_number(gateway, office, session):
    """Issue #30: after the day-72 error the officer retyped the NIK into the reason box and
    Enter stored the number as its own reason. A reason is a choice from the list, plus words;
    a number in the words is refused, and the error names the field to fix."""
    fo = office[Role.FRONT_OFFICE]
    odd = PersonInput(name="Warga Lama", nik="3324017205800003")  # day 72: neither sex
    odd.override_reason = "3324017205800003"
    with pytest.raises(ValidationError) as no_choice:
        gateway.call(register_person, fo, odd)
    assert no_choice.value.field == "override_choice" and "daftar" in no_choice.value.message
    odd.override_choice = "dukcapil_berbeda"
    for number in (
        "3324017205800003",
        "3324 0172 0580 0003",
        "٣٣٢٤٠١٧٢٠٥٨٠٠٠٠٣",
        "0812345678",
        "33240172",  # part of it
    ):
        odd.override_reason = number
        with pytest.raises(ValidationError) as a_number:
            gateway.call(register_person, fo, odd)
        assert a_number.value.field == "override_reason", number
        assert a_number.value.code == "alasan_berisi_nomor"
    odd.override_choice, odd.override_reason = "lainnya", ""
    with pytest.raises(ValidationError) as no_words:
        gateway.call(register_person, fo, odd)
    assert no_words.value.code == "alasan_tanpa_keterangan"
    assert session.scalars(select(Person)).all() == []
    odd.override_choice, odd.override_reason = "dukcapil_berbeda", "KTP terbit 17-08-2009"
    view = gateway.call(register_person, fo, odd)
    assert session.get(Person, view.id).nik_override_reason == (
        "Data Dukcapil berbeda dengan kartu: KTP terbit 17-08-2009"
    )


def test_a_reason_left_from_a_corrected_number_is_not_stored(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    data = PersonInput(name="Warga Baru", nik="3324011508900003", override_choice="ktp_lama")
    view = gateway.call(register_person, fo, data)
    assert session.get(Person, view.id).nik_override_reason is None


def test_arabic_indic_digits_are_read_as_the_number(gateway, office, session):
    """A keyboard set to Arabic types ٣٣٢٤…: the same number, stored as 0-9 (NIK, KK, phone)."""
    data = PersonInput(
        name="Warga Arab",
        nik="٣٣٢٤٠١١٥٠٨٩٠٠٠٠٣",
        no_kk="۳۳۲۴۰۱۱۲۰۳۱۵۰۰۰۷",  # the Persian forms of the same digits
        phone="٠٨١٢٣٤٥٦٧٨",
        sex="L",
    )
    view = gateway.call(register_person, office[Role.FRONT_OFFICE], data)
    person = session.get(Person, view.id)
    assert (person.nik, view.no_kk, person.phone) == (
        "3324011508900003",
        "3324011203150007",
        "0812345678",
    )


def test_mangled_nik_cannot_be_overridden(gateway, office):
    bad = PersonInput(
        name="X", nik="3.32401E+15", override_choice="ktp_lama", override_reason="dipaksa"
    )
    with pytest.raises(ValidationError) as refused:
        gateway.call(register_person, office[Role.FRONT_OFFICE], bad)
    assert refused.value.code == "notasi_ilmiah"


def test_nik_hints_disagreeing_with_the_form_are_asked_before_saving(gateway, office, session):
    """Issue #30: the warnings came after the save, with only "Sudah saya periksa". They come
    before it now, each with its field, and nothing is stored until every one is checked."""
    fo = office[Role.FRONT_OFFICE]
    data = PersonInput(name="Budi", nik="3324011508900003", sex="P", birth_date=date(1990, 8, 16))
    with pytest.raises(CheckAgainstCard) as asked:
        gateway.call(register_person, fo, data)
    assert [w.field for w in asked.value.warnings] == ["sex", "birth_date"]
    assert asked.value.field == "sex" and "cocokkan dengan KTP" in asked.value.message
    assert session.scalars(select(Person)).all() == []
    data.checked_warnings = (asked.value.warnings[0].message,)  # only one checked: asked again
    with pytest.raises(CheckAgainstCard) as again:
        gateway.call(register_person, fo, data)
    assert [w.field for w in again.value.warnings] == ["birth_date"]
    data.checked_warnings = tuple(w.message for w in asked.value.warnings)
    view = gateway.call(register_person, fo, data)
    assert len(view.warnings) == 2 and session.get(Person, view.id).sex == "P"


def test_an_unknown_region_is_asked_on_the_number_field(gateway, office):
    data = PersonInput(name="Pendatang", nik="9924011508900003", sex="L")
    with pytest.raises(CheckAgainstCard) as asked:
        gateway.call(register_person, office[Role.FRONT_OFFICE], data)
    assert asked.value.field == "nik" and "99.24.01" in asked.value.message


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
