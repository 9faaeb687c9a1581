"""Visits, the cases they open, and the timeline of each case."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, event, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kiosk.models.base import Base, Stamped, UuidPk


class Visit(UuidPk, Base):
    """One encounter: at the counter, a fasilitator's home visit, a phone call or online."""

    __tablename__ = "visit"
    # Reports select a period's visits by when they started (and pre-lists by when they ended).
    __table_args__ = (
        Index("ix_visit_started_at", "started_at"),
        Index("ix_visit_ended_at", "ended_at"),
    )

    channel: Mapped[str] = mapped_column(String(20))  # datang, kunjungan_rumah, telepon, daring
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("queue_ticket.id"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    dtks_status: Mapped[str] = mapped_column(String(20), default="belum_dicek")
    dtks_snapshot_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("dtks_snapshot.id"))
    dtks_decile: Mapped[int | None]
    access_needs: Mapped[str] = mapped_column(String(100), default="", server_default="")
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))


class Case(UuidPk, Stamped, Base):
    """A service request the back office works, found by its tracking number."""

    __tablename__ = "service_case"
    __table_args__ = (Index("ix_service_case_created_at", "created_at"),)  # a period's cases

    tracking_number: Mapped[str] = mapped_column(String(32), unique=True)
    # The status page's check code (kiosk.status_link): the number alone opens nothing there.
    check_code: Mapped[str | None] = mapped_column(String(12))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit.id"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    kind: Mapped[str] = mapped_column(String(20))  # pengaduan, layanan, informasi, usulan
    desk: Mapped[str] = mapped_column(String(30), default="sosial_ekonomi")
    status: Mapped[str] = mapped_column(String(20), default="diterima")
    emergency: Mapped[bool] = mapped_column(default=False)
    # Carried from the visit so the back office meets the citizen the same way.
    access_needs: Mapped[str] = mapped_column(String(100), default="", server_default="")
    sensitive: Mapped[bool] = mapped_column(default=False)
    # Who the case is about: a person, a family, or a community (a neighbourhood hit by a flood:
    # one case, the affected households attached in case_household).
    subject: Mapped[str] = mapped_column(String(10), default="orang", server_default="orang")
    community: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Depok's procedure (kiosk.depok_stages), when the case follows it.
    stage: Mapped[str | None] = mapped_column(String(20))
    stage_due_on: Mapped[date | None]
    due_on: Mapped[date | None]
    # The regional profile the case was started under: its chains and days stay that one.
    profile: Mapped[str] = mapped_column(String(64), default="umum@1", server_default="umum@1")
    decision: Mapped[str | None] = mapped_column(Text)
    assigned_to: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    upstream_state: Mapped[str] = mapped_column(String(12), default="lokal")
    upstream_accepted_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    # Review before upstream (kiosk/services/supervision.py): "menunggu_tinjauan" while the
    # profile's reviewer has not seen the back office's result (its messages are held), then
    # "ditinjau"; None when the profile asks for no review.
    review_state: Mapped[str | None] = mapped_column(String(20))
    # Escalation (kiosk/services/escalation.py): how many of the profile's rules have fired,
    # and the role the last one moved the case to.
    escalation_level: Mapped[int] = mapped_column(default=0, server_default="0")
    escalated_to: Mapped[str | None] = mapped_column(String(20))


class CaseHousehold(UuidPk, Base):
    """A household affected in a community case, by its No. KK (registered at the counter or
    not); each is counted once in the reports however many cases name it."""

    __tablename__ = "case_household"
    __table_args__ = (UniqueConstraint("case_id", "no_kk"),)

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    no_kk: Mapped[str] = mapped_column(String(16))
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("household.id"))
    head: Mapped[str] = mapped_column(String(120), default="")  # from the register or DTKS
    added_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    added_at: Mapped[datetime]


class CaseEvent(UuidPk, Base):
    """One line of a case's timeline, local or received from the kabupaten."""

    __tablename__ = "case_event"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime]
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(12), default="lokal")  # lokal / kabupaten
    upstream_seq: Mapped[str | None] = mapped_column(String(40))
    # Order within the case: events written in one transaction share their instant.
    position: Mapped[int] = mapped_column(default=0)


@event.listens_for(Session, "before_flush")
def _number_case_events(session: Session, _ctx: Any, _instances: Any) -> None:
    """Give new events the next position of their case, in the order they were added."""
    new = [o for o in session.new if isinstance(o, CaseEvent) and not o.position]
    if not new:
        return
    cases = {e.case_id for e in new}
    with session.no_autoflush:
        last = dict(
            session.execute(
                select(CaseEvent.case_id, func.max(CaseEvent.position))
                .where(CaseEvent.case_id.in_(cases))
                .group_by(CaseEvent.case_id)
            ).all()
        )
    for e in new:
        last[e.case_id] = (last.get(e.case_id) or 0) + 1
        e.position = last[e.case_id]


class CitizenNotice(UuidPk, Base):
    """How and when the citizen was told the outcome (all five regulations require it)."""

    __tablename__ = "citizen_notice"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # langsung, telepon, surat, fasilitator
    told_at: Mapped[datetime]
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    note: Mapped[str] = mapped_column(Text, default="")
