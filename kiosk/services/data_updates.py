"""Usulan pemutakhiran data: changes to people already on DTKS/DTSEN, proposed at the counter
or by the facilitator with a reason and the documents seen, reviewed by the supervisor, and
only then sent upstream and into the period's SIKS-NG export (Empat Lawang art. 9(6)c, Barito
Selatan art. 10(3)b angka 1; under the other profiles an office's choice kept for every office,
and the review is listed in the supervisor's inbox: kiosk/services/review_items.py). The
pre-list covers people missing from DTKS; this covers the ones on it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
from kiosk.models import DataUpdateProposal, DtksRecord
from kiosk.number16 import digits16
from kiosk.periods import Period
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.journal import audit, record
from kiosk.services.reference import choices
from kiosk.services.registry import action
from kiosk.services.update_repeats import APPROVED, PROPOSED, REJECTED, refuse_repeat

KINDS = "jenis_pemutakhiran"
NEEDS_VALUE = {"koreksi_nik", "koreksi_nama", "pecah_kk", "gabung_kk", "pindah"}


@dataclass(frozen=True)
class UpdateInput:
    nik: str
    kind: str
    reason: str
    new_value: str = ""
    documents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UpdateView:
    id: uuid.UUID
    nik_masked: str
    name: str
    kind: str
    kind_label: str
    new_value: str
    reason: str
    documents: tuple[str, ...]
    status: str
    proposed_on: date
    review_note: str


def _view(session: Session, p: DataUpdateProposal, clock: Clock) -> UpdateView:
    kinds = {c.code: c.label for c in choices(session, KINDS)}
    return UpdateView(
        p.id,
        mask_nik(p.nik),
        p.name,
        p.kind,
        kinds.get(p.kind, p.kind),
        p.new_value,
        p.reason,
        tuple(p.documents or ()),
        p.status,
        clock.local(p.proposed_at).date(),
        p.review_note,
    )


@action(Perm.PROPOSE_PRELIST, label="Mengusulkan pemutakhiran data warga DTKS")
def propose_data_update(
    session: Session, actor: Actor, data: UpdateInput, clock: Clock | None = None
) -> UpdateView:
    """A change to a person on the active snapshot, with its reason and the documents seen."""
    clock = clock or Clock()
    nik = digits16(data.nik)
    snapshot = active_snapshot(session)
    if snapshot is None:
        raise NotFound(
            _(
                "Usulan pemutakhiran belum dapat dibuat: data DTKS/DTSEN desa ini belum "
                "diimpor, jadi tidak ada data warga yang dapat diubah. Minta administrator "
                "mengimpornya di halaman Data DTKS."
            )
        )
    found = (
        session.scalars(
            select(DtksRecord).where(DtksRecord.snapshot_id == snapshot.id, DtksRecord.nik == nik)
        ).first()
        if nik
        else None
    )
    if found is None:
        raise NotFound(
            _(
                "Usulan pemutakhiran hanya untuk warga yang ada di DTKS/DTSEN desa ini, dan NIK "
                "itu tidak ada. Periksa NIK-nya; warga yang belum terdaftar diusulkan lewat "
                "Usulan daftar awal (pre-list)."
            )
        )
    kinds = {c.code: c.label for c in choices(session, KINDS)}
    if data.kind not in kinds:
        raise ValidationError(
            _("Jenis pemutakhiran '{0}' tidak dikenal. Pakai salah satu: {1}.").format(
                data.kind, ", ".join(kinds)
            ),
            field="kind",
        )
    if not data.reason.strip():
        raise ValidationError(
            _("Tulis alasan usulan (apa yang berubah dan kapan)."), field="reason"
        )
    if data.kind in NEEDS_VALUE and not data.new_value.strip():
        raise ValidationError(
            _("Tulis data yang baru (NIK/nama/KK baru atau alamat tujuan)."), field="new_value"
        )
    assert nik is not None  # the record was found by it
    refuse_repeat(session, nik, data.kind, data.new_value, kinds, clock)
    p = DataUpdateProposal(
        id=uuid.uuid4(),
        nik=nik,
        no_kk=found.no_kk,
        name=found.name,
        kind=data.kind,
        new_value=data.new_value.strip(),
        reason=data.reason.strip(),
        documents=sorted(set(data.documents)),
        status=PROPOSED,
        proposed_by=actor.id,
        proposed_at=clock.now(),
        review_note="",
    )
    session.add(p)
    session.flush()
    audit(session, actor.id, "pemutakhiran_diusulkan", "data_update", p.id, {"jenis": data.kind})
    return _view(session, p, clock)


@action(Perm.APPROVE_SUPERVISOR, label="Memeriksa usulan pemutakhiran data")
def review_data_update(
    session: Session,
    actor: Actor,
    proposal_id: uuid.UUID,
    approve: bool,
    note: str = "",
    clock: Clock | None = None,
) -> UpdateView:
    """Approve (it goes upstream) or reject with a reason; never one's own proposal."""
    clock = clock or Clock()
    p = session.get(DataUpdateProposal, proposal_id)
    if p is None:
        raise NotFound(_("Usulan pemutakhiran tidak ditemukan."))
    if p.status != PROPOSED:
        raise Conflict(_("Usulan ini sudah diperiksa."))
    if p.proposed_by == actor.id:
        raise PermissionDenied(
            _("Usulan ini Anda buat sendiri; pemeriksaannya harus oleh petugas lain."),
            code="tidak_berwenang:menyetujui_sendiri",
        )
    if not approve and not note.strip():
        raise ValidationError(_("Tulis alasan penolakan untuk petugas pengusul."), field="note")
    p.status = APPROVED if approve else REJECTED
    p.reviewed_by, p.reviewed_at, p.review_note = actor.id, clock.now(), note.strip()
    payload = (
        {
            "nik": p.nik,
            "no_kk": p.no_kk,
            "kind": p.kind,
            "new_value": p.new_value,
            "reason": p.reason,
            "documents": list(p.documents or ()),
            "proposed_at": p.proposed_at.isoformat(),
            "approved_at": p.reviewed_at.isoformat(),
        }
        if approve
        else None  # a rejected proposal stays in the office
    )
    record(
        session,
        actor.id,
        f"pemutakhiran_{p.status}",
        "data_update",
        p.id,
        payload,
        {"jenis": p.kind},
    )
    return _view(session, p, clock)


@action(Perm.VIEW_CASE, label="Melihat usulan pemutakhiran data")
def list_data_updates(
    session: Session, actor: Actor, status: str | None = None, clock: Clock | None = None
) -> list[UpdateView]:
    """Newest first; ``status`` diajukan / disetujui / ditolak or all."""
    clock = clock or Clock()
    stmt = select(DataUpdateProposal).order_by(DataUpdateProposal.proposed_at.desc())
    if status:
        stmt = stmt.where(DataUpdateProposal.status == status)
    return [_view(session, p, clock) for p in session.scalars(stmt.limit(500))]


def approved_in(session: Session, period: Period, zone: str) -> list[DataUpdateProposal]:
    """The approved proposals of ``period`` (by the day they were proposed), for the export."""
    first, after = period.bounds(zone)
    return list(
        session.scalars(
            select(DataUpdateProposal)
            .where(
                DataUpdateProposal.status == APPROVED,
                DataUpdateProposal.proposed_at >= first,
                DataUpdateProposal.proposed_at < after,
            )
            .order_by(DataUpdateProposal.proposed_at)
        )
    )
