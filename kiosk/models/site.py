"""The Puskesos itself: identity, region codes and time zone."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, Stamped, UuidPk


class Site(UuidPk, Stamped, Base):
    """One row: the Puskesos this database belongs to.

    ``office_code`` prefixes every number a citizen sees (tickets, tracking numbers), so two
    villages' receipts can never be confused at the kabupaten.
    """

    __tablename__ = "site"

    name: Mapped[str] = mapped_column(String(200))
    village_code: Mapped[str] = mapped_column(String(10))
    village_name: Mapped[str] = mapped_column(String(120))
    district_code: Mapped[str] = mapped_column(String(6))
    district_name: Mapped[str] = mapped_column(String(120))
    regency_code: Mapped[str] = mapped_column(String(4))
    regency_name: Mapped[str] = mapped_column(String(120))
    province_code: Mapped[str] = mapped_column(String(2))
    province_name: Mapped[str] = mapped_column(String(120))
    office_code: Mapped[str] = mapped_column(String(16))
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Jakarta")
    address: Mapped[str] = mapped_column(String(300), default="")
    head_name: Mapped[str] = mapped_column(String(120), default="")
    head_title: Mapped[str] = mapped_column(String(60), default="Kepala Desa")
    phone: Mapped[str] = mapped_column(String(40), default="")
    idle_lock_minutes: Mapped[int] = mapped_column(default=5)
    # A second folder (a USB drive) that gets a checked copy of every automatic backup.
    backup_mirror: Mapped[str] = mapped_column(String(400), default="")
    # Years a person's identifying data is kept after their last visit, when erasure is asked.
    retention_years: Mapped[int] = mapped_column(default=5)
    # The regional profile the office runs (``name@version``, kiosk/profiles/).
    profile: Mapped[str] = mapped_column(String(64), default="umum@1", server_default="umum@1")
