"""Print jobs and issued documents: stored before a byte reaches the printer.

A cheap thermal printer can be off, out of paper, or swallow data silently; a write is never
proof of print. So every ticket and receipt is a job kept in the database, shown on screen,
and reprintable from the list of recent jobs.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import Clock, utcnow
from kiosk.errors import NotFound, PermissionDenied
from kiosk.messages import _
from kiosk.models import PrintedDocument, PrintJob, QueueTicket
from kiosk.roles import Perm, permissions_of
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.numbers import current_site, next_value
from kiosk.services.registry import acting_officer, action

JOB_LABELS = {"tiket": "Tiket antrian", "tanda_terima": "Tanda terima", "dokumen": "Dokumen"}
DOCUMENT_CODES = {
    "formulir_registrasi": "REG",
    "tanda_terima": "TT",
    "surat_rujukan": "RJK",
    "usulan_daftar_awal": "DA",
    "produk_layanan": "PL",
    "surat_pemberitahuan": "SP",
}


@dataclass(frozen=True)
class PrintJobView:
    """A job as the recent-jobs list shows it."""

    id: uuid.UUID
    kind: str
    title: str
    printer_uri: str
    status: str  # antri, terkirim, belum_pasti, gagal
    attempts: int
    last_error: str | None
    created_at: datetime
    reference: str = ""  # the ticket's number or the receipt's tracking number


def _view(job: PrintJob, title: str = "") -> PrintJobView:
    return PrintJobView(
        job.id,
        job.kind,
        title or JOB_LABELS.get(job.kind, job.kind),
        job.printer_uri,
        job.status,
        job.attempts,
        job.last_error,
        job.created_at,
        job.reference or "",
    )


def _own_ticket_only(
    session: Session, actor: Actor, kind: str, ticket_id: uuid.UUID | None
) -> None:
    """An account that may print only its own tickets (the door screen) gets no further.

    Judged on the stored roles, as the action's check was, so a role removed a minute ago
    counts."""
    officer = acting_officer(session, actor)
    if Perm.PRINT in permissions_of(r.role for r in officer.roles):
        return
    ticket = session.get(QueueTicket, ticket_id) if ticket_id else None
    if kind != "tiket" or ticket is None or ticket.issued_by != actor.id:
        raise PermissionDenied(
            _(
                "Akun layar antrian hanya boleh mencetak tiket antrian yang diambil di layar "
                "ini. Minta petugas loket untuk mencetak yang lain."
            ),
            code=f"tidak_berwenang:{Perm.PRINT.value}",
        )


@action(Perm.PRINT, Perm.PRINT_OWN_TICKET, label="Menyimpan pekerjaan cetak")
def queue_print_job(
    session: Session,
    actor: Actor,
    kind: str,
    payload: bytes,
    printer_uri: str,
    *,
    ticket_id: uuid.UUID | None = None,
    document_id: uuid.UUID | None = None,
    reference: str = "",
) -> PrintJobView:
    """Keep the bytes first; sending is a separate step whose result is recorded after."""
    _own_ticket_only(session, actor, kind, ticket_id)
    job = PrintJob(
        id=uuid.uuid4(),
        kind=kind,
        payload=payload,
        printer_uri=printer_uri,
        ticket_id=ticket_id,
        document_id=document_id,
        reference=reference[:40],
        status="antri",
    )
    session.add(job)
    session.flush()
    audit(session, actor.id, "cetak_diantrikan", "print_job", job.id, {"kind": kind})
    return _view(job)


def _job(session: Session, job_id: uuid.UUID) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound(_("Pekerjaan cetak tidak ditemukan."))
    return job


@action(Perm.PRINT, Perm.PRINT_OWN_TICKET, label="Mencatat hasil cetak")
def record_print_result(
    session: Session,
    actor: Actor,
    job_id: uuid.UUID,
    ok: bool,
    error: str | None = None,
    certain: bool = True,
) -> PrintJobView:
    """What the printer said: sent, failed with the officer's message, or written without an
    answer ("belum pasti": a printer that accepts and never prints must not read "terkirim")."""
    job = _job(session, job_id)
    _own_ticket_only(session, actor, job.kind, job.ticket_id)
    job.attempts += 1
    job.status = ("terkirim" if certain else "belum_pasti") if ok else "gagal"
    job.last_error = error
    event = {"terkirim": "cetak_terkirim", "belum_pasti": "cetak_belum_pasti"}
    audit(session, actor.id, event.get(job.status, "cetak_gagal"), "print_job", job.id)
    return _view(job)


@action(Perm.PRINT, label="Mengambil isi cetakan untuk cetak ulang")
def job_payload(session: Session, actor: Actor, job_id: uuid.UUID) -> tuple[bytes, str]:
    """Bytes and printer of a stored job, for a reprint."""
    job = _job(session, job_id)
    return job.payload, job.printer_uri


@action(Perm.PRINT, label="Melihat cetakan terakhir")
def recent_print_jobs(session: Session, actor: Actor, limit: int = 30) -> list[PrintJobView]:
    rows = session.scalars(select(PrintJob).order_by(PrintJob.created_at.desc()).limit(limit))
    return [_view(j) for j in rows]


def next_document_number(session: Session, kind: str, clock: Clock | None = None) -> str:
    """``<code>/<office>/<serial>/<year>``, the way village letters are numbered."""
    clock = clock or Clock()
    site = current_site(session)
    office = site.office_code if site else "PUSKESOS"
    year = clock.today().year
    serial = next_value(session, f"dokumen:{DOCUMENT_CODES[kind]}:{year}")
    return f"{DOCUMENT_CODES[kind]}/{office}/{serial:04d}/{year}"


@dataclass(frozen=True)
class DocumentView:
    id: uuid.UUID
    kind: str
    number: str
    provisional: bool


@action(Perm.PRINT, label="Menyimpan dokumen bernomor")
def store_document(
    session: Session,
    actor: Actor,
    kind: str,
    number: str,
    subject_type: str,
    subject_id: uuid.UUID,
    pdf: bytes,
    provisional: bool,
) -> DocumentView:
    """Keep an issued PDF with its number and hash, so it can be reprinted and verified."""
    doc = PrintedDocument(
        id=uuid.uuid4(),
        kind=kind,
        number=number,
        subject_type=subject_type,
        subject_id=subject_id,
        provisional=provisional,
        created_at=utcnow(),
        created_by=actor.id,
        content_sha256=hashlib.sha256(pdf).hexdigest(),
        pdf=pdf,
    )
    session.add(doc)
    session.flush()
    audit(
        session,
        actor.id,
        "dokumen_diterbitkan",
        "printed_document",
        doc.id,
        {"kind": kind, "number": number},
    )
    return DocumentView(doc.id, kind, number, provisional)


@action(Perm.PRINT, label="Melihat satu pekerjaan cetak")
def get_print_job(session: Session, actor: Actor, job_id: uuid.UUID) -> PrintJobView:
    job = _job(session, job_id)
    return _view(job)
