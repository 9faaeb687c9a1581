"""Register citizens and households; find them again instead of registering twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import Table, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.clock import Clock, utcnow
from kiosk.errors import Conflict, ValidationError
from kiosk.identity import check_kk, check_nik
from kiosk.messages import _
from kiosk.models import Household, HouseholdMembership, Person
from kiosk.models.lengths import check_lengths
from kiosk.names import name_key
from kiosk.number16 import digits16, western_digits
from kiosk.override import reason_text
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import record
from kiosk.services.registry import action


class PossibleDuplicate(Conflict):
    """Same name, birth date (and KK) as someone registered: the officer decides."""

    code = "mungkin_ganda"

    def __init__(self, message: str, matches: list[PersonView]):
        super().__init__(message, field="name")
        self.matches = matches


@dataclass(frozen=True)
class FieldWarning:
    """Something to compare with the KTP/KK before saving, and the field to go back to."""

    field: str  # "nik", "no_kk", "sex", "birth_date"
    message: str


class CheckAgainstCard(Conflict):
    """Warnings the officer has not yet seen: nothing is saved until each one is either fixed
    or checked against the card (its message is sent back in ``checked_warnings``)."""

    code = "periksa_kartu"

    def __init__(self, warnings: list[FieldWarning]):
        super().__init__(
            _("Periksa dengan KTP/KK sebelum menyimpan: {0}").format(
                " ".join(w.message for w in warnings)
            ),
            field=warnings[0].field,
        )
        self.warnings = warnings


class NikRegistered(Conflict):
    """The NIK belongs to someone registered already: the counter opens that person instead.

    Also what the slower of two counters registering one NIK at the same moment sees (the
    unique index decides; its raw error never reaches the officer)."""

    code = "nik_terdaftar"

    def __init__(self, existing: PersonView):
        super().__init__(
            _(
                "NIK sudah terdaftar atas nama {0}. Buka data yang ada, jangan mendaftar dua kali."
            ).format(existing.name),
            field="nik",
        )
        self.existing = existing


def _registered_nik(session: Session, nik: str) -> NikRegistered | None:
    person = session.scalars(select(Person).where(Person.nik == nik)).first()
    if person is None:
        return None
    household = session.get(Household, person.household_id) if person.household_id else None
    return NikRegistered(_view(person, household))


@dataclass
class PersonInput:
    """The basic profile (Balangan art. 14, Depok art. 19); only the name is required."""

    name: str
    nik: str = ""
    birth_place: str = ""
    birth_date: date | None = None
    sex: str | None = None
    phone: str = ""
    disability: str | None = None
    mother_name: str = ""
    no_kk: str = ""
    relationship: str = "lainnya"
    address: str = ""
    dusun: str = ""
    rt: str = ""
    rw: str = ""
    village_code: str = ""
    override_choice: str = ""  # a kiosk.override.REASONS code, when a number breaks a rule
    override_reason: str = ""  # the words that go with it
    checked_warnings: tuple[str, ...] = ()  # FieldWarning messages checked against the card
    confirm_not_duplicate: bool = False
    latitude: float | None = None  # house location (Depok art. 19), optional
    longitude: float | None = None
    house_photo_path: str | None = None


@dataclass(frozen=True)
class PersonView:
    """A citizen as the officer's screen shows them."""

    id: uuid.UUID
    nik: str | None
    name: str
    birth_place: str
    birth_date: date | None
    sex: str | None
    no_kk: str | None
    household_id: uuid.UUID | None
    address: str
    warnings: tuple[str, ...] = field(default=())


def _view(
    person: Person, household: Household | None, warnings: list[str] | None = None
) -> PersonView:
    return PersonView(
        person.id,
        person.nik,
        person.name,
        person.birth_place,
        person.birth_date,
        person.sex,
        household.no_kk if household else None,
        household.id if household else None,
        household.address if household else "",
        tuple(warnings or ()),
    )


def _checked_number(
    kind: str, raw: str, data: PersonInput, today: date
) -> tuple[str | None, str | None, list[FieldWarning]]:
    """Validate a NIK/KK; return (digits, the override reason it needed, warnings) or raise
    with the officer's next step. The error names the number's field: the cursor goes back to
    the number, which is more often mistyped than really odd."""
    if not raw.strip():
        return None, None, []
    check = check_nik(raw, today=today) if kind == "nik" else check_kk(raw, today=today)
    if check.errors and not check.overridable:
        raise ValidationError(check.summary(), code=check.errors[0].code, field=kind)
    reason = None
    if check.errors:
        if not (data.override_choice.strip() or data.override_reason.strip()):
            raise ValidationError(
                _("{0} Alasannya dipilih dari daftar “Alasan menerima nomor yang janggal”.").format(
                    check.summary()
                ),
                code=f"{kind}_perlu_alasan",
                field=kind,
            )
        reason = reason_text(data.override_choice, data.override_reason)
    warnings = [FieldWarning(kind, v.message) for v in check.warnings]
    return check.number, reason, warnings


def _set_location(household: Household, data: PersonInput) -> None:
    """House photo and GPS: optional; checked for plausibility, never required."""
    if (data.latitude is None) != (data.longitude is None):
        raise ValidationError(
            _("Isi lintang dan bujur sekaligus, mis. -6.9912, 110.2012."), field="location"
        )
    if data.latitude is not None and data.longitude is not None:
        if not (-11.5 <= data.latitude <= 6.5 and 94.5 <= data.longitude <= 141.5):
            raise ValidationError(
                _("Koordinat di luar wilayah Indonesia; periksa urutan lintang, bujur."),
                code="koordinat",
                field="location",
            )
        household.latitude, household.longitude = data.latitude, data.longitude
    if data.house_photo_path:
        household.house_photo_path = data.house_photo_path


def _claim_household(session: Session, values: dict[str, object]) -> bool:
    """Insert the household unless its No. KK exists; True when this call created it.

    ``INSERT … ON CONFLICT DO NOTHING`` instead of look-then-insert: two counters registering
    members of one family at the same moment must end with one household, not two.
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, Household.__table__)  # declared with a Table, typed as FromClause
    stmt = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["no_kk"])
        .returning(table.c.id)
    )
    # RETURNING, not rowcount: drivers disagree on the rowcount of a skipped insert.
    return session.execute(stmt).first() is not None


def _household_for(
    session: Session, actor: Actor, no_kk: str | None, data: PersonInput
) -> Household | None:
    """The person's household: the one with this No. KK, else a new one when there is a card
    number or an address to hold."""
    if not (no_kk or data.address or data.latitude is not None):
        return None
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "no_kk": no_kk,
        "address": data.address.strip(),
        "dusun": data.dusun,
        "rt": data.rt,
        "rw": data.rw,
        "village_code": data.village_code,
        "created_by": actor.id,
    }
    if no_kk:
        check_lengths(Household(**values))  # a Core insert passes no flush guard
        created = _claim_household(session, values)
        household = session.scalars(select(Household).where(Household.no_kk == no_kk)).one()
    else:
        created = True
        household = Household(**values)
        session.add(household)
        session.flush()
    if created:
        record(
            session,
            actor.id,
            "keluarga_didaftarkan",
            "household",
            household.id,
            payload={
                "no_kk": no_kk,
                "address": household.address,
                "rt": data.rt,
                "rw": data.rw,
                "village_code": data.village_code,
            },
        )
    return household


def _checked_numbers(
    session: Session, data: PersonInput, today: date
) -> tuple[str | None, str | None, str | None, list[FieldWarning]]:
    """The NIK and No. KK as checked, the override reason either needed, the warnings for the
    officer; refuses a NIK already registered."""
    nik, nik_reason, warnings = _checked_number("nik", data.nik, data, today)
    no_kk, kk_reason, kk_warnings = _checked_number("no_kk", data.no_kk, data, today)
    warnings += kk_warnings
    reason = nik_reason or kk_reason
    if not nik:
        return nik, no_kk, reason, warnings
    hint = check_nik(nik, today=today)
    if data.sex and hint.sex and data.sex != hint.sex:
        warnings.append(
            FieldWarning(
                "sex", "Jenis kelamin berbeda dengan petunjuk dalam NIK; cocokkan dengan KTP."
            )
        )
    if data.birth_date and hint.date_value and data.birth_date != hint.date_value:
        warnings.append(
            FieldWarning(
                "birth_date",
                "Tanggal lahir berbeda dengan petunjuk dalam NIK; cocokkan dengan KTP.",
            )
        )
    existing = _registered_nik(session, nik)
    if existing is not None:
        raise existing
    return nik, no_kk, reason, warnings


def _refuse_unchecked(warnings: list[FieldWarning], data: PersonInput) -> None:
    """Warnings are shown before anything is saved, with the way back to the field: after the
    save they could only be acknowledged, and the record kept what the officer would have
    fixed."""
    unchecked = [w for w in warnings if w.message not in data.checked_warnings]
    if unchecked:
        raise CheckAgainstCard(unchecked)


def _refuse_likely_duplicate(session: Session, key: str, data: PersonInput) -> None:
    """Same name and birth date already registered: the officer confirms it is someone else."""
    if data.confirm_not_duplicate or data.birth_date is None:
        return
    similar = session.scalars(
        select(Person).where(Person.name_key == key, Person.birth_date == data.birth_date)
    ).all()
    if not similar:
        return
    ids = [p.household_id for p in similar if p.household_id]
    households = {h.id: h for h in session.scalars(select(Household).where(Household.id.in_(ids)))}
    matches = [
        _view(p, households.get(p.household_id) if p.household_id else None) for p in similar
    ]
    raise PossibleDuplicate(
        _(
            "Ada warga terdaftar dengan nama dan tanggal lahir yang sama. Periksa apakah "
            "orang yang sama; bila berbeda, konfirmasi untuk tetap mendaftar."
        ),
        matches,
    )


def _join_household(
    session: Session, actor: Actor, person: Person, household: Household, relationship: str
) -> None:
    session.add(
        HouseholdMembership(
            person_id=person.id,
            household_id=household.id,
            relationship=relationship,
            recorded_at=utcnow(),
            recorded_by=actor.id,
        )
    )
    if relationship == "kepala_keluarga":
        household.head_person_id = person.id


def _insert_person(session: Session, person: Person) -> None:
    """Write the person; a counter that registered the same NIK a moment earlier wins.

    The look-up before is only the common case: two counters can both find the NIK free. The
    unique index then refuses the slower one, whose transaction is spent; it is rolled back
    and the winner's person is read afresh, so the officer opens that person."""
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        existing = _registered_nik(session, person.nik) if person.nik else None
        if existing is None:
            raise
        raise existing from None


@action(Perm.REGISTER_PERSON, label="Mendaftarkan atau memperbarui data warga")
def register_person(
    session: Session, actor: Actor, data: PersonInput, clock: Clock | None = None
) -> PersonView:
    """Register a person (and their household by No. KK); refuses a second registration."""
    clock = clock or Clock()
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError(_("Nama belum diisi."), code="nama_kosong", field="name")
    nik, no_kk, reason, warnings = _checked_numbers(session, data, clock.today())
    _refuse_unchecked(warnings, data)
    key = name_key(name)
    _refuse_likely_duplicate(session, key, data)
    household = _household_for(session, actor, no_kk, data)
    if household is not None:
        _set_location(household, data)
    person = Person(
        id=uuid.uuid4(),
        nik=nik,
        nik_override_reason=reason,
        name=name,
        name_key=key,
        birth_place=data.birth_place.strip(),
        birth_date=data.birth_date,
        sex=data.sex,
        phone=western_digits(data.phone.strip()),
        disability=data.disability,
        mother_name=data.mother_name.strip(),
        household_id=household.id if household else None,
        relationship_to_head=data.relationship if household else None,
        created_by=actor.id,
    )
    session.add(person)
    _insert_person(session, person)
    if household is not None:
        _join_household(session, actor, person, household, data.relationship)
    record(
        session,
        actor.id,
        "warga_didaftarkan",
        "person",
        person.id,
        payload={
            "nik": nik,
            "name": name,
            "birth_place": person.birth_place,
            "birth_date": data.birth_date,
            "sex": data.sex,
            "disability": data.disability,
            "household_id": household.id if household else None,
            "relationship": person.relationship_to_head,
        },
        detail={"nik_override": bool(person.nik_override_reason), "warnings": len(warnings)},
    )
    return _view(person, household, [w.message for w in warnings])


@action(Perm.CHECK_DTKS, label="Mencari warga terdaftar")
def find_people(session: Session, actor: Actor, query: str, limit: int = 50) -> list[PersonView]:
    """By NIK or No. KK (exact, 16 digits) or by name (spelling-tolerant key, prefix)."""
    q = query.strip()
    digits = digits16(q)
    stmt = select(Person, Household).outerjoin(Household, Person.household_id == Household.id)
    if digits is not None:
        stmt = stmt.where(or_(Person.nik == digits, Household.no_kk == digits))
    else:
        key = name_key(q)
        if not key:
            return []
        stmt = stmt.where(or_(Person.name_key == key, Person.name_key.like(f"{key}%")))
    rows = session.execute(stmt.order_by(Person.name).limit(limit)).all()
    return [_view(p, h) for p, h in rows]
