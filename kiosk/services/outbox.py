"""The outbox and the pull cursor as the sync client needs them (no HTTP here).

States of an operation: ``pending`` → ``sending`` (in a batch whose Idempotency-Key is stored
before the first attempt) → ``sent`` / ``conflict`` (delivered; the server keeps a conflict for
review) / ``quarantined`` (refused for good: it holds back only later operations on the same
record, the rest flow). Nothing becomes ``sent`` without the server's explicit answer.
"""

from __future__ import annotations

import contextlib
import ipaddress
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from urllib.parse import urlsplit

from sqlalchemy import CursorResult, and_, exists, func, select, update
from sqlalchemy.orm import Session, aliased

from kiosk import case_rules as rules
from kiosk.clock import utcnow
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.models import Case, CaseEvent, OutboxOperation, SyncState, UpstreamChange
from kiosk.roles import Perm
from kiosk.sealing import Sealer
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action
from kiosk.services.upstream_hold import HELD

PENDING, SENDING, SENT, CONFLICT, QUARANTINED = (
    "pending",
    "sending",
    "sent",
    "conflict",
    "quarantined",
)
DELIVERED = {"accepted": SENT, "duplicate": SENT, "conflict": CONFLICT}
REFUSED = {"id_reuse", "rejected"}


def get_state(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row else default


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


SEALED = "sealed:"


def _sealer(session: Session) -> Sealer:
    sealer: Sealer = session.info["sealer"]()  # set by KioskContext on its sessions
    return sealer


def get_secret(session: Session, key: str) -> str:
    """A token kept sealed (kiosk/sealing.py); one stored in clear by an older version is
    sealed on first read."""
    value = get_state(session, key)
    if not value:
        return ""
    if value.startswith(SEALED):
        return _sealer(session).open(value[len(SEALED) :])
    set_secret(session, key, value)
    return value


def set_secret(session: Session, key: str, value: str) -> None:
    set_state(session, key, SEALED + _sealer(session).seal(value))


def item_of(op: OutboxOperation) -> dict[str, Any]:
    """The operation as the contract's ``Operation`` (deterministic: retries send the same)."""
    return {
        "op_id": str(op.op_id),
        "entity_type": op.entity_type,
        "entity_id": str(op.entity_id),
        "op_type": op.op_type,
        "schema_version": op.schema_version,
        "created_at": op.created_at.isoformat(),
        "payload": op.payload,
    }


@dataclass(frozen=True)
class Batch:
    key: str
    items: list[dict[str, Any]]


def claim_batch(session: Session, limit: int) -> Batch | None:
    """The batch to send: an unfinished one first (same key, same items), else a new one."""
    inflight = session.scalar(
        select(OutboxOperation.batch_key)
        .where(OutboxOperation.state == SENDING)
        .order_by(OutboxOperation.seq)
        .limit(1)
    )
    if inflight:
        ops = session.scalars(
            select(OutboxOperation)
            .where(OutboxOperation.batch_key == inflight, OutboxOperation.state == SENDING)
            .order_by(OutboxOperation.seq)
        ).all()
        return Batch(inflight, [item_of(o) for o in ops])
    earlier = aliased(OutboxOperation)
    held = exists().where(
        and_(
            earlier.entity_id == OutboxOperation.entity_id,
            earlier.state == QUARANTINED,
            earlier.seq < OutboxOperation.seq,
        )
    )
    ops = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.state == PENDING, ~held)
        .order_by(OutboxOperation.seq)
        .limit(limit)
    ).all()
    if not ops:
        return None
    key = uuid.uuid4().hex
    items = [item_of(o) for o in ops]
    session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.seq.in_([o.seq for o in ops]))
        .values(state=SENDING, batch_key=key, attempts=OutboxOperation.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return Batch(key, items)


def release_batch(session: Session, key: str, error: str = "") -> None:
    """Give a batch's items back to the queue (to be sent in smaller batches)."""
    session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.batch_key == key, OutboxOperation.state == SENDING)
        .values(state=PENDING, batch_key=None, last_error=error or None)
    )


def note_failure(session: Session, key: str, error: str) -> None:
    session.execute(
        update(OutboxOperation).where(OutboxOperation.batch_key == key).values(last_error=error)
    )


def quarantine_batch(session: Session, key: str, reason: str) -> None:
    """A single item the server will never take (e.g. larger than its body limit)."""
    session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.batch_key == key, OutboxOperation.state == SENDING)
        .values(state=QUARANTINED, last_error=reason)
    )


@dataclass(frozen=True)
class Applied:
    sent: int = 0
    conflicts: int = 0
    quarantined: int = 0
    retry: int = 0


def apply_results(session: Session, key: str, results: dict[str, dict[str, Any]]) -> Applied:
    """Mark a batch from the server's per-item answer (which the caller has checked is whole).

    One bulk UPDATE for the batch rather than a statement per operation: a batch of 500 is
    marked in milliseconds.
    """
    now = utcnow()
    sent = conflicts = quarantined = retry = 0
    rows = session.execute(
        select(
            OutboxOperation.seq,
            OutboxOperation.op_id,
            OutboxOperation.op_type,
            OutboxOperation.entity_id,
        ).where(OutboxOperation.batch_key == key, OutboxOperation.state == SENDING)
    ).all()
    changes: list[dict[str, Any]] = []
    accepted_cases: list[uuid.UUID] = []
    for seq, op_id, op_type, entity_id in rows:
        result = results[str(op_id)]
        status = result.get("status")
        if status in DELIVERED:
            changes.append(
                {
                    "seq": seq,
                    "state": DELIVERED[status],
                    "sent_at": now,
                    "receipt": result.get("receipt"),
                    "last_error": None,
                }
            )
            sent += status != "conflict"
            conflicts += status == "conflict"
            if op_type == "kasus_dicatat":
                accepted_cases.append(entity_id)
        elif status in REFUSED:
            changes.append(
                {
                    "seq": seq,
                    "state": QUARANTINED,
                    "last_error": f"{status}: {result.get('detail', '')}",
                }
            )
            quarantined += 1
        else:  # "retry" or anything unknown: try again later, never counted as sent
            changes.append({"seq": seq, "state": PENDING, "batch_key": None})
            retry += 1
    for shape in {tuple(sorted(c)) for c in changes}:  # executemany needs one shape per call
        session.execute(update(OutboxOperation), [c for c in changes if tuple(sorted(c)) == shape])
    if accepted_cases:
        session.execute(
            update(Case)
            .where(Case.id.in_(accepted_cases))
            .values(upstream_state="diterima", upstream_accepted_at=now)
            .execution_options(synchronize_session=False)
        )
    return Applied(sent, conflicts, quarantined, retry)


def attention_count(session: Session) -> int:
    """Operations the server refused for good, waiting for someone to look."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(OutboxOperation)
            .where(OutboxOperation.state == QUARANTINED)
        )
        or 0
    )


def max_receipt(session: Session) -> int:
    return int(session.scalar(select(func.max(OutboxOperation.receipt))) or 0)


def resend_above(session: Session, high_water: int) -> int:
    """The server lost operations (restored from a backup): send them again."""
    result = session.execute(
        update(OutboxOperation)
        .where(OutboxOperation.receipt > high_water)
        .values(state=PENDING, receipt=None, batch_key=None, sent_at=None)
    )
    count = int(cast(CursorResult[Any], result).rowcount or 0)  # an UPDATE's result
    if count:
        audit(session, None, "sinkron_kirim_ulang", "outbox", "all", {"count": count})
    return count


def apply_changes(session: Session, changes: list[dict[str, Any]], cursor: str) -> int:
    """Apply kabupaten changes and save the cursor in the same transaction.

    Already-applied changes and the cases concerned are read in two queries for the whole page,
    so a page of a thousand changes costs a few statements, not thousands.
    """
    from kiosk.services.approvals import apply_upstream_decision
    from kiosk.services.referral_answers import apply_referral_answer
    from kiosk.services.review_remote import apply_review_decision

    ids = [str(c.get("change_id", ""))[:40] for c in changes]
    done = set(
        session.scalars(select(UpstreamChange.change_id).where(UpstreamChange.change_id.in_(ids)))
    )
    wanted: set[uuid.UUID] = set()
    for change in changes:
        if change.get("kind") == "case_status":
            with contextlib.suppress(ValueError):
                wanted.add(uuid.UUID(str(change.get("entity_id"))))
    cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(wanted)))}
    applied = 0
    with session.no_autoflush:
        for change, change_id in zip(changes, ids, strict=True):
            if not change_id or change_id in done:
                continue
            done.add(change_id)
            kind = change.get("kind")
            try:
                entity = uuid.UUID(str(change.get("entity_id")))
            except ValueError:
                entity = None
            at = _instant(change.get("at"))
            if kind == "case_status" and entity is not None:
                case = cases.get(entity)
                status = str(change.get("status", ""))
                if case is not None and status in rules.STATUS_LABELS:
                    session.add(
                        CaseEvent(
                            case_id=case.id,
                            kind="status_kabupaten",
                            at=at,
                            from_status=case.status,
                            to_status=status,
                            note=str(change.get("note", ""))[:2000],
                            source="kabupaten",
                            upstream_seq=change_id,
                        )
                    )
                    case.status = status  # the kabupaten owns status (field ownership)
                    case.version = max(case.version, int(change.get("version") or 0))
                    applied += 1
            elif kind == "approval_decision" and entity is not None:
                session.flush()
                result = apply_upstream_decision(
                    session,
                    str(change.get("subject_type", "")),
                    entity,
                    str(change.get("role", "")),
                    str(change.get("decision", "")),
                    str(change.get("note", "")),
                    at,
                )
                applied += result is not None
            elif kind == "referral_answer" and entity is not None:
                applied += apply_referral_answer(session, entity, change, change_id, at)
            elif kind == "review_decision" and entity is not None:
                session.flush()
                applied += apply_review_decision(session, entity, change, at)
            session.add(UpstreamChange(change_id=change_id, applied_at=utcnow()))
    set_state(session, "pull_cursor", cursor)
    return applied


def _instant(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
        return parsed if parsed.tzinfo else utcnow()
    except ValueError:
        return utcnow()


@dataclass(frozen=True)
class SyncOverview:
    """What the status bar and the sync page show."""

    enrolled: bool
    upstream_url: str
    last_success: str
    last_error: str
    waiting: int
    attention: int
    skew_seconds: float | None
    held: int = 0  # messages held until the supervisor's review (upstream_hold.py)


@action(Perm.RUN_SYNC, label="Melihat keadaan sinkronisasi")
def sync_overview(session: Session, actor: Actor) -> SyncOverview:
    counts = dict(
        session.execute(
            select(OutboxOperation.state, func.count()).group_by(OutboxOperation.state)
        ).all()
    )
    skew = get_state(session, "clock_skew_seconds")
    return SyncOverview(
        bool(get_state(session, "refresh_token")),
        get_state(session, "upstream_url"),
        get_state(session, "last_success"),
        get_state(session, "last_error"),
        int(counts.get(PENDING, 0) + counts.get(SENDING, 0)),
        int(counts.get(QUARANTINED, 0)),
        float(skew) if skew else None,
        int(counts.get(HELD, 0)),
    )


def check_upstream_url(url: str) -> str:
    """https only: the tokens and citizens' records cross the open internet. Plain http is
    allowed to this machine alone (a test server, a local tunnel)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    loopback = host == "localhost"
    with contextlib.suppress(ValueError):
        loopback = loopback or ipaddress.ip_address(host).is_loopback
    if parts.scheme == "https" and host:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and loopback:
        return url.strip().rstrip("/")
    raise ValidationError(
        _(
            "Alamat server kabupaten harus diawali https:// (data warga tidak boleh dikirim tanpa "
            "enkripsi). Minta alamat https dari pengelola SLRT kabupaten."
        ),
        code="alamat_bukan_https",
        field="url",
    )


@action(Perm.MANAGE_SITE, label="Mengatur server SLRT kabupaten")
def configure_upstream(session: Session, actor: Actor, url: str, kiosk_id: str) -> None:
    """Where the kabupaten server is (the admin sets it; tokens come from enrolment)."""
    url = check_upstream_url(url)
    set_state(session, "upstream_url", url)
    set_state(session, "kiosk_id", kiosk_id)
    audit(session, actor.id, "sinkron_diatur", "sync", "upstream", {"kiosk_id": kiosk_id})


def save_tokens(session: Session, access: str, refresh: str) -> None:
    """The tokens the kabupaten issued, sealed (the sync engine's, after enrolment or refresh)."""
    set_secret(session, "access_token", access)
    set_secret(session, "refresh_token", refresh)


def record_pass(
    session: Session, now: str, ok: bool, error: str | None, skew: float | None, failures: int
) -> int:
    """What one sync pass leaves for the sync page; returns how many operations need an
    officer's attention."""
    if ok:
        set_state(session, "last_success", now)
        set_state(session, "last_error", "")
    else:
        set_state(session, "last_error", f"{now} {error}")
    if skew is not None:
        set_state(session, "clock_skew_seconds", f"{skew:.0f}")
    set_state(session, "backoff_failures", str(failures))
    return attention_count(session)
