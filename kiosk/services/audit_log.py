"""Reading the audit trail: filtered lists for the audit page and a check of the hash chain.

Rows carry codes, usernames and record ids, never a citizen's name or NIK: the trail itself
holds none (kiosk/services/journal.py), and this view adds none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.audit_chain import Anchor, ChainCheck, verify
from kiosk.models import AuditEntry, AuditHead, Officer, SyncState
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action


@dataclass(frozen=True)
class AuditRow:
    """One entry as the audit page shows it."""

    seq: int
    at: datetime
    officer: str  # username, or "-" for the system and unknown log-in names
    action: str
    entity_type: str
    entity_id: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditFilter:
    """What the officer narrows the list by; empty fields do not narrow."""

    officer: str = ""
    action: str = ""
    record: str = ""
    since: datetime | None = None
    until: datetime | None = None


@action(Perm.VIEW_AUDIT, label="Melihat jejak audit")
def audit_log(
    session: Session, actor: Actor, where: AuditFilter | None = None, limit: int = 500
) -> list[AuditRow]:
    """The newest entries first, narrowed by ``where``."""
    where = where or AuditFilter()
    stmt = select(AuditEntry, Officer.username).outerjoin(
        Officer, Officer.id == AuditEntry.officer_id
    )
    if where.officer:
        stmt = stmt.where(func.lower(Officer.username) == where.officer.strip().lower())
    if where.action:
        stmt = stmt.where(AuditEntry.action == where.action)
    if where.record:
        stmt = stmt.where(AuditEntry.entity_id == where.record.strip())
    if where.since:
        stmt = stmt.where(AuditEntry.at >= where.since)
    if where.until:
        stmt = stmt.where(AuditEntry.at < where.until)
    stmt = stmt.order_by(AuditEntry.seq.desc()).limit(limit)
    return [
        AuditRow(e.seq or 0, e.at, name or "-", e.action, e.entity_type, e.entity_id, e.detail)
        for e, name in session.execute(stmt)
    ]


@action(Perm.VIEW_AUDIT, label="Melihat daftar jenis tindakan di jejak audit")
def audit_actions(session: Session, actor: Actor) -> list[str]:
    """Every action name in the trail, for the page's filter list."""
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


VERIFIED_KEY = "audit_diperiksa_sampai"  # "seq:hash" of the head the last sound walk reached


@action(Perm.VIEW_AUDIT, label="Memeriksa keutuhan rantai jejak audit")
def verify_audit(
    session: Session, actor: Actor, anchor: Anchor | None = None, full: bool = False
) -> ChainCheck:
    """Walk the chain from where the last sound walk ended (every entry with ``full``, or when
    none did), against the head the kabupaten acknowledged last when the caller could fetch
    it; the check itself is audited (after the walk, so it counts next). A walk over a million
    entries takes most of a minute; the entries since yesterday's take milliseconds."""
    mark = None if full else session.get(SyncState, VERIFIED_KEY)
    since = None
    if mark is not None:
        seq, _sep, digest = mark.value.partition(":")
        since = (int(seq), digest) if seq.isdigit() else None
    result = verify(session, anchor=anchor, since=since)
    detail: dict[str, Any] = {"diperiksa": result.checked, "penuh": since is None}
    if since is not None:
        detail["mulai_sesudah"] = since[0]
    if anchor is not None:
        detail["dibandingkan_dengan"] = anchor.seq
    if result.ok:
        head = session.get(AuditHead, 1)
        if head is not None:
            session.merge(SyncState(key=VERIFIED_KEY, value=f"{head.seq}:{head.hash}"))
    audit(session, actor.id, "audit_diperiksa", "audit", str(result.broken_at or "utuh"), detail)
    return result
