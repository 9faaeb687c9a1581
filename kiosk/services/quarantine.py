"""Operations the kabupaten refused for good: listed with the server's reason and the record
they concern, then sent again (after the record or the server was fixed) or dropped with a
reason. Both are the administrator's, and audited.

A quarantined operation holds back later operations on the same record (they would build on
it); a dropped one no longer does, and is never sent. Nothing is deleted: a dropped operation
stays in the outbox with its reason, for the audit and for the kabupaten to ask about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.errors import ValidationError
from kiosk.identity import mask_niks_in_text
from kiosk.messages import _
from kiosk.models import Case, OutboxOperation, Person
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.outbox import PENDING, QUARANTINED
from kiosk.services.registry import action

DROPPED = "dropped"


@dataclass(frozen=True)
class QuarantinedOp:
    seq: int
    op_type: str  # in words: "kasus dicatat"
    record: str  # what it concerns: a case's tracking number, a person's name
    reason: str  # the server's, as it gave it
    created_at: datetime


_KINDS = {
    "household": "keluarga",
    "referral": "rujukan",
    "approval": "persetujuan",
    "service_product": "produk layanan",
    "prelist": "usulan pra-daftar",
    "visit": "kunjungan",
    "officer": "petugas",
    "site": "data kantor",
}


def _record(session: Session, op: OutboxOperation) -> str:
    if op.entity_type == "case":
        number = session.scalar(select(Case.tracking_number).where(Case.id == op.entity_id))
        return f"kasus {number or op.payload.get('tracking_number') or str(op.entity_id)[:8]}"
    if op.entity_type == "person":
        name = session.scalar(select(Person.name).where(Person.id == op.entity_id))
        return f"warga {name}" if name else f"warga {str(op.entity_id)[:8]}"
    kind = _KINDS.get(op.entity_type, op.entity_type.replace("_", " "))
    return f"{kind} {str(op.entity_id)[:8]}"


@action(Perm.RUN_SYNC, label="Melihat data yang ditolak server")
def quarantined(session: Session, actor: Actor, limit: int = 200) -> list[QuarantinedOp]:
    """The refused operations, oldest first."""
    ops = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.state == QUARANTINED)
        .order_by(OutboxOperation.seq)
        .limit(limit)
    ).all()
    return [
        QuarantinedOp(
            o.seq,
            o.op_type.replace("_", " "),
            _record(session, o),
            o.last_error or "",
            o.created_at,
        )
        for o in ops
    ]


def _move(session: Session, seqs: list[int] | None, **values: object) -> list[int]:
    """Set ``values`` on the refused operations among ``seqs`` (None: all); their numbers."""
    query = select(OutboxOperation.seq).where(OutboxOperation.state == QUARANTINED)
    if seqs is not None:
        query = query.where(OutboxOperation.seq.in_(seqs))
    chosen = list(session.scalars(query.order_by(OutboxOperation.seq)))
    if chosen:
        session.execute(
            update(OutboxOperation).where(OutboxOperation.seq.in_(chosen)).values(**values)
        )
    return chosen


@action(Perm.MANAGE_SITE, label="Mengirim ulang data yang ditolak server")
def retry(session: Session, actor: Actor, seqs: list[int] | None = None) -> int:
    """Queue refused operations again (``None``: all of them); how many were queued."""
    chosen = _move(session, seqs, state=PENDING, batch_key=None)
    if not chosen:
        return 0
    audit(session, actor.id, "sinkron_coba_lagi", "outbox", "karantina", {"seq": chosen})
    return len(chosen)


@action(Perm.MANAGE_SITE, label="Membuang data yang ditolak server")
def drop(session: Session, actor: Actor, seqs: list[int], reason: str) -> int:
    """Give up on refused operations, saying why; later operations on their records flow."""
    reason = " ".join(reason.split())
    if len(reason) < 10:
        raise ValidationError(
            _(
                "Tulis alasan membuang data ini (paling sedikit 10 huruf), mis. 'kasus ganda, "
                "sudah dicatat ulang sebagai kasus lain'."
            ),
            field="reason",
        )
    chosen = _move(session, seqs, state=DROPPED, last_error=f"dibuang: {reason}"[:500])
    if not chosen:
        return 0
    audit(
        session,
        actor.id,
        "sinkron_dibuang",
        "outbox",
        "karantina",
        {"seq": chosen, "alasan": mask_niks_in_text(reason)},
    )
    return len(chosen)
