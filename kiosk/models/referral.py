"""Referrals, service products and the ordered approvals both need."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, Stamped, UuidPk


class Referral(UuidPk, Stamped, Base):
    """A case sent onward (village body, Sekretariat Teknis, OPD, province, ministry, NGO)."""

    __tablename__ = "referral"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    destination_code: Mapped[str] = mapped_column(String(40))
    destination_kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[str] = mapped_column(Text, default="")  # what the destination is asked to do
    round: Mapped[int] = mapped_column(default=1)
    consent_given: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime | None]
    consent_method: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="draf")
    letter_number: Mapped[str | None] = mapped_column(String(60))
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))


class ServiceProduct(UuidPk, Stamped, Base):
    """Produk layanan (Empat Lawang art. 13): draft, approve, sign, hand over."""

    __tablename__ = "service_product"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_case.id"), index=True)
    product_code: Mapped[str] = mapped_column(String(30))  # sktm, surat_keterangan_dtks …
    statement: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    round: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(20), default="draf")
    drafted_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("officer.id"))
    signed_by_name: Mapped[str | None] = mapped_column(String(120))
    signed_at: Mapped[datetime | None]
    handed_over_at: Mapped[datetime | None]
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("printed_document.id"))


class ApprovalStep(UuidPk, Base):
    """One ordered step of an approval (coordinator, then supervisor, then manager …).

    ``subject_type``/``subject_id`` point at a referral, a resolution or a service product, so
    one approval engine serves all three.
    """

    __tablename__ = "approval_step"
    __table_args__ = (UniqueConstraint("subject_type", "subject_id", "round", "position"),)

    subject_type: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[uuid.UUID] = mapped_column(index=True)
    round: Mapped[int] = mapped_column(default=1)  # a resubmission after rejection opens round 2
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(12), default="menunggu")
    at_kabupaten: Mapped[bool] = mapped_column(default=False)  # decided upstream, via sync
    decided_at: Mapped[datetime | None]
    profile: Mapped[str] = mapped_column(String(64), default="umum@1", server_default="umum@1")


class ApprovalVote(UuidPk, Base):
    """A recorded decision on a step, with the reason when it rejects."""

    __tablename__ = "approval_vote"

    step_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("approval_step.id"), index=True)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    decision: Mapped[str] = mapped_column(String(10))  # setuju / tolak
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]


class PrintedDocument(UuidPk, Base):
    """A document issued to someone: kept so it can be reprinted and verified later."""

    __tablename__ = "printed_document"

    kind: Mapped[str] = mapped_column(String(30))  # tanda_terima, surat_rujukan, sktm …
    number: Mapped[str] = mapped_column(String(60), unique=True)
    subject_type: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[uuid.UUID] = mapped_column(index=True)
    provisional: Mapped[bool] = mapped_column(default=True)  # "sementara" until accepted upstream
    created_at: Mapped[datetime]
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    content_sha256: Mapped[str] = mapped_column(String(64), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)


class PrintJob(UuidPk, Stamped, Base):
    """Bytes for a printer. Kept whatever the printer says, so nothing is lost to a dead printer."""

    __tablename__ = "print_job"

    kind: Mapped[str] = mapped_column(String(20))  # tiket, tanda_terima, dokumen
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("printed_document.id"))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("queue_ticket.id"))
    # What the slip is for, as the officer looks for it: "A001", or a receipt's tracking number.
    reference: Mapped[str] = mapped_column(String(40), default="", server_default="")
    printer_uri: Mapped[str] = mapped_column(String(200), default="")
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(
        String(12), default="antri"
    )  # antri, terkirim, belum_pasti, gagal
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
