"""Local snapshot of DTKS / DTSEN so the check works with no internet."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class DtksSnapshot(UuidPk, Base):
    """One imported register file. Only one is ``active``; a new one replaces it atomically."""

    __tablename__ = "dtks_snapshot"

    kind: Mapped[str] = mapped_column(String(10), default="DTKS")  # DTKS or DTSEN
    source: Mapped[str] = mapped_column(String(300))
    snapshot_date: Mapped[date | None]
    imported_at: Mapped[datetime]
    imported_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    status: Mapped[str] = mapped_column(String(12), default="loading")
    row_count: Mapped[int] = mapped_column(default=0)
    rejected_count: Mapped[int] = mapped_column(default=0)
    region_scope: Mapped[str] = mapped_column(String(10), default="")


class DtksRecord(Base):
    """One person in a snapshot. Integer key: a million rows must import fast."""

    __tablename__ = "dtks_record"
    __table_args__ = (
        # One column each: the table holds one snapshot (two, briefly, on PostgreSQL while a
        # new one loads), so a leading snapshot id would only double the indexes.
        Index("ix_dtks_record_nik", "nik"),
        Index("ix_dtks_record_no_kk", "no_kk"),
        Index("ix_dtks_record_name_key", "name_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    snapshot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("dtks_snapshot.id"))
    register_id: Mapped[str] = mapped_column(String(40), default="")  # IDBDT / iddtks
    family_id: Mapped[str] = mapped_column(String(40), default="")  # id_keluarga
    nik: Mapped[str | None] = mapped_column(String(16))
    no_kk: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), default="")
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[date | None]
    sex: Mapped[str | None] = mapped_column(String(1))
    relationship: Mapped[str] = mapped_column(String(30), default="")
    mother_name: Mapped[str] = mapped_column(String(120), default="")
    village_code: Mapped[str] = mapped_column(String(10), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")
    decile: Mapped[int | None]
    programmes: Mapped[str] = mapped_column(String(200), default="")  # "PKH,BPNT,PBI"
    flags: Mapped[str] = mapped_column(String(100), default="")  # structurally odd, kept
