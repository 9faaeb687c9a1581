"""What the citizen came about: complaint, needs, participation, documents shown."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class Complaint(UuidPk, Base):
    """A keluhan: question, suggestion or complaint (pertanyaan, saran, pengaduan)."""

    __tablename__ = "complaint"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # pertanyaan, saran, pengaduan
    about_membership: Mapped[bool] = mapped_column(default=False)  # kepesertaan
    sector: Mapped[str] = mapped_column(String(30))
    category: Mapped[str | None] = mapped_column(String(40))
    programme_code: Mapped[str | None] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[str] = mapped_column(String(12), default="biasa")  # biasa, segera, darurat
    sensitivity: Mapped[str] = mapped_column(String(12), default="biasa")  # biasa, rahasia
    description: Mapped[str] = mapped_column(Text, default="")


class ProgrammeNeed(UuidPk, Base):
    """A programme the household (or person) needs (kebutuhan program)."""

    __tablename__ = "programme_need"

    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    programme_code: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")


class ProgrammeParticipation(UuidPk, Base):
    """A programme the household (or person) already receives (kepesertaan program)."""

    __tablename__ = "programme_participation"

    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    # Whether a need is met: "does this household receive it" (reports' gaps).
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"), index=True)
    programme_code: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(12), default="pengakuan")  # pengakuan, dtks, musdes
    # musdes: the berita acara's number (``since`` is the meeting's day)
    source_ref: Mapped[str] = mapped_column(String(60), default="")
    # A household decided at the meeting but not yet registered at the counter: found by its
    # No. KK when it is (the profile and the eligibility hints read it).
    no_kk: Mapped[str | None] = mapped_column(String(16), index=True)
    since: Mapped[date | None]
    until: Mapped[date | None]


class DocumentCheck(UuidPk, Base):
    """Adminduk and service documents shown at the visit (KTP, KK, KKS, SKTM …)."""

    __tablename__ = "document_check"

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit.id"), index=True)
    document_code: Mapped[str] = mapped_column(String(30))
    present: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(300), default="")


class PrelistProposal(UuidPk, Base):
    """Usulan daftar awal: a person/household not in DTKS proposed for verification."""

    __tablename__ = "prelist_proposal"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit.id"), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_case.id"))
    status: Mapped[str] = mapped_column(String(20), default="draf")
    reason: Mapped[str] = mapped_column(Text, default="")
    disability: Mapped[str | None] = mapped_column(String(10))
    proposed_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    musdes_date: Mapped[date | None]
    siksng_ref: Mapped[str | None] = mapped_column(String(40))
    review_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class DataUpdateProposal(UuidPk, Base):
    """Usulan pemutakhiran data: a person on DTKS/DTSEN whose record has changed (died, moved,
    household split or merged, NIK or name corrected, no longer poor). Reviewed by the
    supervisor before it goes upstream (Empat Lawang 9(6)c, Barito Selatan 10(3)b angka 1)."""

    __tablename__ = "data_update_proposal"

    nik: Mapped[str | None] = mapped_column(String(16), index=True)  # as on the register
    no_kk: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(30))  # reference list jenis_pemutakhiran
    new_value: Mapped[str] = mapped_column(Text, default="")  # the corrected NIK, name ...
    reason: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[list[Any]] = mapped_column(default=list)  # evidence shown (codes)
    status: Mapped[str] = mapped_column(String(12), default="diajukan")
    proposed_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    proposed_at: Mapped[datetime] = mapped_column(index=True)
    reviewed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    reviewed_at: Mapped[datetime | None]
    review_note: Mapped[str] = mapped_column(Text, default="")


class PpksRecord(UuidPk, Base):
    """A person, a family or a community recorded as PPKS (Pemerlu Pelayanan Kesejahteraan
    Sosial) of one of the Kemensos types (Depok art. 2, 18, 25), with when, from whom it was
    learnt and who recorded it."""

    __tablename__ = "ppks_record"

    subject: Mapped[str] = mapped_column(String(10))  # orang, keluarga, komunitas
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    community: Mapped[str] = mapped_column(String(200), default="")  # a group's name and place
    members: Mapped[int | None]  # a community's size, when known
    ppks_type: Mapped[str] = mapped_column(String(40))  # reference list jenis_ppks
    source: Mapped[str] = mapped_column(String(30))  # kunjungan, fasilitator, laporan_rt ...
    recorded_on: Mapped[date] = mapped_column(index=True)
    recorded_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    note: Mapped[str] = mapped_column(Text, default="")
