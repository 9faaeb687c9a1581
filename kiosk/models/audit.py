"""Audit trail and the upstream outbox: written in the same transaction as the change."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UuidPk


class AuditEntry(UuidPk, Base):
    """Who did what to which record. ``detail`` holds field names and codes, never NIKs or names."""

    __tablename__ = "audit_entry"

    at: Mapped[datetime] = mapped_column(index=True)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("officer.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(40), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The hash chain (kiosk/audit_chain.py fills these at flush): an edit or a deletion shows.
    seq: Mapped[int | None] = mapped_column(unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the number and hash of the newest audit entry (a deleted last entry shows)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))


class OutboxOperation(Base):
    """An immutable operation waiting to go to the kabupaten; an edit is a new operation.

    ``seq`` keeps local order; ``op_id`` is the idempotency identity the server deduplicates on.
    """

    __tablename__ = "outbox_operation"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op_type: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    schema_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    batch_key: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    # The server's receipt number: if the server reports a lower high-water mark (restored
    # from a backup), everything above it is sent again.
    receipt: Mapped[int | None]


class UpstreamChange(Base):
    """A status change from the kabupaten already applied (so a repeat is harmless)."""

    __tablename__ = "upstream_change"

    change_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    applied_at: Mapped[datetime]


class SyncState(Base):
    """Small key/value facts about sync (pull cursor, last success, server clock skew)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NumberSequence(Base):
    """Counters for numbers citizens see; allocated locally so they work offline."""

    __tablename__ = "number_sequence"

    scope: Mapped[str] = mapped_column(String(60), primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)
