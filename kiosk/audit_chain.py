"""The audit trail as a hash chain: an entry edited or deleted behind the kiosk's back shows.

Each audit entry carries a sequence number, the hash of the entry before it and a hash of its
own content with that link (SHA-256). ``audit_head`` holds the last number and hash, so a
deleted *last* entry shows too. The chain is extended just before commit: the head row is
updated first, which takes the write lock on SQLite and a row lock on PostgreSQL, so two
counters writing at once queue up instead of forking the chain; being the transaction's last
lock, it cannot close a deadlock cycle with the rows the action itself locked.

This is tamper-*evidence*, not prevention: someone with the file can rewrite the whole chain.
The head is therefore also what a backup or the kabupaten can keep to compare later.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, event, select, update
from sqlalchemy.orm import Session

from kiosk.models.audit import AuditEntry, AuditHead

GENESIS = "0" * 64


def entry_hash(
    seq: int,
    at: datetime,
    officer_id: Any,
    action: str,
    entity_type: str,
    entity_id: str,
    detail: dict[str, Any] | None,
    prev_hash: str,
) -> str:
    """SHA-256 of the entry's content and its link, in a form both databases give back alike."""
    stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    body = json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    text = "|".join(
        [str(seq), stamp, str(officer_id or ""), action, entity_type, entity_id, body, prev_hash]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _hash_of(e: AuditEntry, prev: str) -> str:
    assert e.seq is not None
    return entry_hash(
        e.seq, e.at, e.officer_id, e.action, e.entity_type, e.entity_id, e.detail, prev
    )


_PENDING = "audit_chain_pending"


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _ctx: Any, _instances: Any) -> None:
    """Remember this transaction's new entries; they are chained at commit."""
    pending = session.info.setdefault(_PENDING, [])
    known = {id(e) for e in pending}
    pending.extend(
        o
        for o in session.new
        if isinstance(o, AuditEntry) and o.hash is None and id(o) not in known
    )


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "before_commit")
def _extend_chain(session: Session) -> None:
    """Chain the transaction's entries as its last step. The head row is locked last of all the
    rows a transaction touches, so two counters never wait on each other in opposite orders
    (locking it at the first flush deadlocked queue calls on PostgreSQL)."""
    session.flush()  # every other row this transaction changes is written (and locked) first
    entries = [e for e in session.info.pop(_PENDING, []) if e.hash is None]
    if not entries:
        return
    conn = session.connection()
    table = cast(Table, AuditHead.__table__)  # declared with a Table, typed as FromClause
    # Lock first, read second: the head cannot move between our read and our commit.
    locked = conn.execute(update(table).where(table.c.id == 1).values(seq=table.c.seq))
    if locked.rowcount == 0:
        conn.execute(table.insert().values(id=1, seq=0, hash=GENESIS))
    seq, prev = conn.execute(select(table.c.seq, table.c.hash).where(table.c.id == 1)).one()
    for entry in sorted(entries, key=lambda e: e.at):
        seq += 1
        entry.seq, entry.prev_hash = seq, prev
        entry.hash = prev = _hash_of(entry, entry.prev_hash)
    conn.execute(update(table).where(table.c.id == 1).values(seq=seq, hash=prev))


@dataclass(frozen=True)
class ChainCheck:
    """The verdict: how many entries were checked and the first broken link, if any."""

    checked: int
    broken_at: int | None = None  # sequence number of the first entry that does not fit
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, batch: int = 5000) -> ChainCheck:
    """Walk the chain from the first entry; stop at the first that does not fit."""
    expected, prev, checked = 1, GENESIS, 0
    last_seq = 0
    query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=batch)
    for e in session.scalars(query):
        if e.seq != expected:
            missing = f"entri no. {expected} hilang" if (e.seq or 0) > expected else "nomor ganda"
            return ChainCheck(checked, expected, f"Rantai terputus: {missing}.")
        if e.prev_hash != prev:
            return ChainCheck(checked, e.seq, "Tautan ke entri sebelumnya tidak cocok.")
        if _hash_of(e, prev) != e.hash:
            return ChainCheck(checked, e.seq, "Isi entri diubah setelah dicatat.")
        prev, last_seq, expected, checked = e.hash, e.seq, expected + 1, checked + 1
        session.expunge(e)
    head = session.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if (head_seq, head_hash) != (last_seq, prev):
        return ChainCheck(
            checked,
            last_seq + 1,
            f"Entri terakhir (no. {head_seq}) hilang atau kepala rantai diubah.",
        )
    return ChainCheck(checked)
