"""The back office's cases: inbox, the full record, status moves, notes, telling the citizen.

Every change writes the case, a timeline event, the audit entry and the outbox operation in the
caller's one transaction. Status rules live in :mod:`kiosk.case_rules`; approvals (resolution,
referral, service product) in :mod:`kiosk.services.approvals`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, false, or_, select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import (
    Case,
    CaseEvent,
    CitizenNotice,
    Person,
)
from kiosk.names import name_key
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import record
from kiosk.services.reference import choices, holidays
from kiosk.services.registry import action
from kiosk.status_link import number_from_scan

EVENT_LABELS = {
    "diterima": "Diterima di front office",
    "status": "Status diubah",
    "catatan": "Catatan analisis",
    "diajukan": "Diajukan untuk persetujuan",
    "disetujui": "Disetujui",
    "ditolak_persetujuan": "Dikembalikan",
    "dikembalikan_dilengkapi": "Dikembalikan untuk dilengkapi",
    "ditolak_kabupaten": "Rujukan ditolak kabupaten",
    "dirujuk": "Dirujuk",
    "pemberitahuan": "Warga diberi tahu",
    "produk": "Produk layanan",
    "status_kabupaten": "Kabar dari kabupaten",
    "jawaban_rujukan": "Jawaban instansi rujukan",
    "tahap": "Tahapan (prosedur Depok)",
    "keluarga_ditambah": "Keluarga terdampak ditambahkan",
    "ditinjau": "Ditinjau sebelum dikirim ke kabupaten",
    "tinjauan_dikembalikan": "Dikembalikan oleh peninjau",
    "diajukan_lagi": "Diperbaiki dan diajukan lagi untuk ditinjau",
    "eskalasi": "Dinaikkan (lewat jatuh tempo)",
    "eskalasi_diterima": "Eskalasi diterima",
}


def event_names_status(kind: str, to_status: str) -> bool:
    """Whether the event's words already name the status it led to (*Diterima di front
    office* for ``diterima``, *Dirujuk* for ``dirujuk``): the timeline says it once."""
    said = EVENT_LABELS.get(kind, "").casefold()
    return said.startswith(rules.STATUS_LABELS.get(to_status, to_status).casefold())


def event_words(kind: str, to_status: str | None) -> str:
    """A timeline line in the core's words: the event, and the status it led to."""
    said = EVENT_LABELS.get(kind) or kind.replace("_", " ").capitalize()
    if not to_status or event_names_status(kind, to_status):
        return said
    return f"{said}: {rules.STATUS_LABELS.get(to_status, to_status)}"


def load_case(session: Session, case_id: uuid.UUID) -> Case:
    found = session.get(Case, case_id)
    if found is None:
        raise NotFound(_("Kasus ini tidak ditemukan. Muat ulang daftar kasus."))
    return found


def set_status(
    session: Session,
    actor_id: uuid.UUID | None,
    case_: Case,
    to_status: str,
    kind: str,
    note: str = "",
    *,
    now: datetime,
    by_engine: bool = False,
    source: str = "lokal",
) -> CaseEvent:
    """Move ``case_`` if the rules allow it; event, audit and outbox in the same transaction."""
    from_status = case_.status
    if not rules.can_move(from_status, to_status, by_engine=by_engine):
        raise Conflict(
            _("Kasus berstatus {0} tidak dapat diubah menjadi {1}.").format(
                rules.STATUS_LABELS.get(from_status, from_status),
                rules.STATUS_LABELS.get(to_status, to_status),
            ),
            code="perpindahan_status",
        )
    case_.status = to_status
    case_.version += 1
    event = CaseEvent(
        case_id=case_.id,
        kind=kind,
        at=now,
        officer_id=actor_id,
        from_status=from_status,
        to_status=to_status,
        note=note,
        source=source,
    )
    session.add(event)
    if source == "lokal":
        record(
            session,
            actor_id,
            "kasus_status",
            "case",
            case_.id,
            payload={
                "tracking_number": case_.tracking_number,
                "from": from_status,
                "to": to_status,
                "kind": kind,
                "note": note,
                "decision": case_.decision,
                "version": case_.version,
                "at": now,
            },
            detail={"from": from_status, "to": to_status},
        )
    return event


@action(Perm.WORK_CASE, label="Memindahkan status kasus")
def move_case(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    to_status: str,
    note: str = "",
    clock: Clock | None = None,
) -> str:
    """A manual move (review, work, reject, close, reopen). Returns the new status."""
    clock = clock or Clock()
    case_ = load_case(session, case_id)
    note = note.strip()
    if rules.needs_note(case_.status, to_status) and not note:
        raise ValidationError(
            _("Tuliskan alasan atau keputusan untuk langkah ini."),
            field="note",
            code="perlu_alasan",
        )
    if to_status == rules.REJECTED:
        case_.decision = note
    if to_status == rules.CLOSED:
        if not (case_.decision or "").strip():
            raise ValidationError(
                _("Kasus belum punya keputusan tertulis. Catat keputusan sebelum menutup."),
                field="note",
                code="perlu_keputusan",
            )
        told = session.scalar(
            select(CitizenNotice.id).where(CitizenNotice.case_id == case_.id).limit(1)
        )
        if told is None:
            raise ValidationError(
                _(
                    "Warga belum diberi tahu hasilnya. Catat pemberitahuan (langsung, telepon, "
                    "surat atau melalui fasilitator) sebelum menutup kasus."
                ),
                field="notice",
                code="belum_diberitahu",
            )
    if to_status == rules.IN_PROGRESS and case_.status in (rules.CLOSED, rules.REFERRED):
        kind = "dibuka_kembali"
    else:
        kind = "status"
    if case_.assigned_to is None and to_status in (rules.REVIEW, rules.IN_PROGRESS):
        case_.assigned_to = actor.id
    set_status(session, actor.id, case_, to_status, kind, note, now=clock.now())
    return to_status


@action(Perm.WORK_CASE, label="Menambah catatan kasus")
def add_note(
    session: Session, actor: Actor, case_id: uuid.UUID, note: str, clock: Clock | None = None
) -> None:
    """An analysis note on the timeline (also sent upstream: the kabupaten sees the analysis)."""
    note = note.strip()
    if not note:
        raise ValidationError(_("Catatan masih kosong."), field="note")
    case_ = load_case(session, case_id)
    now = (clock or Clock()).now()
    session.add(CaseEvent(case_id=case_.id, kind="catatan", at=now, officer_id=actor.id, note=note))
    record(
        session,
        actor.id,
        "kasus_catatan",
        "case",
        case_.id,
        payload={"tracking_number": case_.tracking_number, "note": note, "at": now},
    )


@action(Perm.WORK_CASE, label="Mencatat pemberitahuan hasil kepada warga")
def record_notice(
    session: Session,
    actor: Actor,
    case_id: uuid.UUID,
    method: str,
    note: str = "",
    clock: Clock | None = None,
) -> None:
    """How and when the citizen was told the outcome (all five regulations ask for it)."""
    methods = {c.code: c.label for c in choices(session, "cara_pemberitahuan")}
    if method not in methods:
        raise ValidationError(_("Pilih cara pemberitahuan."), field="method")
    case_ = load_case(session, case_id)
    if case_.status not in rules.DECIDED:
        raise Conflict(
            _(
                "Kasus ini belum punya hasil untuk diberitahukan. Selesaikan, rujuk, atau "
                "tolak dulu."
            ),
            code="belum_ada_hasil",
        )
    now = (clock or Clock()).now()
    session.add(
        CitizenNotice(
            case_id=case_.id, method=method, told_at=now, officer_id=actor.id, note=note.strip()
        )
    )
    session.add(
        CaseEvent(
            case_id=case_.id,
            kind="pemberitahuan",
            at=now,
            officer_id=actor.id,
            note=f"{methods[method]}. {note.strip()}".strip(". ")
            if note.strip()
            else methods[method],
        )
    )
    record(
        session,
        actor.id,
        "kasus_pemberitahuan",
        "case",
        case_.id,
        payload={"tracking_number": case_.tracking_number, "method": method, "at": now},
        detail={"method": method},
    )


@dataclass(frozen=True)
class CaseRow:
    """One line of the inbox."""

    id: uuid.UUID
    tracking_number: str
    name: str
    desk: str
    desk_label: str
    kind: str
    status: str
    status_label: str
    due_on: date | None
    health: str
    health_label: str
    emergency: bool
    sensitive: bool
    created_at: datetime
    upstream_state: str


@action(Perm.WORK_CASE, label="Melihat kotak masuk kasus")
def case_inbox(
    session: Session,
    actor: Actor,
    desk: str | None = None,
    status: str | None = None,
    health: str | None = None,
    text: str = "",
    include_finished: bool = False,
    clock: Clock | None = None,
    limit: int = 500,
) -> list[CaseRow]:
    """Cases by desk; emergencies first, then the nearest due date."""
    today = (clock or Clock()).today()
    days_off = holidays(session)
    desks = {c.code: c.label for c in choices(session, "meja_layanan")}
    query = select(Case, Person.name).join(Person, Person.id == Case.person_id, isouter=True)
    if desk:
        query = query.where(Case.desk == desk)
    if status:
        query = query.where(Case.status == status)
    elif not include_finished:
        query = query.where(Case.status.in_(rules.OPEN | rules.OUTCOMES))
    text = number_from_scan(text.strip())  # a receipt's QR read by the scanner: its number
    if text:
        key = name_key(text)
        query = query.where(
            or_(
                Case.tracking_number.ilike(f"%{text}%"),
                Person.nik == text,
                Person.name_key.like(f"{key}%") if key else false(),
                Case.community.ilike(f"%{text}%"),
            )
        )
    open_first = case((Case.status.in_(rules.OPEN), 0), else_=1)
    emergency_first = case((Case.emergency & Case.status.in_(rules.OPEN), 0), else_=1)
    query = query.order_by(
        emergency_first, open_first, Case.due_on.is_(None), Case.due_on, Case.created_at
    ).limit(limit)
    rows = []
    for c, name in session.execute(query):
        h = rules.health(c.status, c.due_on, today, days_off)
        if health and h != health:
            continue
        rows.append(
            CaseRow(
                c.id,
                c.tracking_number,
                name or (f"Komunitas: {c.community}" if c.community else "-"),
                c.desk,
                desks.get(c.desk, c.desk),
                c.kind,
                c.status,
                rules.STATUS_LABELS.get(c.status, c.status),
                c.due_on,
                h,
                rules.HEALTH_LABELS[h],
                c.emergency,
                c.sensitive,
                c.created_at,
                c.upstream_state,
            )
        )
    return rows
