"""Reference data an administrator can extend: programmes, lists, holidays, villages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class Programme(UuidPk, Base):
    """A social-protection programme a household may need or receive (PKH, BPNT, PBI-JK …)."""

    __tablename__ = "programme"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(
        String(20)
    )  # pusat, provinsi, kabupaten, desa, non_pemerintah
    managing_body: Mapped[str] = mapped_column(String(200), default="")
    criteria: Mapped[str] = mapped_column(Text, default="")
    # The criteria as data (kiosk/eligibility.py), from the shipped or the kabupaten's list;
    # ``rules_by_office``: the administrator wrote them, and a reload keeps them.
    rules: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    rules_by_office: Mapped[bool] = mapped_column(default=False, server_default=false())
    unit: Mapped[str] = mapped_column(String(12), default="keluarga")  # orang / keluarga
    active: Mapped[bool] = mapped_column(default=True)
    source_version: Mapped[str] = mapped_column(String(40), default="")


class ReferenceItem(UuidPk, Base):
    """An entry of a named list (sector, channel, complaint category, referral destination …)."""

    __tablename__ = "reference_item"
    __table_args__ = (UniqueConstraint("list_name", "code"),)

    list_name: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    source_version: Mapped[str] = mapped_column(String(40), default="")


class Holiday(Base):
    """A public holiday or collective leave day: deadlines count working days around it."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Village(Base):
    """A desa / kelurahan of the kabupaten (10-digit Kemendagri code), from the kabupaten."""

    __tablename__ = "village"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    district_code: Mapped[str] = mapped_column(String(6), index=True)


class ReferenceVersion(Base):
    """Which version of each reference data set is loaded, and when."""

    __tablename__ = "reference_version"

    dataset: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    loaded_at: Mapped[datetime]
