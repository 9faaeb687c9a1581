"""Audit entries and outbox operations, written beside the change they describe."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.clock import utcnow
from kiosk.models import AuditEntry, OutboxOperation
from kiosk.services.upstream_hold import HELD, held

SCHEMA_VERSION = 1


def audit(
    session: Session,
    officer_id: uuid.UUID | None,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID | str,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record who did what. ``detail`` must hold codes and field names, never personal data."""
    entry = AuditEntry(
        at=utcnow(),
        officer_id=officer_id,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        detail=detail or {},
    )
    session.add(entry)
    return entry


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def enqueue(
    session: Session,
    entity_type: str,
    entity_id: uuid.UUID,
    op_type: str,
    payload: dict[str, Any],
) -> OutboxOperation:
    """Queue an immutable operation for the kabupaten (an edit is a new operation); one about a
    case waiting for the supervisor's review is held (kiosk/services/upstream_hold.py)."""
    state = HELD if held(session, entity_type, entity_id, payload) else "pending"
    op = OutboxOperation(
        op_id=uuid.uuid4(),
        entity_type=entity_type,
        entity_id=entity_id,
        op_type=op_type,
        payload=_jsonable(payload),
        schema_version=SCHEMA_VERSION,
        created_at=utcnow(),
        state=state,
    )
    session.add(op)
    return op


def record(
    session: Session,
    officer_id: uuid.UUID | None,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    payload: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Audit and, when ``payload`` is given, queue upstream: the usual pair for a change."""
    audit(session, officer_id, action, entity_type, entity_id, detail)
    if payload is not None:
        enqueue(session, entity_type, entity_id, action, payload)
