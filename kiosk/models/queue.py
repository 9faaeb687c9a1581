"""Queue tickets and what happened to them (for wait and service times)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class QueueTicket(UuidPk, Base):
    """A numbered ticket: per service prefix per local day, unique even with two counters."""

    __tablename__ = "queue_ticket"
    __table_args__ = (UniqueConstraint("service_day", "prefix", "number"),)

    service_code: Mapped[str] = mapped_column(String(20))  # pengaduan, layanan, informasi
    prefix: Mapped[str] = mapped_column(String(2))
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(12))  # "A001"
    service_day: Mapped[date]
    priority: Mapped[str | None] = mapped_column(String(20))  # lansia, disabilitas, hamil …
    # What the visitor needs to be served (kursi_roda, bahasa_isyarat ...; comma-separated):
    # the caller comes to a wheelchair, shows the number to a deaf visitor.
    access_needs: Mapped[str] = mapped_column(String(100), default="", server_default="")
    status: Mapped[str] = mapped_column(String(12), default="menunggu")
    counter: Mapped[str | None] = mapped_column(String(20))
    issued_at: Mapped[datetime]
    # Where the ticket stands in line: issued_at, or the moment it was skipped to the back.
    queued_at: Mapped[datetime | None]
    issued_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))


class QueueEvent(UuidPk, Base):
    """issued, called, recalled, serving, ended, no_show, skipped, transferred."""

    __tablename__ = "queue_event"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("queue_ticket.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    counter: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(300), default="")
