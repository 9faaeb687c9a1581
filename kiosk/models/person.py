"""Citizens and households, with membership history and consent per purpose."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, Stamped, UuidPk


class Household(UuidPk, Stamped, Base):
    """A family as on its Kartu Keluarga (No. KK may be missing for a pre-list proposal)."""

    __tablename__ = "household"

    # One household per No. KK: two counters registering the same card at once must meet.
    no_kk: Mapped[str | None] = mapped_column(String(16), index=True, unique=True)
    head_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", use_alter=True)
    )
    address: Mapped[str] = mapped_column(String(300), default="")
    dusun: Mapped[str] = mapped_column(String(80), default="")
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")
    village_code: Mapped[str] = mapped_column(String(10), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    house_photo_path: Mapped[str | None] = mapped_column(String(400))
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    version: Mapped[int] = mapped_column(default=1)


class Person(UuidPk, Stamped, Base):
    """A citizen. ``nik_override_reason`` records why an odd NIK was accepted anyway."""

    __tablename__ = "person"
    __table_args__ = (Index("ix_person_name_birth", "name", "birth_date"),)

    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    nik_override_reason: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), default="", index=True)
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[date | None]
    sex: Mapped[str | None] = mapped_column(String(1))  # "L" / "P", as on the KTP
    phone: Mapped[str] = mapped_column(String(40), default="")
    disability: Mapped[str | None] = mapped_column(String(10))  # PDFSK, PDINT, PDMTL, PDSNS
    mother_name: Mapped[str] = mapped_column(String(120), default="")
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    relationship_to_head: Mapped[str | None] = mapped_column(String(30))
    deceased: Mapped[bool] = mapped_column(default=False)
    # Set when the identifying fields were anonymised on request (UU 27/2022): the row stays
    # so cases remain countable, but nothing in it names the person any more.
    erased_at: Mapped[datetime | None]
    erasure_due_on: Mapped[date | None]  # asked for: carried out when retention ends
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    version: Mapped[int] = mapped_column(default=1)


class HouseholdMembership(UuidPk, Base):
    """Who belonged to which family card, and when: a KK is reissued or split over time."""

    __tablename__ = "household_membership"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    relationship: Mapped[str] = mapped_column(String(30))
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))


class Consent(UuidPk, Base):
    """Lawful basis or consent for one purpose (UU 27/2022 PDP asks for it per purpose)."""

    __tablename__ = "consent"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))  # layanan, rujukan, usulan_dtks, foto_rumah
    basis: Mapped[str] = mapped_column(String(30))  # persetujuan, kewajiban_hukum, tugas_publik
    given_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    note: Mapped[str] = mapped_column(Text, default="")
