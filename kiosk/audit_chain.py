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
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, event, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.clock import utcnow
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
    if locked.rowcount == 0 and not _mark_lost_head(session, table):
        # another counter rebuilt it a moment ago: lock that one
        conn.execute(update(table).where(table.c.id == 1).values(seq=table.c.seq))
    seq, prev = conn.execute(select(table.c.seq, table.c.hash).where(table.c.id == 1)).one()
    for entry in sorted(entries, key=lambda e: e.at):
        seq += 1
        entry.seq, entry.prev_hash = seq, prev
        entry.hash = prev = _hash_of(entry, entry.prev_hash)
    conn.execute(update(table).where(table.c.id == 1).values(seq=seq, hash=prev))


LOST_HEAD = "kepala_rantai_hilang"


def _mark_lost_head(session: Session, table: Table) -> bool:
    """The head row is gone (every migrated database has one since 0007): someone deleted it.

    The counters keep working (refusing every write would also refuse the administrator's
    log-in that ``audit verify`` needs), but the break is written into the chain itself: the
    head is rebuilt from the newest entry still present and a ``kepala_rantai_hilang`` entry is
    chained next, which :func:`verify` reports for good. Rebuilding silently would hide the
    deletion; inserting a fresh genesis head would collide with the numbers already used.
    False when another counter rebuilt the head first (its marker is the one kept)."""
    conn = session.connection()
    last = conn.execute(
        select(AuditEntry.seq, AuditEntry.hash)
        .where(AuditEntry.seq.is_not(None))  # this transaction's own rows are not chained yet
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    seq, prev = (int(last[0]), str(last[1])) if last and last[0] is not None else (0, GENESIS)
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    claimed = conn.execute(
        insert(table)
        .values(id=1, seq=seq + 1, hash=prev)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(table.c.id)
    ).first()
    if claimed is None:
        return False
    marker = AuditEntry(
        id=uuid.uuid4(),
        at=utcnow(),
        officer_id=None,
        action=LOST_HEAD,
        entity_type="audit",
        entity_id="audit_head",
        detail={"entri_terakhir": seq},
        seq=seq + 1,
        prev_hash=prev,
    )
    marker.hash = _hash_of(marker, prev)
    audit_table = cast(Table, AuditEntry.__table__)
    conn.execute(
        audit_table.insert().values({c.key: getattr(marker, c.key) for c in audit_table.columns})
    )
    conn.execute(update(table).where(table.c.id == 1).values(hash=marker.hash))
    return True


def upstream_head(session: Session, previous_seq: int | None) -> dict[str, Any]:
    """The head as the kabupaten receives it (contract 1.1), with the hash this chain holds now
    at the number the kabupaten acknowledged last: a cut or rewritten chain cannot repeat it."""
    head = session.get(AuditHead, 1)
    seq, digest = (head.seq, head.hash) if head else (0, GENESIS)
    body: dict[str, Any] = {"seq": seq, "hash": digest}
    if previous_seq is not None:
        there = (
            GENESIS
            if previous_seq == 0
            else session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == previous_seq))
        )
        body["previous"] = {"seq": previous_seq, "hash": there or GENESIS.replace("0", "f")}
    return body


@dataclass(frozen=True)
class Anchor:
    """A head kept outside this database (the last one the kabupaten acknowledged)."""

    seq: int
    hash: str
    where: str = "kabupaten"


@dataclass(frozen=True)
class ChainCheck:
    """The verdict: how many entries were checked and the first broken link, if any."""

    checked: int
    broken_at: int | None = None  # sequence number of the first entry that does not fit
    reason: str = ""
    anchor: int | None = None  # the number of the outside head the chain was compared with

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _entry_problem(
    e: AuditEntry, expected: int, prev: str, anchor: Anchor | None
) -> tuple[int, str] | None:
    """Why entry ``e`` does not fit where the walk expects it: (its number, the reason)."""
    if e.seq != expected:
        missing = f"entri no. {expected} hilang" if (e.seq or 0) > expected else "nomor ganda"
        return expected, f"Rantai terputus: {missing}."
    if e.prev_hash != prev:
        return expected, "Tautan ke entri sebelumnya tidak cocok."
    if _hash_of(e, prev) != e.hash:
        return expected, "Isi entri diubah setelah dicatat."
    if anchor is not None and e.seq == anchor.seq and e.hash != anchor.hash:
        return expected, (
            f"Entri no. {expected} berbeda dengan kepala yang sudah diterima {anchor.where}: "
            "jejak audit ditulis ulang sejak itu."
        )
    if e.action == LOST_HEAD:
        return expected, (
            "Kepala rantai audit pernah dihapus; rantai disambung lagi dari entri no. "
            f"{expected - 1}. Entri sesudahnya mungkin telah dihapus. Bandingkan dengan cadangan "
            "atau kepala yang diterima kabupaten."
        )
    return None


def _head_problem(
    session: Session, last_seq: int, prev: str, anchor: Anchor | None
) -> tuple[int, str] | None:
    """What the end of the walk says against the head row and the head kept outside."""
    head = session.get(AuditHead, 1)
    if head is None:
        return last_seq + 1, (
            "Kepala rantai audit (audit_head) hilang: jejak audit mungkin dipotong atau dihapus."
        )
    if (head.seq, head.hash) != (last_seq, prev):
        return last_seq + 1, f"Entri terakhir (no. {head.seq}) hilang atau kepala rantai diubah."
    if anchor is not None and last_seq < anchor.seq:
        return last_seq + 1, (
            f"Entri no. {last_seq + 1} sampai {anchor.seq} sudah diterima {anchor.where} tetapi "
            "tidak ada lagi di sini: jejak audit dipotong dan kepalanya dimundurkan."
        )
    return None


def verify(
    session: Session,
    batch: int = 5000,
    anchor: Anchor | None = None,
    since: tuple[int, str] | None = None,
) -> ChainCheck:
    """Walk the chain from the first entry; stop at the first that does not fit. With an
    ``anchor`` (a head kept outside this database) the chain must also still hold it: a tail
    cut consistently, head and all, shows only against such a head.

    ``since`` (the number and hash of the last entry an earlier walk found sound) walks only
    what came after it: the entry there must still carry that hash and its content, and the
    count up to it must still be whole (an earlier deletion shows); an edit further back shows
    only to the full walk (``audit verify --full``). ``checked`` counts the entries walked."""
    expected, prev, checked = 1, GENESIS, 0
    mark = anchor.seq if anchor else None
    query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=batch)
    if since is not None and since[0] > 0:
        problem = _resume_problem(session, since, anchor)
        if problem:
            return ChainCheck(0, problem[0], problem[1], mark)
        expected, prev = since[0] + 1, since[1]
        query = query.where(AuditEntry.seq > since[0])
    for e in session.scalars(query):
        problem = _entry_problem(e, expected, prev, anchor)
        if problem:
            return ChainCheck(checked, problem[0], problem[1], mark)
        prev, expected, checked = e.hash or "", expected + 1, checked + 1
        session.expunge(e)
    problem = _head_problem(session, expected - 1, prev, anchor)
    if problem:
        return ChainCheck(checked, problem[0], problem[1], mark)
    return ChainCheck(checked, anchor=mark)


def _resume_problem(
    session: Session, since: tuple[int, str], anchor: Anchor | None
) -> tuple[int, str] | None:
    """Whether the walk may start after entry ``since``: it is still there, unchanged, with as
    many entries before it as its number says, and holding the outside head if that is older."""
    seq, digest = since
    e = session.scalar(select(AuditEntry).where(AuditEntry.seq == seq))
    if e is None or e.hash != digest or _hash_of(e, e.prev_hash or "") != digest:
        return seq, "Entri yang terakhir diperiksa telah diubah atau dihapus."
    count = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.seq <= seq)
    )
    if count != seq:
        return seq, "Rantai terputus: ada entri lama yang hilang atau bernomor ganda."
    if anchor is not None and anchor.seq <= seq:
        there = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq))
        if anchor.seq > 0 and there != anchor.hash:
            return anchor.seq, (
                f"Entri no. {anchor.seq} berbeda dengan kepala yang sudah diterima "
                f"{anchor.where}: jejak audit ditulis ulang sejak itu."
            )
    return None
